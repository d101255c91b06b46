package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.model.CellKind;
import workbook.model.Fit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trainable embedding in front of a recurrent model: lookup, masking, equivalence, training, errors. */
class TokenEmbeddingTest {

    @Test
    void lookupReturnsTheTableRows() {
        try (NDManager m = Models.newManager()) {
            TokenEmbedding embedding = new TokenEmbedding(4, 2);
            embedding.initialize(m, DataType.FLOAT32, new Shape(1, 1, 1));
            NDArray table = embedding.getParameters().get(TokenEmbedding.WEIGHT).getArray();
            Models.overwrite(table, new float[] {0, 0, 1, 2, 3, 4, 5, 6});
            NDArray ids = m.create(new float[] {3, 1, 0, 2}, new Shape(2, 2, 1));
            NDArray vectors = embedding.embed(new ParameterStore(m, false), ids, false);
            assertEquals(new Shape(2, 2, 2), vectors.getShape());
            assertArrayEquals(new float[] {5, 6, 1, 2, 0, 0, 3, 4}, vectors.toFloatArray());
        }
    }

    @Test
    void initialisedLikePyTorchStandardNormal() {
        try (RecurrentModel model = RecurrentModel.lstm(4).embedding(500, 40).classes(2).seed(3).build()) {
            float[] table = model.weight("embedding.weight");
            assertArrayEquals(new long[] {500, 40}, model.weightShape("embedding.weight"));
            double mean = 0;
            double squares = 0;
            for (float v : table) {
                mean += v;
                squares += v * v;
            }
            mean /= table.length;
            double sd = Math.sqrt(squares / table.length - mean * mean);
            assertEquals(0, mean, 0.03);
            assertEquals(1, sd, 0.03);
        }
    }

    @Test
    void extraPaddingDoesNotChangeTheOutput() {
        int[][] shortPad = {{5, 2, 7, 0}, {3, 0, 0, 0}, {1, 4, 6, 2}};
        // The same sentences with five more steps of padding, filled with real ids to make any leak visible.
        int[][] longPad = {{5, 2, 7, 9, 9, 9, 9, 9, 9}, {3, 8, 8, 8, 8, 8, 8, 8, 8}, {1, 4, 6, 2, 7, 7, 7, 7, 7}};
        int[] lengths = {3, 1, 4};
        for (CellKind kind : CellKind.values()) {
            try (RecurrentModel model = RecurrentModel.of(kind, 6).layers(2).bidirectional().embedding(10, 3)
                    .classes(2).seed(5).build()) {
                double[][] a = model.predict(shortPad, lengths);
                double[][] b = model.predict(longPad, lengths);
                double[][] unmasked = model.predict(longPad, null);
                double leak = 0;
                for (int i = 0; i < lengths.length; i++) {
                    for (int j = 0; j < 2; j++) {
                        assertEquals(a[i][j], b[i][j], 1e-6, kind + " sentence " + i);
                        leak = Math.max(leak, Math.abs(unmasked[i][j] - b[i][j]));
                    }
                }
                // Without lengths the padding is read as words: the comparison above is not vacuous.
                assertTrue(leak > 1e-3, kind + ": without lengths the padding should change the output, max diff " + leak);
            }
        }
    }

    @Test
    void equalsTheSameModelReadingTheLookedUpVectors() {
        int vocabulary = 7;
        int dimension = 3;
        int[][] ids = {{1, 6, 2, 0}, {4, 4, 3, 5}};
        int[] lengths = {3, 4};
        try (RecurrentModel withEmbedding = RecurrentModel.gru(5).bidirectional().embedding(vocabulary, dimension)
                .classes(3).seed(8).build();
             RecurrentModel plain = RecurrentModel.gru(5).bidirectional().classes(3).inputFeatures(dimension).seed(9).build()) {
            for (String name : plain.parameters().keySet()) {
                plain.setWeight(name, withEmbedding.weight(name));
            }
            float[] flatTable = withEmbedding.weight("embedding.weight");
            double[][][] vectors = new double[ids.length][ids[0].length][dimension];
            for (int i = 0; i < ids.length; i++) {
                for (int t = 0; t < ids[i].length; t++) {
                    for (int k = 0; k < dimension; k++) {
                        vectors[i][t][k] = flatTable[ids[i][t] * dimension + k];
                    }
                }
            }
            double[][] expected = plain.predict(vectors, lengths);
            double[][] got = withEmbedding.predict(ids, lengths);
            for (int i = 0; i < ids.length; i++) {
                assertArrayEquals(expected[i], got[i], 1e-6);
            }
        }
    }

