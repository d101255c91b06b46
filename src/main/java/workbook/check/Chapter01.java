package workbook.check;

import workbook.classic.Correlogram;
import workbook.classic.Differencing;
import workbook.data.Columns;
import workbook.data.Datasets;
import workbook.data.WindowGenerator;
import workbook.data.Windows;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.ToDoubleBiFunction;

/**
 * Checkers for the exercises of notebook 01 (time-series data). Each prints one verdict line
 * ({@link Check}: "PASSED exercise N: ..." or "NOT YET exercise N: ...") with the input that failed, and what was expected and what came.
 *
 * <pre>{@code
 * BiFunction<double[], Integer, double[]> seasonalDifference = (y, m) -> ...;
 * Chapter01.checkSeasonalDifference(seasonalDifference);
 * }</pre>
 */
public final class Chapter01 {

    private static final double TOLERANCE = 1e-9;

    private Chapter01() {
    }

    /** Exercise: {@code seasonalDifference.apply(y, m)} returns y[t] - y[t-m] for t = m .. n-1. */
    public static void checkSeasonalDifference(BiFunction<double[], Integer, double[]> seasonalDifference) {
        seasonalDifference(seasonalDifference).print(1);
    }

    /** Exercise: {@code autocorrelation.applyAsDouble(y, k)} returns the lag-k sample autocorrelation r_k. */
    public static void checkAutocorrelation(ToDoubleBiFunction<double[], Integer> autocorrelation) {
        autocorrelation(autocorrelation).print(2);
    }

    /**
     * Exercise: {@code supervisedRows.apply(y, p)} returns one row per target y_t (t = p .. n-1):
     * the p previous values y_{t-p} .. y_{t-1}, then y_t.
     */
    public static void checkSupervisedRows(BiFunction<double[], Integer, double[][]> supervisedRows) {
        supervisedRows(supervisedRows).print(3);
    }

    static CheckResult seasonalDifference(BiFunction<double[], Integer, double[]> f) {
        double[] quarterly = {10, 20, 30, 40, 15, 25, 35, 45, 12};
        double[] passengers = Columns.doubles(Datasets.airPassengers(), "passengers");
        return Checks.firstProblem("seasonal difference", "y[t] - y[t-m] is right",
                differenceCase(f, new double[]{1, 2, 4, 7, 11}, 1),
                differenceCase(f, quarterly, 4),
                differenceCase(f, new double[]{3, -1, 2, 5}, 3),   // one season plus one point: a single difference
                differenceCase(f, passengers, 12),
                unchangedInput(f));
    }

    private static String differenceCase(BiFunction<double[], Integer, double[]> f, double[] y, int m) {
        double[] expected = Differencing.difference(y, m);
        return Checks.compare("y = " + Checks.format(y) + ", m = " + m, expected, () -> f.apply(y.clone(), m), TOLERANCE);
    }

    private static String unchangedInput(BiFunction<double[], Integer, double[]> f) {
        double[] y = {5, 1, 4, 2, 8, 3};
        double[] copy = y.clone();
        try {
            f.apply(y, 2);
        } catch (RuntimeException e) {
            return Checks.threw("y = " + Checks.format(copy) + ", m = 2", e);
        }
        return Arrays.equals(y, copy) ? null
                : "your function changed its input array " + Checks.format(copy) + " into " + Checks.format(y)
                + " (write the differences into a new array)";
    }

    static CheckResult autocorrelation(ToDoubleBiFunction<double[], Integer> f) {
        double[] passengers = Columns.doubles(Datasets.airPassengers(), "passengers");
        Random random = new Random(7);
        double[] noise = new double[200];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        String hint = " (use the mean of the whole series, and divide by the sum of squares over all n points)";
        CheckResult result = Checks.firstProblem("autocorrelation", "r_k matches the definition",
                acfCase(f, new double[]{1, 2, 3, 4, 5}, 1),
                acfCase(f, new double[]{1, -1, 1, -1, 1, -1}, 1),
                acfCase(f, new double[]{2, 7, 1, 8, 2, 8}, 0),
                acfCase(f, noise, 3),
                acfCase(f, passengers, 12));
        return result.passed() || result.message().contains("threw") ? result
                : CheckResult.notYet(result.message() + hint);
    }

    private static String acfCase(ToDoubleBiFunction<double[], Integer> f, double[] y, int k) {
        double expected = k == 0 ? 1.0 : Correlogram.acf(y, Math.max(k, 1)).values()[k];
        return Checks.compare("y = " + Checks.format(y) + ", k = " + k, expected, () -> f.applyAsDouble(y.clone(), k), TOLERANCE);
    }

    static CheckResult supervisedRows(BiFunction<double[], Integer, double[][]> f) {
        double[] passengers = Columns.doubles(Datasets.airPassengers(), "passengers");
        return Checks.firstProblem("supervised rows", "every row holds the p inputs, then the target",
                rowsCase(f, new double[]{1, 2, 3, 4, 5}, 2),
                rowsCase(f, new double[]{4, 8, 15, 16, 23, 42}, 1),
                rowsCase(f, new double[]{9, 7, 5, 3}, 3),   // only one row fits
                rowsCase(f, passengers, 12));
    }

    private static String rowsCase(BiFunction<double[], Integer, double[][]> f, double[] y, int p) {
        // the reference is the workbook's window generator: p inputs, the label one step later
        Windows w = WindowGenerator.builder().inputWidth(p).labelWidth(1).shift(1).build().windows(y);
        double[][] expected = new double[w.size()][p + 1];
        for (int r = 0; r < w.size(); r++) {
            for (int j = 0; j < p; j++) {
                expected[r][j] = w.inputs()[r][j][0];
            }
            expected[r][p] = w.labels()[r][0][0];
        }
        return Checks.compare("y = " + Checks.format(y) + ", p = " + p, expected, () -> f.apply(y.clone(), p), TOLERANCE);
    }
}
