package workbook.check;

import org.junit.jupiter.api.Test;

import java.util.function.BiFunction;
import java.util.function.ToDoubleBiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkers pass the reference solutions of notebook 01 and fail typical wrong answers with a hint. */
class Chapter01Test {

    // the reference solutions, as in the notebook
    static final BiFunction<double[], Integer, double[]> SEASONAL_DIFFERENCE = (y, m) -> {
        double[] d = new double[y.length - m];
        for (int t = m; t < y.length; t++) {
            d[t - m] = y[t] - y[t - m];
        }
        return d;
    };

    static final ToDoubleBiFunction<double[], Integer> AUTOCORRELATION = (y, k) -> {
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double numerator = 0;
        double denominator = 0;
        for (int t = 0; t < y.length; t++) {
            denominator += (y[t] - mean) * (y[t] - mean);
            if (t + k < y.length) {
                numerator += (y[t] - mean) * (y[t + k] - mean);
            }
        }
        return numerator / denominator;
    };

    static final BiFunction<double[], Integer, double[][]> SUPERVISED_ROWS = (y, p) -> {
        double[][] rows = new double[y.length - p][p + 1];
        for (int t = p; t < y.length; t++) {
            System.arraycopy(y, t - p, rows[t - p], 0, p + 1);
        }
        return rows;
    };

    @Test
    void seasonalDifference() {
        CheckResult ok = Chapter01.seasonalDifference(SEASONAL_DIFFERENCE);
        assertTrue(ok.passed(), ok.toString());
        assertTrue(ok.toString().startsWith("PASSED: seasonal difference"), ok.toString());

        // a lag-1 difference whatever m is: fails on the quarterly input and says so
        CheckResult lagOne = Chapter01.seasonalDifference((y, m) -> SEASONAL_DIFFERENCE.apply(y, 1));
        assertFalse(lagOne.passed());
        assertTrue(lagOne.toString().startsWith("NOT YET: seasonal difference: for y = [10, 20, 30, 40, 15, 25, 35, 45, 12], m = 4 expected 5 values [5, 5, 5, 5, -3] but got 8 values"),
                lagOne.toString());

        // the wrong sign
        CheckResult reversed = Chapter01.seasonalDifference((y, m) -> {
            double[] d = SEASONAL_DIFFERENCE.apply(y, m);
            for (int i = 0; i < d.length; i++) {
                d[i] = -d[i];
            }
            return d;
        });
        assertEquals("NOT YET: seasonal difference: for y = [1, 2, 4, 7, 11], m = 1 expected [1, 2, 3, 4] but got [-1, -2, -3, -4] (first difference at index 0)",
                reversed.toString());

        // right values, but written into the input array
        CheckResult inPlace = Chapter01.seasonalDifference((y, m) -> {
            for (int t = y.length - 1; t >= m; t--) {
                y[t] = y[t] - y[t - m];
            }
            return java.util.Arrays.copyOfRange(y, m, y.length);
        });
        assertFalse(inPlace.passed());
        assertTrue(inPlace.message().contains("changed its input array"), inPlace.toString());

        CheckResult placeholder = Chapter01.seasonalDifference((y, m) -> {
            throw new UnsupportedOperationException("Exercise 1: your code here");
        });
        assertTrue(placeholder.toString().contains("not answered yet: replace the line throw new UnsupportedOperationException(\"Exercise 1: your code here\")"), placeholder.toString());
    }

    @Test
    void autocorrelation() {
        CheckResult ok = Chapter01.autocorrelation(AUTOCORRELATION);
        assertTrue(ok.passed(), ok.toString());

        // the usual mistake: Pearson correlation of the pairs (y_t, y_{t+k}) instead of r_k
        ToDoubleBiFunction<double[], Integer> pearson = (y, k) -> new org.apache.commons.math3.stat.correlation.PearsonsCorrelation()
                .correlation(java.util.Arrays.copyOfRange(y, 0, y.length - k), java.util.Arrays.copyOfRange(y, k, y.length));
        CheckResult wrong = Chapter01.autocorrelation(pearson);
        assertFalse(wrong.passed());
        assertEquals("NOT YET: autocorrelation: for y = [1, 2, 3, 4, 5], k = 1 expected 0.400000 but got 1 "
                + "(use the mean of the whole series, and divide by the sum of squares over all n points)", wrong.toString());

        // dividing the lag-k sum by n - k and the variance by n (the "adjusted" estimator) is also caught
        ToDoubleBiFunction<double[], Integer> adjusted = (y, k) -> AUTOCORRELATION.applyAsDouble(y, k) * y.length / (y.length - k);
        assertFalse(Chapter01.autocorrelation(adjusted).passed());
    }

    @Test
    void supervisedRows() {
        CheckResult ok = Chapter01.supervisedRows(SUPERVISED_ROWS);
        assertTrue(ok.passed(), ok.toString());

        // one row short: forgets the last target
        CheckResult short1 = Chapter01.supervisedRows((y, p) -> java.util.Arrays.copyOf(SUPERVISED_ROWS.apply(y, p), y.length - p - 1));
        assertEquals("NOT YET: supervised rows: for y = [1, 2, 3, 4, 5], p = 2 expected 3 rows but got 2 (first expected row [1, 2, 3])",
                short1.toString());

        // target in front of the inputs
        CheckResult targetFirst = Chapter01.supervisedRows((y, p) -> {
            double[][] rows = SUPERVISED_ROWS.apply(y, p);
            for (double[] row : rows) {
                double target = row[p];
                System.arraycopy(row, 0, row, 1, p);
                row[0] = target;
            }
            return rows;
        });
        assertTrue(targetFirst.toString().startsWith("NOT YET: supervised rows: for y = [1, 2, 3, 4, 5], p = 2, row 0 expected [1, 2, 3] but got [3, 1, 2]"),
                targetFirst.toString());
    }
}
