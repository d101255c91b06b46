package workbook.djl;

import org.junit.jupiter.api.Test;
import workbook.display.Interruption;

import workbook.classic.Baselines;
import workbook.classic.Metrics;
import workbook.data.Scaler;
import workbook.data.StandardScaler;
import workbook.data.WindowGenerator;
import workbook.data.WindowedSplits;
import workbook.data.Windows;
import workbook.model.Fit;

import java.nio.file.Files;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingTest {

    /** A noisy sine: period 25 steps, noise sd 0.1. */
    static double[] noisySine(int n, long seed) {
        Random rng = new Random(seed);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.sin(2 * Math.PI * i / 25.0) + 0.1 * rng.nextGaussian();
        }
        return s;
    }

    /** Windows of {@code window} values, target = the next value. */
    static double[][][] windows(double[] s, int from, int to, int window) {
        double[][][] x = new double[to - from - window][window][1];
        for (int i = 0; i < x.length; i++) {
            for (int t = 0; t < window; t++) {
                x[i][t][0] = s[from + i + t];
            }
        }
        return x;
    }

    static double[][] targets(double[] s, int from, int to, int window) {
        double[][] y = new double[to - from - window][1];
        for (int i = 0; i < y.length; i++) {
            y[i][0] = s[from + i + window];
        }
        return y;
    }

    @Test
    void lstmOnNoisySineBeatsPersistence() {
        double[] s = noisySine(1200, 1);
        int window = 20;
        // Chronological 70/15/15 split, scaler fitted on the training rows only (workbook.data).
        WindowedSplits data = WindowGenerator.builder().inputWidth(window).labelWidth(1).shift(1).build()
                .split(s, 0.7, 0.15, Scaler.Kind.STANDARD);
        try (RecurrentModel model = RecurrentModel.lstm(32).outputs(1).build()) {
            long start = System.nanoTime();
            History h = model.fit(TrainData.of(data.train()), TrainData.of(data.validation()),
                    Fit.epochs(15).batchSize(32).learningRate(1e-2).patience(4).clipGradientNorm(1.0).seed(42).progress(false));
            double seconds = (System.nanoTime() - start) / 1e9;
            Windows test = data.test();
            double[] forecast = Forecasts.oneStep(model, test.inputs(), data.scaler());
            double[] actual = new double[test.size()];
            double[] persistence = new double[test.size()];
            for (int w = 0; w < test.size(); w++) {
                int row = test.labelRows(w)[0];
                actual[w] = s[row];
                persistence[w] = Baselines.persistence().forecast(Arrays.copyOf(s, row), 1)[0];
            }
            double mse = Metrics.mse(actual, forecast);
            double persistenceMse = Metrics.mse(actual, persistence);
            System.out.printf("noisy sine: LSTM test MSE %.4f, persistence %.4f, %d epochs in %.1f s%n",
                    mse, persistenceMse, h.epochs().size(), seconds);
            // Noise alone gives an MSE of 0.01; persistence pays the noise twice plus the sine's step change.
            assertTrue(mse < 0.5 * persistenceMse, "LSTM " + mse + " vs persistence " + persistenceMse);
            double scaledMse = model.evaluate(TrainData.of(test));
            double std = ((StandardScaler) data.scaler()).std()[0];
            assertEquals(mse, scaledMse * std * std, 1e-4, "evaluate gives the same MSE in scaled units");
            assertEquals(h.epochs().size(), h.table().rowCount());
            assertEquals(4, h.table().columnCount());
            assertTrue(h.plot().asJavascript("loss").contains("validation"));
        }
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        double[] s = noisySine(400, 2);
        double[][][] x = windows(s, 0, 300, 10);
        double[][] y = targets(s, 0, 300, 10);
        double[][][] xVal = windows(s, 300, 400, 10);
        double[][] yVal = targets(s, 300, 400, 10);
        try (RecurrentModel model = RecurrentModel.gru(8).outputs(1).build()) {
            // A learning rate this large makes the validation loss jump around, so patience runs out.
            History h = model.fit(TrainData.of(x, y), TrainData.of(xVal, yVal),
                    Fit.epochs(60).learningRate(0.3).patience(2).progress(false));
            assertTrue(h.isStoppedEarly(), "stopped early: " + h);
            assertTrue(h.epochs().size() < 60);
            double bestLoss = h.epochs().get(h.bestEpoch() - 1).validationLoss();
            assertEquals(h.epochs().size(), h.bestEpoch() + 2, "stopped after patience epochs without improvement");
            assertEquals(bestLoss, model.evaluate(TrainData.of(xVal, yVal)), 1e-5,
                    "the model holds the best epoch's weights, not the last epoch's");
            double lastLoss = h.epochs().get(h.epochs().size() - 1).validationLoss();
            assertNotEquals(lastLoss, bestLoss);
        }
    }

    @Test
    void interruptStopsAtTheNextBatchAndKeepsTheWeights() throws Exception {
        double[] s = noisySine(3000, 3);
        double[][][] x = windows(s, 0, 3000, 30);
        double[][] y = targets(s, 0, 3000, 30);
        try (RecurrentModel model = RecurrentModel.lstm(32).outputs(1).inputFeatures(1).build()) {
            float[] before = model.weight("l_0_i2h_WEIGHT");
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread training = new Thread(() -> {
                try {
                    model.fit(TrainData.of(x, y), Fit.epochs(1000).batchSize(16).progress(false));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            training.start();
            while (model.lastHistory() == null || model.lastHistory().batchesTrained() < 5) {
                Thread.sleep(5);
            }
            training.interrupt();
            training.join(2000);
            assertFalse(training.isAlive(), "fit ended soon after the interrupt");
            assertTrue(thrown.get() instanceof Interruption.StoppedByInterrupt, "stopped by " + thrown.get());
            History h = model.lastHistory();
            assertTrue(h.isInterrupted());
            assertTrue(h.batchesTrained() >= 5 && h.batchesTrained() < 1000 * 186L);
            float[] after = model.weight("l_0_i2h_WEIGHT");
            assertFalse(java.util.Arrays.equals(before, after), "the trained weights are kept");
            // Still usable, and training resumes from there.
            assertEquals(1, model.predict(new double[][][] {x[0]}).length);
        }
    }

    @Test
    void repeatedFitsDoNotGrowNativeMemory() throws Exception {
        double[] s = noisySine(220, 4);
        double[][][] x = windows(s, 0, 220, 20);
        double[][] y = targets(s, 0, 220, 20);
        TrainData data = TrainData.of(x, y);
        long after5 = 0;
        for (int i = 1; i <= 20; i++) {
            try (RecurrentModel model = RecurrentModel.lstm(32).outputs(1).build()) {
                model.fit(data, data, Fit.epochs(2).patience(1).clipGradientNorm(1.0).progress(false));
                model.predict(x);
            }
            if (i == 5) {
                after5 = rssKiB();
            }
        }
        long after20 = rssKiB();
        System.out.printf("RSS after model 5: %d MiB, after model 20: %d MiB%n", after5 / 1024, after20 / 1024);
        // Each model's data alone is about 0.2 MB per fit; a leak of every batch's arrays would add ~10 MB per model.
        assertTrue(after20 - after5 < 40 * 1024, "native memory grew by " + (after20 - after5) / 1024 + " MiB");
    }

    static long rssKiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    void saveAndLoadGiveTheSamePredictions(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        double[][][] x = windows(noisySine(100, 5), 0, 100, 10);
        Path file = dir.resolve("gru.params");
        double[][] expected;
        try (RecurrentModel model = RecurrentModel.gru(6).layers(2).bidirectional().outputs(1).seed(1).build()) {
            model.fit(TrainData.of(x, targets(noisySine(100, 5), 0, 100, 10)), Fit.epochs(2).progress(false));
            expected = model.predict(x);
            model.save(file);
        }
        try (RecurrentModel copy = RecurrentModel.gru(6).layers(2).bidirectional().outputs(1).seed(2)
                .inputFeatures(1).build()) {
            assertNotEquals(expected[0][0], copy.predict(x)[0][0]);
            copy.load(file);
            double[][] got = copy.predict(x);
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(expected[i], got[i], 1e-7);
            }
        }
    }

    @Test
    void badInputIsNamed() {
        double[][][] x = {{{1}, {2}}, {{3}, {4}}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainData.of(x, new double[][] {{1}}));
        assertTrue(e.getMessage().contains("1 rows") && e.getMessage().contains("2 sequences"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainData.of(new double[0][][], new double[0][]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainData.of(new double[][][] {{{1}, {2}}, {{3}}}, new double[][] {{1}, {2}}));
        assertTrue(e.getMessage().contains("x[1] has 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TrainData.of(new double[][][] {{{1}, {Double.NaN}}}, new double[][] {{1}}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        try (RecurrentModel model = RecurrentModel.rnn(4).outputs(1).inputFeatures(1).build()) {
            e = assertThrows(IllegalArgumentException.class, () -> model.predict(new double[][][] {{{1, 2}, {3, 4}}}));
            assertTrue(e.getMessage().contains("[1][2][2]") && e.getMessage().contains("[samples][steps][1]"),
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> model.fit(TrainData.of(x, new double[][] {{1, 2}, {3, 4}}), Fit.epochs(1)));
            assertTrue(e.getMessage().contains("2 values per sequence, expected 1"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> model.fit(TrainData.ofClasses(x, new int[] {0, 1}, null), Fit.epochs(1)));
            assertTrue(e.getMessage().contains("class labels"), e.getMessage());
        }
    }
}
