package workbook.djl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.scratch.TrainingDivergedException;
import workbook.model.Fit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved files name their architecture; loading checks it and is all or nothing. */
class SavedModelTest {

    private static final double[][][] ONE_FEATURE = TrainingTest.windows(TrainingTest.noisySine(60, 3), 0, 60, 8);
    private static final double[][] TARGETS = TrainingTest.targets(TrainingTest.noisySine(60, 3), 0, 60, 8);

    private static RecurrentModel trainedGru(long seed) {
        RecurrentModel model = RecurrentModel.gru(5).outputs(1).seed(seed).build();
        model.fit(TrainData.of(ONE_FEATURE, TARGETS), Fit.epochs(1).progress(false));
        return model;
    }

    private static void assertSamePredictions(double[][] expected, double[][] got) {
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got[i], 0.0, "row " + i);
        }
    }

    @Test
    void anotherCellKindIsRefusedNamingBothAndTheModelKeepsItsWeights(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lstm.model");
        try (RecurrentModel lstm = RecurrentModel.lstm(5).outputs(1).inputFeatures(1).build()) {
            lstm.save(file);
        }
        try (RecurrentModel gru = trainedGru(7)) {
            double[][] before = gru.predict(ONE_FEATURE);
            IOException e = assertThrows(IOException.class, () -> gru.load(file));
            assertTrue(e.getMessage().contains("cell LSTM in the file, GRU in this model"), e.getMessage());
            assertTrue(e.getMessage().contains("holds a workbook.djl.RecurrentModel model (cell LSTM, hidden 5"), e.getMessage());
            assertSamePredictions(before, gru.predict(ONE_FEATURE));
        }
    }

    @Test
    void aFromScratchModelRefusesADjlFileNamingWhatItHolds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gru.model");
        try (RecurrentModel gru = trainedGru(7)) {
            gru.save(file);
        }
        workbook.scratch.Model scratch = workbook.scratch.Model.builder(workbook.scratch.Recurrent.gru(1, 5).build()).build();
        IOException e = assertThrows(IOException.class, () -> scratch.load(file));
        assertEquals(file + " holds a workbook.djl.RecurrentModel model (cell GRU, hidden 5, layers 1, bidirectional false,"
                + " features 1, embedding none, units 1, output LAST_STEP, task REGRESSION), not a workbook.scratch.Model"
                + " model", e.getMessage());
    }

    @Test
    void aWrongFeatureCountIsRefusedNamingBothCounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("three.model");
        try (RecurrentModel three = RecurrentModel.gru(5).outputs(1).inputFeatures(3).build()) {
            three.save(file);
        }
        try (RecurrentModel one = trainedGru(7)) {
            double[][] before = one.predict(ONE_FEATURE);
            IOException e = assertThrows(IOException.class, () -> one.load(file));
            assertTrue(e.getMessage().contains("features 3 in the file, 1 in this model"), e.getMessage());
            assertSamePredictions(before, one.predict(ONE_FEATURE));
        }
    }

    @Test
    void aTruncatedFileIsRefusedAndTheTrainedModelIsUnchanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gru.model");
        try (RecurrentModel other = trainedGru(8)) {
            other.save(file);
        }
        byte[] whole = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.model");
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 40));
        Path headerOnly = dir.resolve("header.model");
        Files.write(headerOnly, Arrays.copyOf(whole, 30));
        Path damaged = dir.resolve("damaged.model");
        byte[] flipped = whole.clone();
        flipped[flipped.length - 5] ^= 0x55;
        Files.write(damaged, flipped);
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello", StandardCharsets.UTF_8);
        try (RecurrentModel trained = trainedGru(7)) {
            double[][] before = trained.predict(ONE_FEATURE);
            String message = assertThrows(IOException.class, () -> trained.load(truncated)).getMessage();
            assertTrue(message.contains("is truncated") && message.contains("(cell GRU, hidden 5, layers 1")
                    && message.contains("bytes of weights, but"), message);
            message = assertThrows(IOException.class, () -> trained.load(headerOnly)).getMessage();
            assertTrue(message.contains("ends inside the header (30 bytes in all)"), message);
            message = assertThrows(IOException.class, () -> trained.load(damaged)).getMessage();
            assertTrue(message.contains("is damaged: the CRC-32"), message);
            message = assertThrows(IOException.class, () -> trained.load(text)).getMessage();
            assertTrue(message.contains("is not a saved workbook model"), message);
            assertThrows(java.nio.file.NoSuchFileException.class, () -> trained.load(dir.resolve("absent.model")));
            assertSamePredictions(before, trained.predict(ONE_FEATURE));
        }
    }

    /** A file with a sound header and CRC whose weights are cut off half-way: nothing of it reaches the model. */
    @Test
    void weightsThatFailHalfWayLeaveTheModelAsItWas(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("gru.model");
        try (RecurrentModel other = trainedGru(8)) {
            other.save(saved);
        }
        byte[] weights = workbook.io.ModelFile.read(saved, RecurrentModel.FILE_KIND).weights();
        Path cut = dir.resolve("cut.model");
        try (RecurrentModel trained = trainedGru(7)) {
            workbook.io.ModelFile.write(cut, RecurrentModel.FILE_KIND, trained.architecture(),
                    Arrays.copyOf(weights, weights.length * 2 / 3));
            double[][] before = trained.predict(ONE_FEATURE);
            String message = assertThrows(IOException.class, () -> trained.load(cut)).getMessage();
            assertTrue(message.contains("passed its header checks but its weights could not be read")
                    && message.endsWith("the model keeps its weights"), message);
            assertSamePredictions(before, trained.predict(ONE_FEATURE));
        }
    }

    /** A file damaged after its header behind a matching CRC: a NaN in the head's bias. */
    @Test
    void aNonFiniteWeightInTheFileIsRefusedAndNothingChanges(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("gru.model");
        float bias;
        try (RecurrentModel other = trainedGru(8)) {
            other.save(saved);
            bias = other.weight("head.bias")[0];
        }
        byte[] weights = workbook.io.ModelFile.read(saved, RecurrentModel.FILE_KIND).weights();
        int at = indexOf(weights, ByteBuffer.allocate(Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).putFloat(bias).array());
        assertTrue(at > 0, "the head's bias is in the file");
        ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).putFloat(at, Float.NaN);
        Path damaged = dir.resolve("damaged.model");
        try (RecurrentModel trained = trainedGru(7)) {
            workbook.io.ModelFile.write(damaged, RecurrentModel.FILE_KIND, trained.architecture(), weights);
            double[][] before = trained.predict(ONE_FEATURE);
            String message = assertThrows(IOException.class, () -> trained.load(damaged)).getMessage();
            assertTrue(message.endsWith("damaged.model is damaged: weight head.bias holds NaN at index 0; the model keeps"
                    + " its weights"), message);
            assertSamePredictions(before, trained.predict(ONE_FEATURE));
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Weights of another hidden size behind a header that claims this model's: refused, and no weight changes. */
    @Test
    void weightsOfAnotherShapeBehindAMatchingHeaderAreRefusedAndNothingChanges(@TempDir Path dir) throws Exception {
        Path wide = dir.resolve("wide.model");
        try (RecurrentModel six = RecurrentModel.gru(6).outputs(1).inputFeatures(1).build()) {
            six.save(wide);
        }
        byte[] weights = workbook.io.ModelFile.read(wide, RecurrentModel.FILE_KIND).weights();
        Path forged = dir.resolve("forged.model");
        try (RecurrentModel trained = trainedGru(7)) {
            workbook.io.ModelFile.write(forged, RecurrentModel.FILE_KIND, trained.architecture(), weights);
            double[][] before = trained.predict(ONE_FEATURE);
            String message = assertThrows(IOException.class, () -> trained.load(forged)).getMessage();
            assertTrue(message.contains(": weight l_0_i2h_WEIGHT has shape (18, 1) in the file, this model expects (15, 1)")
                    && message.endsWith("the model keeps its weights"), message);
            assertSamePredictions(before, trained.predict(ONE_FEATURE));
        }
    }

    /** A model without weights yet stays without them when a file's weights fail after its header passed. */
    @Test
    void aFileThatFailsAfterItsHeaderLeavesAModelWithoutWeightsUnset(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gru.model");
        Map<String, String> header;
        try (RecurrentModel trained = trainedGru(7)) {
            trained.save(file);
            header = trained.architecture();
        }
        byte[] weights = workbook.io.ModelFile.read(file, RecurrentModel.FILE_KIND).weights();
        Path truncated = dir.resolve("truncated.model");
        workbook.io.ModelFile.write(truncated, RecurrentModel.FILE_KIND, header, Arrays.copyOf(weights, weights.length * 2 / 3));
        try (RecurrentModel fresh = RecurrentModel.gru(5).outputs(1).build()) {
            String message = assertThrows(IOException.class, () -> fresh.load(truncated)).getMessage();
            assertTrue(message.endsWith("the model keeps its weights"), message);
            assertEquals("(not set yet)", fresh.architecture().get("features"), "the failed file fixed the feature count");
            fresh.load(file);   // and the good file still loads
            assertEquals("1", fresh.architecture().get("features"));
        }
    }

    @Test
    void aModelWithoutWeightsTakesTheFilesFeatureCount(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gru.model");
        double[][] expected;
        try (RecurrentModel trained = trainedGru(7)) {
            expected = trained.predict(ONE_FEATURE);
            trained.save(file);
        }
        try (RecurrentModel fresh = RecurrentModel.gru(5).outputs(1).build()) {
            fresh.load(file);
            assertEquals("1", fresh.architecture().get("features"));
            assertSamePredictions(expected, fresh.predict(ONE_FEATURE));
        }
    }

    @Test
    void aHugeLearningRateStopsTrainingWithTrainingDivergedException() {
        try (RecurrentModel model = RecurrentModel.lstm(8).outputs(1).build()) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> model.fit(
                    TrainData.of(ONE_FEATURE, TARGETS), Fit.epochs(30).batchSize(4).learningRate(1e30).progress(false)));
            assertTrue(e.getMessage().startsWith("training diverged: the loss is "), e.getMessage());
            assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
            // the update that would have written non-finite weights did not happen
            for (float w : model.weight("head.weight")) {
                assertTrue(Float.isFinite(w), "head weight " + w);
            }
        }
    }
}
