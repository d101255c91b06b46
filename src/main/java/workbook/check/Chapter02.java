package workbook.check;

import workbook.classic.ArModel;
import workbook.classic.Baselines;
import workbook.classic.Differencing;
import workbook.classic.Forecaster;
import workbook.classic.LjungBox;
import workbook.data.Columns;
import workbook.data.Datasets;

import java.util.Arrays;
import java.util.Random;

/**
 * Checkers for the exercises of notebook 02 (classical models). The student writes a
 * {@link Forecaster} lambda {@code (history, horizon) -> forecasts}; the checker runs it on
 * several histories and horizons and compares with the workbook's reference.
 *
 * <pre>{@code
 * Forecaster myDrift = (history, horizon) -> ...;
 * Chapter02.exercise1(myDrift);
 * }</pre>
 */
public final class Chapter02 {

    private static final double TOLERANCE = 1e-8;

    private Chapter02() {
    }

    /** A history and how many steps to forecast from its end. */
    record Question(double[] history, int horizon) {
        @Override
        public String toString() {
            return "history " + Check.describe(history) + ", horizon " + horizon;
        }
    }

    /** A series and the number of lags of its Ljung-Box statistic. */
    record SeriesAndLags(double[] series, int lags) {
        @Override
        public String toString() {
            return "series " + Check.describe(series) + ", lags " + lags;
        }
    }

    /** Exercise 1: the drift forecast y_n + h (y_n - y_1) / (n - 1). */
    public static void exercise1(Forecaster drift) {
        check1(drift);
    }

    /**
     * Exercise 1 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise1}
     */
    @Deprecated
    public static void checkDrift(Forecaster drift) {
        exercise1(drift);
    }

    /** Exercise 2: the seasonal naive forecast with a season of 12 (y_{n+h-12k}, also for h > 12). */
    public static void exercise2(Forecaster seasonalNaive) {
        check2(seasonalNaive);
    }

    /**
     * Exercise 2 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise2}
     */
    @Deprecated
    public static void checkSeasonalNaive12(Forecaster seasonalNaive) {
        exercise2(seasonalNaive);
    }

    /** Exercise 3: AR(1) with an intercept, fitted by least squares, forecast recursively. */
    public static void exercise3(Forecaster ar1) {
        check3(ar1);
    }

    /**
     * Exercise 3 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise3}
     */
    @Deprecated
    public static void checkAr1(Forecaster ar1) {
        exercise3(ar1);
    }

    /** What the Ljung-Box exercise asks for: Q over lags 1..{@code lags} of a series. */
    @FunctionalInterface
    public interface LjungBoxStatistic {
        double q(double[] series, int lags);
    }

    /** Exercise 4: the Ljung-Box statistic Q = n (n + 2) Σ r_k² / (n - k), compared with {@link LjungBox}. */
    public static void exercise4(LjungBoxStatistic q) {
        check4(q);
    }

    /**
     * Exercise 4 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise4}
     */
    @Deprecated
    public static void checkLjungBoxQ(LjungBoxStatistic q) {
        exercise4(q);
    }

    /** Exercise 1's check; true when it passed (the verdict line is printed either way). */
    static boolean check1(Forecaster drift) {
        double[] passengers = Columns.doubles(Datasets.airPassengers(), "passengers");
        return forecasts(Check.exercise(1, "your drift forecast (the line through the first and last values, extended)").tolerance(TOLERANCE)
                .on("two values", new Question(new double[] {1, 2}, 3))
                .on("a falling then rising history, one step", new Question(new double[] {5, 3, 1, 2}, 1))
                .on("a flat history (no drift)", new Question(new double[] {4, 4, 4}, 2))
                .on("a falling history, 4 steps", new Question(new double[] {10, 12, 9, 7, 4}, 4))
                .on("air passengers, 12 steps", new Question(passengers, 12)), drift, Baselines.drift());
    }

    /** Exercise 2's check; true when it passed (the verdict line is printed either way). */
    static boolean check2(Forecaster seasonalNaive) {
        double[] passengers = Columns.doubles(Datasets.airPassengers(), "passengers");
        double[] ramp = new double[30];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        return forecasts(Check.exercise(2, "your seasonal naive forecast (each step repeats the value one season earlier)").tolerance(TOLERANCE)
                .on("exactly one season of history", new Question(Arrays.copyOf(passengers, 12), 1))
                .on("a ramp, one season ahead", new Question(ramp, 12))
                .on("a ramp, past one season (repeat again)", new Question(ramp, 13))
                .on("air passengers, 30 steps", new Question(passengers, 30)), seasonalNaive, Baselines.seasonalNaive(12));
    }

    /** Exercise 3's check; true when it passed (the verdict line is printed either way). */
    static boolean check3(Forecaster ar1) {
        Random random = new Random(11);
        double[] simulated = new double[120];
        for (int t = 1; t < simulated.length; t++) {
            simulated[t] = 2 + 0.6 * simulated[t - 1] + random.nextGaussian();
        }
        double[] logPassengers = Arrays.stream(Columns.doubles(Datasets.airPassengers(), "passengers")).map(Math::log).toArray();
        return forecasts(Check.exercise(3, "your AR(1) forecast (least squares on (y_{t-1}, y_t) pairs, then the recursion)").tolerance(TOLERANCE)
                .on("five values, 3 steps", new Question(new double[] {1, 3, 2, 5, 4}, 3))
                .on("six values, one step", new Question(new double[] {0.5, -1.2, 0.3, 0.9, -0.4, 1.1}, 1))
                .on("a simulated AR(1) with intercept 2 and slope 0.6, 10 steps", new Question(simulated, 10))
                .on("log air passengers, 12 steps", new Question(logPassengers, 12)),
                ar1, (history, horizon) -> ArModel.fit(history, 1).forecast(horizon).mean());
    }

    /** Exercise 4's check; true when it passed (the verdict line is printed either way). */
    static boolean check4(LjungBoxStatistic q) {
        Random random = new Random(12);
        double[] noise = new double[80];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = 5 + random.nextGaussian();   // a mean far from 0: r_k must be taken around it
        }
        double[] differencedLog = Differencing.difference(Arrays.stream(
                Columns.doubles(Datasets.airPassengers(), "passengers")).map(Math::log).toArray());
        double[] zigzag = {1, 3, 2, 5, 4, 6, 5, 8};
        return Check.exercise(4, "your Ljung-Box Q (n (n + 2) times the sum of r_k^2 / (n - k) over lags 1..h)").tolerance(TOLERANCE)
                .on("eight values, one lag", new SeriesAndLags(zigzag, 1))
                .on("eight values, three lags", new SeriesAndLags(zigzag, 3))
                .on("noise around a mean of 5, ten lags", new SeriesAndLags(noise, 10))
                .on("differenced log air passengers, 24 lags", new SeriesAndLags(differencedLog, 24))
                .describedAs(SeriesAndLags::toString)
                .compare(a -> q.q(a.series().clone(), a.lags()), a -> LjungBox.test(a.series(), a.lags(), 0).statistic());
    }

    /** Compares a student's forecaster with the reference on each question (each gets its own copy of the history). */
    private static boolean forecasts(Check.Cases<Question> questions, Forecaster student, Forecaster reference) {
        return questions.describedAs(Question::toString)
                .compare(a -> student.forecast(a.history().clone(), a.horizon()), a -> reference.forecast(a.history().clone(), a.horizon()));
    }
}
