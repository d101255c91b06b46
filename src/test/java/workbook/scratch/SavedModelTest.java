package workbook.scratch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The from-scratch model's save and load: the header names the architecture, loading is all or nothing. */
class SavedModelTest {

    private static final double[][][] X = {{{0.1}, {0.5}, {-0.3}}, {{1.0}, {0.2}, {0.0}}};

    private static Model lstm(int hidden, long seed) {
        return Model.builder(Recurrent.lstm(1, hidden).seed(seed).build()).outputs(1).seed(seed).build();
    }

    private static void assertSame(double[][] expected, double[][] got) {
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got[i], 0.0);
        }
    }

    @Test
    void savedWeightsLoadIntoAModelBuiltTheSameWay(@TempDir Path dir) throws Exception {
        Model a = lstm(4, 1);
        a.fit(X, new double[][] {{0.5}, {-0.5}}, TrainingTest.quiet(3, 2));
        a.save(dir.resolve("a.model"));
        Model b = lstm(4, 2);
        assertTrue(Math.abs(a.predict(X)[0][0] - b.predict(X)[0][0]) > 1e-6);
        b.load(dir.resolve("a.model"));
        assertSame(a.predict(X), b.predict(X));
    }

    @Test
    void anotherArchitectureOrATruncatedFileIsRefusedAndNothingChanges(@TempDir Path dir) throws Exception {
        Path wide = dir.resolve("wide.model");
        lstm(6, 1).save(wide);
        Path gru = dir.resolve("gru.model");
        Model.builder(Recurrent.gru(1, 4).build()).build().save(gru);
        Path truncated = dir.resolve("truncated.model");
        byte[] whole = Files.readAllBytes(dir.resolve("wide.model"));
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 8));

        Model model = lstm(4, 3);
        double[][] before = model.predict(X);
        String message = assertThrows(IOException.class, () -> model.load(wide)).getMessage();
        assertTrue(message.contains("hidden 6 in the file, 4 in this model"), message);
        message = assertThrows(IOException.class, () -> model.load(gru)).getMessage();
        assertTrue(message.contains("cell GRU in the file, LSTM in this model"), message);
        message = assertThrows(IOException.class, () -> model.load(truncated)).getMessage();
        assertTrue(message.contains("is truncated") && message.contains("cell LSTM, features 1, hidden 6"), message);
        assertSame(before, model.predict(X));
    }

    /**
     * A file damaged after its header, behind a CRC that matches (the damage was there when it was written): its last
     * weight is NaN. Nothing of it reaches the model, although every weight before the last one reads fine.
     */
    @Test
    void aFileDamagedAfterItsHeaderChangesNoWeight(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.model");
        lstm(4, 1).save(good);
        byte[] weights = workbook.io.ModelFile.read(good, Model.FILE_KIND).weights();
        java.nio.ByteBuffer.wrap(weights).putDouble(weights.length - Double.BYTES, Double.NaN);
        Model model = lstm(4, 3);
        Path damaged = dir.resolve("damaged.model");
        workbook.io.ModelFile.write(damaged, Model.FILE_KIND, model.architecture(), weights);
        double[][] before = model.predict(X);
        String message = assertThrows(IOException.class, () -> model.load(damaged)).getMessage();
        assertTrue(message.endsWith("damaged.model is damaged: weight head.bias holds NaN at index 0; the model keeps"
                + " its weights"), message);
        assertSame(before, model.predict(X));

        Map<String, Object> dict = lstm(4, 9).stateDict();
        ((double[][]) dict.get("rnn.weight_hh_l0"))[2][1] = Double.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(dict));
        assertTrue(e.getMessage().equals("weight_hh_l0[2][1] is Infinity; weights must be finite"), e.getMessage());
        assertSame(before, model.predict(X));
    }

    @Test
    void loadStateDictChecksEveryShapeBeforeChangingAnyWeight() {
        Model model = lstm(4, 3);
        double[][] before = model.predict(X);
        Map<String, Object> dict = lstm(4, 9).stateDict();
        dict.put("head.bias", new double[] {1, 2});   // the last weight has the wrong shape
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(dict));
        assertTrue(e.getMessage().contains("bias: expected shape [1], got [2]"), e.getMessage());
        assertSame(before, model.predict(X));

        Recurrent rnn = Recurrent.lstm(1, 4).seed(3).build();
        Map<String, Object> weights = rnn.stateDict();
        Map<String, Object> bad = Recurrent.lstm(1, 4).seed(5).build().stateDict();
        bad.put("bias_hh_l0", new double[3]);
        assertThrows(IllegalArgumentException.class, () -> rnn.loadStateDict(bad));
        for (Map.Entry<String, Object> w : rnn.stateDict().entrySet()) {
            assertTrue(Arrays.deepEquals(new Object[] {weights.get(w.getKey())}, new Object[] {w.getValue()}), w.getKey());
        }
    }
}
