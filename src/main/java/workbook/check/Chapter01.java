package workbook.check;

import workbook.classic.Correlogram;
import workbook.classic.Differencing;
import workbook.data.Columns;
import workbook.data.Datasets;
import workbook.data.WindowGenerator;
import workbook.data.Windows;

import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.ToDoubleBiFunction;

/**
 * Checkers for the exercises of notebook 01 (time-series data). Each prints one verdict line
 * ({@link Check}: "PASSED exercise N: ..." or "NOT YET exercise N: ...") with the input that failed, and what was expected and what came.
 *
 * <pre>{@code
 * BiFunction<double[], Integer, double[]> seasonalDifference = (y, m) -> ...;
 * Chapter01.exercise1(seasonalDifference);
 * }</pre>
 */
public final class Chapter01 {

    private Chapter01() {
    }

    /** A series and one whole number that goes with it (the lag m, k or the order p). */
    record SeriesAnd(double[] y, String name, int number) {
        @Override
        public String toString() {
            return "y = " + Check.describe(y) + ", " + name + " = " + number;
        }
    }

    /** Exercise 1: {@code seasonalDifference.apply(y, m)} returns y[t] - y[t-m] for t = m .. n-1. */
    public static void exercise1(BiFunction<double[], Integer, double[]> seasonalDifference) {
        check1(seasonalDifference);
    }

    /**
     * Exercise 1 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise1}
     */
    @Deprecated
    public static void checkSeasonalDifference(BiFunction<double[], Integer, double[]> seasonalDifference) {
        exercise1(seasonalDifference);
    }

    /** Exercise 2: {@code autocorrelation.applyAsDouble(y, k)} returns the lag-k sample autocorrelation r_k. */
    public static void exercise2(ToDoubleBiFunction<double[], Integer> autocorrelation) {
        check2(autocorrelation);
    }

    /**
     * Exercise 2 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise2}
     */
    @Deprecated
    public static void checkAutocorrelation(ToDoubleBiFunction<double[], Integer> autocorrelation) {
        exercise2(autocorrelation);
    }

    /**
     * Exercise 3: {@code supervisedRows.apply(y, p)} returns one row per target y_t (t = p .. n-1):
     * the p previous values y_{t-p} .. y_{t-1}, then y_t.
     */
    public static void exercise3(BiFunction<double[], Integer, double[][]> supervisedRows) {
        check3(supervisedRows);
    }

    /**
     * Exercise 3 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise3}
     */
    @Deprecated
    public static void checkSupervisedRows(BiFunction<double[], Integer, double[][]> supervisedRows) {
        exercise3(supervisedRows);
    }

    /** Exercise 1's check; true when it passed (the verdict line is printed either way). */
    static boolean check1(BiFunction<double[], Integer, double[]> seasonalDifference) {
        double[] passengers = Columns.doubles(Datasets.airPassengers(), "passengers");
        return Check.exercise(1, "your seasonal difference y[t] - y[t-m]")
                .on("a lag-1 difference", new SeriesAnd(new double[] {1, 2, 4, 7, 11}, "m", 1))
                .on("quarterly values, m = 4", new SeriesAnd(new double[] {10, 20, 30, 40, 15, 25, 35, 45, 12}, "m", 4))
                .on("one season plus one point (a single difference)", new SeriesAnd(new double[] {3, -1, 2, 5}, "m", 3))
                .on("air passengers, m = 12", new SeriesAnd(passengers, "m", 12))
                .describedAs(SeriesAnd::toString)
                .inputUnchanged("write the differences into a new array")
                .compare(a -> seasonalDifference.apply(a.y(), a.number()), a -> Differencing.difference(a.y(), a.number()));
    }

    /** Exercise 2's check; true when it passed (the verdict line is printed either way). */
    static boolean check2(ToDoubleBiFunction<double[], Integer> autocorrelation) {
        double[] passengers = Columns.doubles(Datasets.airPassengers(), "passengers");
        Random random = new Random(7);
        double[] noise = new double[200];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        return Check.exercise(2, "your autocorrelation r_k")
                .on("a straight line, k = 1", new SeriesAnd(new double[] {1, 2, 3, 4, 5}, "k", 1))
                .on("alternating signs, k = 1", new SeriesAnd(new double[] {1, -1, 1, -1, 1, -1}, "k", 1))
                .on("lag 0 (r_0 = 1)", new SeriesAnd(new double[] {2, 7, 1, 8, 2, 8}, "k", 0))
                .on("200 values of white noise, k = 3", new SeriesAnd(noise, "k", 3))
                .on("air passengers, k = 12", new SeriesAnd(passengers, "k", 12))
                .describedAs(SeriesAnd::toString)
                .hint((a, expected, got) -> "use the mean of the whole series, and divide by the sum of squares over all n points")
                .compare(a -> autocorrelation.applyAsDouble(a.y().clone(), a.number()),
                        a -> a.number() == 0 ? 1.0 : Correlogram.acf(a.y(), a.number()).values()[a.number()]);
    }

    /** Exercise 3's check; true when it passed (the verdict line is printed either way). */
    static boolean check3(BiFunction<double[], Integer, double[][]> supervisedRows) {
        double[] passengers = Columns.doubles(Datasets.airPassengers(), "passengers");
        return Check.exercise(3, "your supervisedRows (each row: p inputs, then the target)")
                .on("p = 2", new SeriesAnd(new double[] {1, 2, 3, 4, 5}, "p", 2))
                .on("p = 1", new SeriesAnd(new double[] {4, 8, 15, 16, 23, 42}, "p", 1))
                .on("only one row fits", new SeriesAnd(new double[] {9, 7, 5, 3}, "p", 3))
                .on("air passengers, p = 12", new SeriesAnd(passengers, "p", 12))
                .describedAs(SeriesAnd::toString)
                .compare(a -> supervisedRows.apply(a.y().clone(), a.number()), a -> rows(a.y(), a.number()));
    }

    /** The reference for exercise 3: the workbook's window generator, p inputs and the label one step later. */
    private static double[][] rows(double[] y, int p) {
        Windows w = WindowGenerator.builder().inputWidth(p).labelWidth(1).shift(1).build().windows(y);
        double[][] rows = new double[w.size()][p + 1];
        for (int r = 0; r < w.size(); r++) {
            for (int j = 0; j < p; j++) {
                rows[r][j] = w.inputs()[r][j][0];
            }
            rows[r][p] = w.labels()[r][0][0];
        }
        return rows;
    }
}
