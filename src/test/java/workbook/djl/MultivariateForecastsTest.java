package workbook.djl;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forecasts from windows of several features: recursive feeds back the target column only, direct reads one window. */
class MultivariateForecastsTest {

    private static double[][] rows(int n, int features, long seed) {
        Random rng = new Random(seed);
        double[][] rows = new double[n][features];
        for (double[] row : rows) {
            for (int f = 0; f < features; f++) {
                row[f] = rng.nextGaussian();
            }
        }
        return rows;
    }

    @Test
    void oneFeatureIsTheUnivariateRecursion() {
        try (RecurrentModel model = RecurrentModel.lstm(8).outputs(1).inputFeatures(1).seed(3).build()) {
            double[][] rows = rows(30, 1, 1);
            double[] series = new double[rows.length];
            for (int t = 0; t < rows.length; t++) {
                series[t] = rows[t][0];
            }
            double[] univariate = Forecasts.recursive(model, series, 10, 5, v -> 2 * v + 1);
            double[] multivariate = Forecasts.recursive(model, rows, new double[5][1], 0, 10, v -> 2 * v + 1);
            assertArrayEquals(univariate, multivariate, 1e-12);
        }
    }

    @Test
    void recursionFeedsTheTargetBackAndReadsTheKnownFuture() {
        try (RecurrentModel model = RecurrentModel.gru(8).outputs(1).inputFeatures(3).seed(5).build()) {
            double[][] rows = rows(40, 3, 2);
            double[][] future = rows(4, 3, 9);
            int target = 1;
            int window = 12;
            double[] forecast = Forecasts.recursive(model, rows, future, target, window, v -> v);

            // the same loop written out: predict, put the forecast into the target column of the next row
            double[][] input = new double[window][];
            for (int t = 0; t < window; t++) {
                input[t] = rows[rows.length - window + t].clone();
            }
            for (int h = 0; h < future.length; h++) {
                double next = model.predict(new double[][][]{input})[0][0];
                assertEquals(next, forecast[h], 1e-12, "step " + h);
                double[] row = future[h].clone();
                row[target] = next;
                System.arraycopy(input, 1, input, 0, window - 1);
                input[window - 1] = row;
            }

            // other known features change the forecasts from step 2 on, the target column of knownFuture never does
            double[][] otherFuture = future.clone();
            otherFuture[0] = new double[]{5, 123, -5};
            double[] changed = Forecasts.recursive(model, rows, otherFuture, target, window, v -> v);
            assertEquals(forecast[0], changed[0], 1e-12);
            assertNotEquals(forecast[1], changed[1], 1e-6);
            double[][] onlyTargetChanged = future.clone();
            onlyTargetChanged[0] = future[0].clone();
            onlyTargetChanged[0][target] = 123;
            assertArrayEquals(forecast, Forecasts.recursive(model, rows, onlyTargetChanged, target, window, v -> v), 1e-12);
            // the caller's rows are not modified
            assertArrayEquals(rows(40, 3, 2)[39], rows[39], 0);
        }
    }

    @Test
    void directReadsTheLastWindowOnce() {
        try (RecurrentModel model = RecurrentModel.lstm(8).outputs(6).inputFeatures(2).seed(7).build()) {
            double[][] rows = rows(25, 2, 4);
            double[][] last = java.util.Arrays.copyOfRange(rows, 15, 25);
            double[] expected = model.predict(new double[][][]{last})[0];
            double[] forecast = Forecasts.direct(model, rows, 10, v -> 10 * v);
            assertEquals(6, forecast.length);
            for (int h = 0; h < 6; h++) {
                assertEquals(10 * expected[h], forecast[h], 1e-9);
            }
        }
    }

    @Test
    void badInputIsNamed() {
        try (RecurrentModel model = RecurrentModel.lstm(4).outputs(1).inputFeatures(2).seed(1).build()) {
            double[][] rows = rows(8, 2, 1);
            var tooLong = assertThrows(IllegalArgumentException.class,
                    () -> Forecasts.recursive(model, rows, new double[3][2], 0, 10, v -> v));
            assertTrue(tooLong.getMessage().contains("window 10 is longer than the series (8 rows)"), tooLong.getMessage());
            var noFuture = assertThrows(IllegalArgumentException.class,
                    () -> Forecasts.recursive(model, rows, new double[0][], 0, 4, v -> v));
            assertTrue(noFuture.getMessage().contains("knownFuture is empty"), noFuture.getMessage());
            var width = assertThrows(IllegalArgumentException.class,
                    () -> Forecasts.recursive(model, rows, new double[2][3], 0, 4, v -> v));
            assertTrue(width.getMessage().contains("knownFuture row 0 has 3 columns, the windows have 2"), width.getMessage());
            var column = assertThrows(IllegalArgumentException.class,
                    () -> Forecasts.recursive(model, rows, new double[2][2], 2, 4, v -> v));
            assertTrue(column.getMessage().contains("targetColumn 2"), column.getMessage());
        }
    }
}
