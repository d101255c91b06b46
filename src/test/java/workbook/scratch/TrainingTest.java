package workbook.scratch;

import workbook.model.CellKind;
import workbook.model.Fit;
import workbook.model.Output;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingTest {

    /** Windows of 20 steps of a sine, target the next value. */
    static double[][][] windows(int n, int time, double[][] y) {
        double[][][] x = new double[n][time][1];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < time; t++) {
                x[i][t][0] = Math.sin((i + t) * 0.3);
            }
            y[i][0] = Math.sin((i + time) * 0.3);
        }
        return x;
    }

    /** Sequences {@code [n][time][1]} of sin((i + t + shift) · frequency): with shift 1, the next steps of shift 0. */
    static double[][][] sineSteps(int n, int time, double frequency, int shift) {
        double[][][] x = new double[n][time][1];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < time; t++) {
                x[i][t][0] = Math.sin((i + t + shift) * frequency);
            }
        }
        return x;
    }

    /** Training options without the progress line. */
    static Fit quiet(int epochs, int batchSize) {
        return Fit.epochs(epochs).batchSize(batchSize).progress(false);
    }

    @Test
    void lstmLearnsToContinueASine() {
        double[][] y = new double[200][1];
        double[][][] x = windows(200, 20, y);
        Model model = Model.builder(Recurrent.lstm(1, 16).seed(3).build()).outputs(1).optimizer(Optimizer.adam(0.01)).build();
        List<Double> losses = model.fit(x, y, quiet(30, 16).seed(3));
        assertEquals(30, losses.size());
        assertTrue(losses.get(29) < 0.01 * losses.get(0), "loss went from " + losses.get(0) + " to " + losses.get(29));
        double[][] prediction = model.predict(x);
        double mse = 0;
        for (int i = 0; i < y.length; i++) {
            mse += Math.pow(prediction[i][0] - y[i][0], 2) / y.length;
        }
        assertTrue(mse < 0.01, "mse " + mse);
    }

    @Test
    void sameSeedSameTraining() {
        double[][] y = new double[64][1];
        double[][][] x = windows(64, 10, y);
        List<Double> a = Model.builder(Recurrent.gru(1, 8).seed(5).build()).seed(5).build().fit(x, y, quiet(3, 8).seed(5));
        List<Double> b = Model.builder(Recurrent.gru(1, 8).seed(5).build()).seed(5).build().fit(x, y, quiet(3, 8).seed(5));
        assertEquals(a, b);
    }

    @Test
    void trainingOnSeveralThreadsEqualsOneThreadUpToRounding() {
        double[][] y = new double[70][1];
        double[][][] x = windows(70, 9, y);
        // batches of 16 and a last one of 6; 3 threads cut 16 into 5 + 5 + 6
        for (int threads : new int[] {2, 3}) {
            Model one = Model.builder(Recurrent.lstm(1, 6).layers(2).bidirectional(true).seed(5).build()).seed(5).build();
            Model many = Model.builder(Recurrent.lstm(1, 6).layers(2).bidirectional(true).seed(5).build()).seed(5).threads(threads).build();
            List<Double> a = one.fit(x, y, quiet(3, 16).seed(5));
            List<Double> b = many.fit(x, y, quiet(3, 16).seed(5));
            for (int e = 0; e < a.size(); e++) {
                assertEquals(a.get(e), b.get(e), 1e-12 * a.get(e), "epoch " + (e + 1) + " with " + threads + " threads");
            }
            assertParametersEqual(one, many, 1e-12);
        }
    }

    @Test
    void everyStepCrossEntropyOnTwoThreadsEqualsOneThread() {
        int n = 12;
        int time = 7;
        double[][][] x = new double[n][time][3];
        double[][][] y = new double[n][time][3];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < time; t++) {
                x[i][t][(i + t) % 3] = 1.0;
                y[i][t][(i + 2 * t + 1) % 3] = 1.0;
            }
        }
        Model one = Model.builder(Recurrent.gru(3, 5).seed(8).build()).outputs(3).loss(Loss.CROSS_ENTROPY).output(Output.EVERY_STEP).build();
        Model two = Model.builder(Recurrent.gru(3, 5).seed(8).build()).outputs(3).loss(Loss.CROSS_ENTROPY).output(Output.EVERY_STEP).threads(2).build();
        List<Double> a = one.fit(x, y, quiet(4, 5).seed(8));
        List<Double> b = two.fit(x, y, quiet(4, 5).seed(8));
        for (int e = 0; e < a.size(); e++) {
            assertEquals(a.get(e), b.get(e), 1e-12 * a.get(e));
        }
        assertParametersEqual(one, two, 1e-12);
    }

    @Test
    void threadsMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Model.builder(Recurrent.rnn(1, 4).build()).threads(0));
        assertTrue(e.getMessage().contains("at least 1, got 0"), e.getMessage());
    }

    @Test
    @SuppressWarnings("deprecation")
    void deprecatedPositionalFitGivesTheSameNumbersAsFit() {
        double[][] y = new double[40][1];
        double[][][] x = windows(40, 8, y);
        Model old = Model.builder(Recurrent.gru(1, 6).seed(4).build()).seed(9).optimizer(Optimizer.adam(0.02))
                .clipGradientNorm(0.5).build();
        Model now = Model.builder(Recurrent.of(CellKind.GRU, 1, 6).seed(4).build()).seed(9).optimizer(Optimizer.adam(0.02))
                .build();
        List<Double> oldLosses = old.fit(x, y, 3, 16);
        List<Double> newLosses = now.fit(x, y, Fit.epochs(3).batchSize(16).clipGradientNorm(0.5).seed(9).progress(false));
        assertEquals(oldLosses, newLosses);
        assertParametersEqual(old, now, 0.0);

        double[][][] x3 = sineSteps(6, 10, 0.4, 0);
        double[][][] y3 = sineSteps(6, 10, 0.4, 1);
        Model oldSequence = Model.builder(Recurrent.lstm(1, 4).build()).everyStep().truncatedBptt(3).clipGradientNorm(1.0).build();
        Model newSequence = Model.builder(Recurrent.lstm(1, 4).build()).output(Output.EVERY_STEP).truncatedBptt(3).build();
        assertEquals(oldSequence.fit(x3, y3, 2, 4), newSequence.fit(x3, y3, quiet(2, 4).clipGradientNorm(1.0)));
        assertParametersEqual(oldSequence, newSequence, 0.0);
        assertEquals(oldSequence.batchesTrained(), newSequence.batchesTrained());
    }

    @Test
    @SuppressWarnings("deprecation")
    void deprecatedCellKindNamesDelegate() {
        Recurrent lstm = Recurrent.lstm(2, 3).build();
        assertEquals(CellKind.LSTM, lstm.cellKind());
        assertEquals(Recurrent.Kind.LSTM, lstm.kind());
        for (Recurrent.Kind kind : Recurrent.Kind.values()) {
            assertEquals(kind.name(), kind.cellKind().name());
        }
        assertEquals(Output.EVERY_STEP, Model.builder(lstm).everyStep().build().output());
        assertEquals(Output.LAST_STEP, Model.builder(lstm).build().output());
    }

    @Test
    void aFitLearningRateReplacesTheOptimisersForThatFitOnly() {
        double[][] y = new double[32][1];
        double[][][] x = windows(32, 6, y);
        Model slow = Model.builder(Recurrent.rnn(1, 4).seed(2).build()).optimizer(Optimizer.adam(0.001)).build();
        Model fast = Model.builder(Recurrent.rnn(1, 4).seed(2).build()).optimizer(Optimizer.adam(0.01)).build();
        assertEquals(fast.fit(x, y, quiet(2, 8)), slow.fit(x, y, quiet(2, 8).learningRate(0.01)));
        assertParametersEqual(fast, slow, 0.0);
        assertEquals(0.001, slow.trainable().optimizer().learningRate, "the optimiser's own rate is back after the fit");
    }

    @Test
    void fitSeedOrdersTheBatchesAndShuffleFalseKeepsTheOrder() {
        double[][] y = new double[24][1];
        double[][][] x = windows(24, 5, y);
        Function<Fit, List<Double>> train =
                fit -> Model.builder(Recurrent.rnn(1, 3).seed(1).build()).seed(1).build().fit(x, y, fit);
        assertTrue(!train.apply(quiet(2, 8).seed(1)).equals(train.apply(quiet(2, 8).seed(2))), "the seed orders the batches");
        assertEquals(train.apply(quiet(2, 8).shuffle(false).seed(1)), train.apply(quiet(2, 8).shuffle(false).seed(2)));
    }

    @Test
    void fitRefusesWhatTheScratchLoopCannotDo() {
        double[][] y = new double[8][1];
        double[][][] x = windows(8, 4, y);
        Model model = Model.builder(Recurrent.rnn(1, 3).build()).build();
        RuntimeException e = assertThrows(IllegalArgumentException.class, () -> model.fit(x, y, quiet(2, 4).patience(1)));
        assertTrue(e.getMessage().contains("no validation data"), e.getMessage());
        @SuppressWarnings("deprecation")
        Model clipped = Model.builder(Recurrent.rnn(1, 3).build()).clipGradientNorm(1.0).build();
        e = assertThrows(IllegalArgumentException.class, () -> clipped.fit(x, y, quiet(2, 4)));
        assertTrue(e.getMessage().contains("clipGradientNorm(1.0)"), e.getMessage());
        assertEquals(2, clipped.fit(x, y, quiet(2, 4).clipGradientNorm(1.0)).size());
    }

    private static void assertParametersEqual(Model expected, Model actual, double tolerance) {
        for (int i = 0; i < expected.parameters().size(); i++) {
            double[] e = expected.parameters().get(i).value();
            double[] a = actual.parameters().get(i).value();
            for (int k = 0; k < e.length; k++) {
                assertEquals(e[k], a[k], tolerance * Math.max(1.0, Math.abs(e[k])), expected.parameters().get(i).name() + "[" + k + "]");
            }
        }
    }

    @Test
    void truncatedBpttTrainsAndEqualsFullBpttWhenTheChunkCoversTheSequence() {
        double[][] y = new double[64][1];
        double[][][] x = windows(64, 12, y);
        List<Double> full = Model.builder(Recurrent.rnn(1, 8).seed(5).build()).optimizer(Optimizer.sgd(0.1)).build().fit(x, y, quiet(2, 16).seed(5));
        List<Double> wide = Model.builder(Recurrent.rnn(1, 8).seed(5).build()).optimizer(Optimizer.sgd(0.1)).truncatedBptt(12).build().fit(x, y, quiet(2, 16).seed(5));
        assertEquals(full, wide);
        List<Double> truncated = Model.builder(Recurrent.rnn(1, 8).seed(5).build()).optimizer(Optimizer.sgd(0.1)).truncatedBptt(4).build().fit(x, y, quiet(2, 16).seed(5));
        assertTrue(!truncated.equals(full), "a 4-step truncation changes the gradients");
    }

    @Test
    void truncatedBpttEveryStepUpdatesOncePerChunk() {
        double[][][] x = sineSteps(8, 12, 0.5, 0);
        double[][][] y = sineSteps(8, 12, 0.5, 1);
        Model model = Model.builder(Recurrent.lstm(1, 6).build()).output(Output.EVERY_STEP).truncatedBptt(4).optimizer(Optimizer.adam(0.01)).build();
        List<Double> losses = model.fit(x, y, quiet(40, 8));
        assertTrue(losses.get(39) < 0.5 * losses.get(0), "loss went from " + losses.get(0) + " to " + losses.get(39));
        assertEquals(40, model.batchesTrained());
    }

    @Test
    void divergingTrainingStopsWithAMessage() {
        double[][] y = new double[32][1];
        double[][][] x = windows(32, 30, y);
        Model model = Model.builder(Recurrent.rnnRelu(1, 16).seed(1).build()).optimizer(Optimizer.sgd(1e6)).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> model.fit(x, y, quiet(20, 8).seed(1)));
        assertTrue(e.getMessage().contains("training diverged") && e.getMessage().contains("epoch"), e.getMessage());
    }

    @Test
    void targetShapeMustMatchTheModel() {
        double[][] y = new double[4][1];
        double[][][] x = windows(4, 5, y);
        Model lastStep = Model.builder(Recurrent.rnn(1, 3).build()).build();
        RuntimeException e = assertThrows(IllegalArgumentException.class, () -> lastStep.fit(x, new double[4][5][1], quiet(1, 2)));
        assertTrue(e.getMessage().contains("output(Output.EVERY_STEP)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lastStep.fit(x, new double[3][1], quiet(1, 2)));
        assertTrue(e.getMessage().contains("y has 3 rows but x has 4 sequences"), e.getMessage());
    }

    @Test
    void gradientNormsPerTimeStepShowVanishingGradients() {
        Recurrent rnn = Recurrent.rnn(1, 8).seed(2).build().recordGradientNorms(true);
        int time = 30;
        double[][][] x = new double[1][time][1];
        rnn.forward(x);
        double[][][] dOut = new double[1][time][8];
        dOut[0][time - 1][0] = 1.0;
        rnn.backward(dOut);
        double[] norms = rnn.gradientNorms(0, 0);
        assertEquals(time, norms.length);
        assertEquals(1.0, norms[time - 1], 1e-15, "‖∂L/∂h_T‖ is the gradient given");
        assertTrue(norms[0] < 1e-3 * norms[time - 1], "a small tanh RNN forgets: " + norms[0]);
        for (int t = 1; t < time; t++) {
            assertTrue(norms[t - 1] <= norms[t] * 1.0000001, "decreasing going back in time at " + t);
        }
    }

    @Test
    void traceShowsGatesAndStates() {
        Recurrent lstm = Recurrent.lstm(2, 3).bidirectional(true).seed(4).build().tracing(true);
        double[][][] x = GradientCheckTest.random(2, 5, 2, new java.util.SplittableRandom(8));
        SequenceOutput out = lstm.forward(x);
        Trace trace = out.trace();
        double[][][] hForward = trace.hidden(0, 0);
        double[][][] hReverse = trace.hidden(0, 1);
        double[][][] c = trace.cell(0, 1);
        double[][][] o = trace.gate(0, 1, "o");
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 5; t++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(out.outputs()[b][t][j], hForward[b][t][j], 0.0);
                    assertEquals(out.outputs()[b][t][3 + j], hReverse[b][t][j], 0.0);
                    // h = o ⊙ tanh(c), in real time order for the reverse direction too
                    assertEquals(hReverse[b][t][j], o[b][t][j] * Math.tanh(c[b][t][j]), 1e-15);
                    double f = trace.gate(0, 0, "f")[b][t][j];
                    assertTrue(f > 0 && f < 1);
                }
            }
        }
        // the reverse direction's final state is its state at time 0
        assertEquals(out.finalHidden()[1][0][0], hReverse[0][0][0], 0.0);
        RuntimeException e = assertThrows(IllegalArgumentException.class, () -> trace.gate(0, 0, "z"));
        assertTrue(e.getMessage().contains("[i, f, g, o]"), e.getMessage());
    }
}