    @Test
    void learnsWhichTokenCarriesTheLabel() {
        // Token 2 anywhere in a sentence of neutral tokens (3..11) means class 1, token 1 class 0. Lengths vary.
        Random rng = new Random(4);
        int samples = 300;
        int steps = 8;
        int[][] ids = new int[samples][steps];
        int[] labels = new int[samples];
        int[] lengths = new int[samples];
        for (int i = 0; i < samples; i++) {
            lengths[i] = 3 + rng.nextInt(steps - 2);
            labels[i] = rng.nextInt(2);
            for (int t = 0; t < lengths[i]; t++) {
                ids[i][t] = 3 + rng.nextInt(9);
            }
            ids[i][rng.nextInt(lengths[i])] = labels[i] == 1 ? 2 : 1;
        }
        int trainSize = 240;
        try (RecurrentModel model = RecurrentModel.lstm(8).embedding(12, 4).classes(2).seed(1).build()) {
            float[] before = model.weight("embedding.weight");
            model.fit(TrainData.ofTokenClasses(Arrays.copyOf(ids, trainSize), Arrays.copyOf(labels, trainSize),
                    Arrays.copyOf(lengths, trainSize)), Fit.epochs(8).batchSize(16).learningRate(0.02).seed(1));
            double[][] logits = model.predict(Arrays.copyOfRange(ids, trainSize, samples),
                    Arrays.copyOfRange(lengths, trainSize, samples));
            int correct = 0;
            for (int i = 0; i < logits.length; i++) {
                correct += (logits[i][1] > logits[i][0] ? 1 : 0) == labels[trainSize + i] ? 1 : 0;
            }
            assertTrue(correct >= 0.95 * logits.length, "held-out accuracy " + correct + " of " + logits.length);
            float[] after = model.weight("embedding.weight");
            double change = 0;
            for (int k = 0; k < before.length; k++) {
                change = Math.max(change, Math.abs(after[k] - before[k]));
            }
            assertTrue(change > 0.05, "the embedding table was trained, max change " + change);
        }
    }

    @Test
    void savedAndLoadedWithTheRestOfTheModel(@TempDir Path dir) throws Exception {
        int[][] ids = {{1, 2, 3}};
        try (RecurrentModel a = RecurrentModel.lstm(3).embedding(5, 2).classes(2).seed(1).build();
             RecurrentModel b = RecurrentModel.lstm(3).embedding(5, 2).classes(2).seed(2).build()) {
            a.save(dir.resolve("m.params"));
            b.load(dir.resolve("m.params"));
            assertArrayEquals(a.weight("embedding.weight"), b.weight("embedding.weight"));
            assertArrayEquals(a.predict(ids, null)[0], b.predict(ids, null)[0], 1e-7);
        }
    }

    @Test
    void wrongInputGetsAClearMessage() {
        try (RecurrentModel model = RecurrentModel.lstm(3).embedding(5, 2).classes(2).build();
             RecurrentModel noEmbedding = RecurrentModel.lstm(3).classes(2).build()) {
            String tooLarge = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(new int[][] {{1, 2}, {4, 5}}, null)).getMessage();
            assertEquals("the input data has token id 5 at [1][1], but the embedding's vocabulary size is 5 (ids 0..4)",
                    tooLarge);
            String inTraining = assertThrows(IllegalArgumentException.class, () -> model.fit(
                    TrainData.ofTokenClasses(new int[][] {{7, 1}}, new int[] {0}, null), Fit.epochs(1))).getMessage();
            assertTrue(inTraining.contains("token id 7") && inTraining.contains("vocabulary size is 5"), inTraining);
            String negative = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(new int[][] {{1, -1}}, null)).getMessage();
            assertEquals("ids[0][1] = -1; token ids start at 0", negative);
            String ragged = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(new int[][] {{1, 2}, {1}}, null)).getMessage();
            assertTrue(ragged.startsWith("token ids must be rectangular"), ragged);
            String vectors = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(new double[][][] {{{0.5, 1}}}, null)).getMessage();
            assertTrue(vectors.contains("reads token ids") && vectors.contains("[1][1][2]"), vectors);
            String noTable = assertThrows(IllegalArgumentException.class, () -> noEmbedding.fit(
                    TrainData.ofTokenClasses(new int[][] {{1, 2}}, new int[] {0}, null), Fit.epochs(1))).getMessage();
            assertTrue(noTable.contains("has no embedding"), noTable);
            String features = assertThrows(IllegalArgumentException.class,
                    () -> RecurrentModel.lstm(3).embedding(5, 2).inputFeatures(4).build()).getMessage();
            assertTrue(features.contains("one token id per step"), features);
            String size = assertThrows(IllegalArgumentException.class,
                    () -> RecurrentModel.lstm(3).embedding(0, 2)).getMessage();
            assertTrue(size.contains("got 0 and 2"), size);
        }
    }
}
