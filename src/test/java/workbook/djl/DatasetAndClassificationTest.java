package workbook.djl;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import org.junit.jupiter.api.Test;
import workbook.model.Fit;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetAndClassificationTest {

    @Test
    void fitsOnADjlArrayDataset() {
        double[] s = TrainingTest.noisySine(700, 6);
        double[][][] x = TrainingTest.windows(s, 0, 700, 20);
        double[][] y = TrainingTest.targets(s, 0, 700, 20);
        float[] xs = new float[x.length * 20];
        float[] ys = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int t = 0; t < 20; t++) {
                xs[i * 20 + t] = (float) x[i][t][0];
            }
            ys[i] = (float) y[i][0];
        }
        try (NDManager data = Models.newManager();
             RecurrentModel model = RecurrentModel.lstm(16).outputs(1).build()) {
            ArrayDataset train = new ArrayDataset.Builder()
                    .setData(data.create(xs, new Shape(x.length, 20, 1)))
                    .optLabels(data.create(ys, new Shape(x.length, 1)))
                    .setSampling(32, true).build();
            History h = model.fit(train, null, Fit.epochs(6).learningRate(1e-2).progress(false));
            double first = h.epochs().get(0).trainLoss();
            double last = h.lastTrainLoss();
            System.out.printf("ArrayDataset fit: train MSE %.4f → %.4f%n", first, last);
            assertTrue(last < 0.2 * first, first + " → " + last);
            double evaluated = model.evaluate(TrainData.of(x, y));
            assertTrue(evaluated < 0.05, "evaluate " + evaluated);

            ArrayDataset flat = new ArrayDataset.Builder()
                    .setData(data.create(xs, new Shape(x.length, 20)))
                    .optLabels(data.create(ys, new Shape(x.length, 1)))
                    .setSampling(32, false).build();
            try (RecurrentModel fresh = RecurrentModel.lstm(4).outputs(1).build()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> fresh.fit(flat, null, Fit.epochs(1).progress(false)));
                assertTrue(e.getMessage().contains("(681, 20)") || e.getMessage().contains("(32, 20)"), e.getMessage());
                assertTrue(e.getMessage().contains("(batch, time, features)"), e.getMessage());
            }
        }
    }

    @Test
    void classifiesVariableLengthSequences() {
        // Label: is the mean of the valid steps positive? Padding is filled with large values of the other sign,
        // so a model that looked past the length would be pushed to the wrong answer.
        Random rng = new Random(5);
        int n = 600;
        int maxLength = 12;
        double[][][] x = new double[n][maxLength][1];
        int[] lengths = new int[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            lengths[i] = 3 + rng.nextInt(maxLength - 2);
            double sum = 0;
            for (int t = 0; t < lengths[i]; t++) {
                x[i][t][0] = rng.nextGaussian() + (i % 2 == 0 ? 0.5 : -0.5);
                sum += x[i][t][0];
            }
            labels[i] = sum > 0 ? 1 : 0;
            for (int t = lengths[i]; t < maxLength; t++) {
                x[i][t][0] = sum > 0 ? -5 : 5;
            }
        }
        int split = 500;
        TrainData train = TrainData.ofClasses(java.util.Arrays.copyOf(x, split), java.util.Arrays.copyOf(labels, split),
                java.util.Arrays.copyOf(lengths, split));
        double[][][] xTest = java.util.Arrays.copyOfRange(x, split, n);
        int[] lengthsTest = java.util.Arrays.copyOfRange(lengths, split, n);
        try (RecurrentModel model = RecurrentModel.gru(16).bidirectional().classes(2).build()) {
            model.fit(train, Fit.epochs(15).learningRate(1e-2).progress(false));
            double[][] logits = model.predict(xTest, lengthsTest);
            int right = 0;
            for (int i = 0; i < logits.length; i++) {
                right += (logits[i][1] > logits[i][0] ? 1 : 0) == labels[split + i] ? 1 : 0;
            }
            double accuracy = (double) right / logits.length;
            System.out.printf("variable-length classification (bidirectional GRU, masked): test accuracy %.2f%n",
                    accuracy);
            assertTrue(accuracy > 0.9, "accuracy " + accuracy);
        }
    }
}
