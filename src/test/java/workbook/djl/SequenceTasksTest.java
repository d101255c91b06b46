package workbook.djl;

import org.junit.jupiter.api.Test;
import workbook.classic.Backtest;
import workbook.classic.Baselines;
import workbook.data.StandardScaler;
import workbook.model.CellKind;
import workbook.model.Fit;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceTasksTest {

    @Test
    void charLanguageModelLearnsARepeatingText() {
        StringBuilder text = new StringBuilder();
        while (text.length() < 6000) {
            text.append("the cat sat on the mat. ");
        }
        try (CharLanguageModel lm = CharLanguageModel.on(text.toString()).cell(CellKind.GRU).hidden(48)
                .sequenceLength(25).build()) {
            int vocabulary = lm.vocabulary().length();
            double before = lm.validationPerplexity();
            lm.fit(Fit.epochs(12).learningRate(1e-2).progress(false));
            double after = lm.validationPerplexity();
            System.out.printf("char LM: vocabulary %d, validation perplexity %.2f before, %.3f after%n",
                    vocabulary, before, after);
            // Untrained ≈ uniform (perplexity ≈ vocabulary size); the text is almost deterministic after training.
            assertTrue(before > 0.6 * vocabulary, "untrained perplexity " + before);
            assertTrue(after < 1.5, "trained perplexity " + after);
            String cold = lm.sample("the c", 40, 0.1, 7);
            assertTrue(cold.startsWith("the cat sat on the mat. the cat"), cold);
            String hot = lm.sample("the c", 200, 50.0, 7);
            // At a very high temperature the draws are near uniform: the text no longer repeats the phrase.
            assertTrue(!hot.contains("the mat. the cat sat"), hot);
            assertEquals(cold, lm.sample("the c", 40, 0.1, 7), "same seed, same sample");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lm.sample("xyz", 5, 1, 1));
            assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        }
    }

    @Test
    void attentionLearnsToReverseAndLooksAtTheMirroredPosition() {
        AttentionModel.Examples train = AttentionModel.reversalTask(2000, 6, 8, 1);
        AttentionModel.Examples test = AttentionModel.reversalTask(200, 6, 8, 2);
        try (AttentionModel model = new AttentionModel(8, 8, 32)) {
            long start = System.nanoTime();
            History h = model.fit(train, Fit.epochs(10).learningRate(1e-2).clipGradientNorm(1.0).progress(false));
            double seconds = (System.nanoTime() - start) / 1e9;
            double accuracy = model.sequenceAccuracy(test);
            AttentionModel.Translation t = model.translate(new int[] {1, 2, 3, 4, 5, 6}, 6);
            int onMirror = 0;
            double mirrorWeight = 0;
            for (int step = 0; step < 6; step++) {
                double[] a = t.attention()[step];
                double sum = 0;
                int argmax = 0;
                for (int j = 0; j < a.length; j++) {
                    sum += a[j];
                    argmax = a[j] > a[argmax] ? j : argmax;
                }
                assertEquals(1.0, sum, 1e-5, "attention weights sum to 1");
                onMirror += argmax == 5 - step ? 1 : 0;
                mirrorWeight += a[5 - step] / 6;
            }
            System.out.printf("attention reversal: loss %.4f, sequence accuracy %.3f, %d/6 steps attend to the"
                    + " mirrored position (mean weight there %.2f), %.1f s, decoded %s%n", h.lastTrainLoss(), accuracy, onMirror,
                    mirrorWeight, seconds,
                    java.util.Arrays.toString(t.tokens()));
            assertTrue(accuracy > 0.9, "sequence accuracy " + accuracy);
            // A one-directional encoder's h_j also carries the tokens before j, so attention may sit on a
            // neighbour; still it must be far from uniform (1/6) and mostly on the mirrored token.
            assertTrue(onMirror >= 4, onMirror + " of 6 steps attend to the mirrored position");
            assertTrue(mirrorWeight > 2.0 / 6, "mean attention on the mirrored position " + mirrorWeight);
            assertTrue(t.heatmap().asJavascript("attn").contains("heatmap"));
        }
    }

    @Test
    void forecastsComeBackInSeriesUnits() {
        // The series in its own units (mean 10, amplitude 2); the model sees it scaled with training-only statistics.
        double[] s = TrainingTest.noisySine(600, 9);
        for (int i = 0; i < s.length; i++) {
            s[i] = 10 + 2 * s[i];
        }
        StandardScaler scaler = StandardScaler.fit(Arrays.copyOf(s, 500));
        double[] scaled = scaler.transform(s);
        int window = 25;
        try (RecurrentModel oneStep = RecurrentModel.gru(24).outputs(1).build();
             RecurrentModel direct = RecurrentModel.gru(24).outputs(5).build()) {
            double[][][] x = TrainingTest.windows(scaled, 0, 500, window);
            oneStep.fit(TrainData.of(x, TrainingTest.targets(scaled, 0, 500, window)),
                    Fit.epochs(8).learningRate(1e-2).progress(false));
            double[][] y = new double[x.length - 4][5];
            for (int i = 0; i < y.length; i++) {
                for (int h = 0; h < 5; h++) {
                    y[i][h] = scaled[i + window + h];
                }
            }
            direct.fit(TrainData.of(Arrays.copyOf(x, y.length), y), Fit.epochs(8).learningRate(1e-2).progress(false));
            double[] history = Arrays.copyOf(scaled, 500);
            double[] recursive = Forecasts.recursive(oneStep, history, window, 5, scaler);
            double[] allAtOnce = Forecasts.direct(direct, history, window, scaler);
            double[] raw = Forecasts.recursive(oneStep, history, window, 5, v -> v);
            for (int h = 0; h < 5; h++) {
                assertEquals(scaler.inverse(raw[h], 0), recursive[h], 1e-9, "inverse applied");
                assertEquals(s[500 + h], recursive[h], 0.8, "recursive step " + h);
                assertEquals(s[500 + h], allAtOnce[h], 0.8, "direct step " + h);
            }
            double[] oneStepAhead = Forecasts.oneStep(oneStep, TrainingTest.windows(scaled, 500, 600, window), scaler);
            assertEquals(75, oneStepAhead.length);
            // Walk-forward over the last 100 points (after the training data), next to workbook.classic's baselines.
            Backtest.Result r = Backtest.rollingOrigin(500).horizon(5).step(10)
                    .compare("gru recursive", Forecasts.forecaster(oneStep, window, scaler))
                    .compare("gru direct", Forecasts.forecaster(direct, window, scaler))
                    .compare("persistence", Baselines.persistence())
                    .run(s);
            System.out.println(r.summary().print());
            assertTrue(r.mean("gru recursive", "mae") < 0.6 * r.mean("persistence", "mae"), r.summary().print());
            assertTrue(r.mean("gru direct", "mae") < 0.6 * r.mean("persistence", "mae"), r.summary().print());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Forecasts.recursive(oneStep, new double[10], window, 3, v -> v));
            assertEquals("window 25 is longer than the series (10 points)", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> Forecasts.recursive(direct, history, window, 3, v -> v));
            assertTrue(e.getMessage().contains("outputs(1)"), e.getMessage());
        }
    }

    /**
     * The thresholds notebook 13 rests on, with its settings (hidden 64, 3,000 examples, 20 epochs of Adam 0.01 on
     * batches of 128, global-norm clipping at 5, seed 42): attention keeps whole reversed sequences right at lengths 8 and 12;
     * batched decoding gives the same tokens as decoding one sequence at a time.
     */
    @Test
    void attentionReversesLongSequencesWithTheNotebookSettings() {
        Fit fit = Fit.epochs(20).batchSize(128).learningRate(1e-2).clipGradientNorm(5.0).seed(42).progress(false);
        double[] minimum = {0.9, 0.8};
        int[] lengths = {8, 12};
        for (int i = 0; i < lengths.length; i++) {
            AttentionModel.Examples train = AttentionModel.reversalTask(3000, lengths[i], 8, 1);
            AttentionModel.Examples test = AttentionModel.reversalTask(200, lengths[i], 8, 2);
            try (AttentionModel model = new AttentionModel(8, 8, 64)) {
                model.fit(train, fit);
                double accuracy = model.sequenceAccuracy(test);
                System.out.printf("sequence accuracy at length %d: attention %.3f%n", lengths[i], accuracy);
                assertTrue(accuracy >= minimum[i], "length " + lengths[i] + ": sequence accuracy " + accuracy);
                int[][] batched = model.decode(test);
                for (int k = 0; k < 20; k++) {
                    assertArrayEquals(model.translate(test.source()[k], lengths[i]).tokens(), batched[k], "example " + k);
                }
            }
        }
    }

    @Test
    void withoutAttentionEveryStepSeesOnlyTheLastEncoderState() {
        AttentionModel.Examples train = AttentionModel.reversalTask(2000, 4, 8, 1);
        AttentionModel.Examples test = AttentionModel.reversalTask(200, 4, 8, 2);
        try (AttentionModel model = AttentionModel.withoutAttention(8, 8, 16)) {
            History h = model.fit(train, Fit.epochs(6).learningRate(1e-2).clipGradientNorm(1.0).progress(false));
            double accuracy = model.sequenceAccuracy(test);
            System.out.printf("no attention, length 4: loss %.4f, sequence accuracy %.3f%n", h.lastTrainLoss(), accuracy);
            // short sources fit through the 16-number bottleneck (chance for 4 tokens of 8: 1/4096)
            assertTrue(accuracy > 0.5, "sequence accuracy " + accuracy);
            for (double[] row : model.translate(new int[] {1, 2, 3, 4}, 4).attention()) {
                assertArrayEquals(new double[] {0, 0, 0, 1}, row, 0.0, "all weight on the last source position");
            }
            assertFalse(model.block().attends());
            for (var p : model.block().getParameters()) {
                assertFalse(p.getKey().contains("query") || p.getKey().contains("score"), p.getKey());
            }
        }
    }
}
