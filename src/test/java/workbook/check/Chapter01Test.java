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
        Chapter03Test.Verdict ok = Chapter03Test.run(() -> Chapter01.check1(SEASONAL_DIFFERENCE));
        assertTrue(ok.passed(), ok.printed());
        assertTrue(ok.printed().startsWith("PASSED exercise 1: your seasonal difference y[t] - y[t-m] matches the reference on 4 inputs"), ok.printed());

        // a lag-1 difference whatever m is: fails on the quarterly input and says so
        Chapter03Test.Verdict lagOne = Chapter03Test.run(() -> Chapter01.check1((y, m) -> SEASONAL_DIFFERENCE.apply(y, 1)));
        assertFalse(lagOne.passed());
        assertTrue(lagOne.printed().startsWith("NOT YET exercise 1: on quarterly values, m = 4 (input y = [10.0, 20.0, 30.0, 40.0, 15.0, 25.0, 35.0, 45.0, ... (9 values)], m = 4): expected [5.0, 5.0, 5.0, 5.0, -3.0], got [10.0, 10.0, 10.0, -25.0, 10.0, 10.0, 10.0, -33.0]"),
                lagOne.printed());

        // the wrong sign
        Chapter03Test.Verdict reversed = Chapter03Test.run(() -> Chapter01.check1((y, m) -> {
            double[] d = SEASONAL_DIFFERENCE.apply(y, m);
            for (int i = 0; i < d.length; i++) {
                d[i] = -d[i];
            }
            return d;
        }));
        assertEquals("NOT YET exercise 1: on a lag-1 difference (input y = [1.0, 2.0, 4.0, 7.0, 11.0], m = 1): expected [1.0, 2.0, 3.0, 4.0], got [-1.0, -2.0, -3.0, -4.0]",
                reversed.printed());

        // right values, but written into the input array
        Chapter03Test.Verdict inPlace = Chapter03Test.run(() -> Chapter01.check1((y, m) -> {
            for (int t = y.length - 1; t >= m; t--) {
                y[t] = y[t] - y[t - m];
            }
            return java.util.Arrays.copyOfRange(y, m, y.length);
        }));
        assertFalse(inPlace.passed());
        assertTrue(inPlace.printed().startsWith("NOT YET exercise 1: on a lag-1 difference: your code changed its input y = [1.0, 2.0, 4.0, 7.0, 11.0], m = 1 into y = [1.0, 1.0, 2.0, 3.0, 4.0], m = 1 (write the differences into a new array)"), inPlace.printed());

        Chapter03Test.Verdict placeholder = Chapter03Test.run(() -> Chapter01.check1((y, m) -> {
            throw new UnsupportedOperationException("Exercise 1: your code here");
        }));
        assertTrue(placeholder.printed().contains("not answered yet: replace the line throw new UnsupportedOperationException(\"Exercise 1: your code here\")"), placeholder.printed());
    }

    @Test
    void autocorrelation() {
        Chapter03Test.Verdict ok = Chapter03Test.run(() -> Chapter01.check2(AUTOCORRELATION));
        assertTrue(ok.passed(), ok.printed());

        // the usual mistake: Pearson correlation of the pairs (y_t, y_{t+k}) instead of r_k
        ToDoubleBiFunction<double[], Integer> pearson = (y, k) -> new org.apache.commons.math3.stat.correlation.PearsonsCorrelation()
                .correlation(java.util.Arrays.copyOfRange(y, 0, y.length - k), java.util.Arrays.copyOfRange(y, k, y.length));
        Chapter03Test.Verdict wrong = Chapter03Test.run(() -> Chapter01.check2(pearson));
        assertFalse(wrong.passed());
        assertEquals("NOT YET exercise 2: on a straight line, k = 1 (input y = [1.0, 2.0, 3.0, 4.0, 5.0], k = 1): expected 0.4, got 1.0 "
                + "(use the mean of the whole series, and divide by the sum of squares over all n points)", wrong.printed());

        // dividing the lag-k sum by n - k and the variance by n (the "adjusted" estimator) is also caught
        ToDoubleBiFunction<double[], Integer> adjusted = (y, k) -> AUTOCORRELATION.applyAsDouble(y, k) * y.length / (y.length - k);
        assertFalse(Chapter03Test.run(() -> Chapter01.check2(adjusted)).passed());
    }

    @Test
    void supervisedRows() {
        Chapter03Test.Verdict ok = Chapter03Test.run(() -> Chapter01.check3(SUPERVISED_ROWS));
        assertTrue(ok.passed(), ok.printed());

        // one row short: forgets the last target
        Chapter03Test.Verdict short1 = Chapter03Test.run(() -> Chapter01.check3((y, p) -> java.util.Arrays.copyOf(SUPERVISED_ROWS.apply(y, p), y.length - p - 1)));
        assertEquals("NOT YET exercise 3: on p = 2 (input y = [1.0, 2.0, 3.0, 4.0, 5.0], p = 2): expected [[1.0, 2.0, 3.0], [2.0, 3.0, 4.0], [3.0, 4.0, 5.0]], "
                + "got [[1.0, 2.0, 3.0], [2.0, 3.0, 4.0]]",
                short1.printed());

        // target in front of the inputs
        Chapter03Test.Verdict targetFirst = Chapter03Test.run(() -> Chapter01.check3((y, p) -> {
            double[][] rows = SUPERVISED_ROWS.apply(y, p);
            for (double[] row : rows) {
                double target = row[p];
                System.arraycopy(row, 0, row, 1, p);
                row[0] = target;
            }
            return rows;
        }));
        assertTrue(targetFirst.printed().startsWith("NOT YET exercise 3: on p = 2 (input y = [1.0, 2.0, 3.0, 4.0, 5.0], p = 2): expected [[1.0, 2.0, 3.0], [2.0, 3.0, 4.0], [3.0, 4.0, 5.0]], got [[3.0, 1.0, 2.0],"),
                targetFirst.printed());
    }
}
