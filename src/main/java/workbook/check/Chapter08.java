package workbook.check;

import workbook.classic.Metrics;
import workbook.classic.Differencing;
import workbook.data.ChronologicalSplit;
import workbook.data.Columns;
import workbook.data.Datasets;
import workbook.data.StandardScaler;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Checkers for the exercises of notebook 08 (stock prices). Each runs the student's function and the
 * workbook's reference on several inputs (edge cases included) and prints one verdict line through
 * {@link Check}.
 *
 * <pre>{@code
 * Function<double[], double[]> logReturns = prices -> ...;
 * Chapter08.exercise1(logReturns);
 * }</pre>
 */
public final class Chapter08 {

    private Chapter08() {
    }

    /** The MASE of forecasts of {@code actual}, scaled by the in-sample MAE of persistence on {@code history}. */
    @FunctionalInterface
    public interface Mase {
        double mase(double[] actual, double[] forecast, double[] history);
    }

    /** Inputs of the scaling exercise: a whole series and the number of its first points that are training data. */
    public record SeriesAndTrainSize(double[] series, int trainSize) {
    }

    /** Inputs of the MASE exercise. */
    public record MaseInputs(double[] actual, double[] forecast, double[] history) {
    }

    /** Exercise 1: {@code logReturns.apply(prices)} is r_t = ln(p_t / p_{t-1}) for t = 1 .. n-1 (n-1 values). */
    public static void exercise1(Function<double[], double[]> logReturns) {
        check1(logReturns);
    }

    /**
     * Exercise 1 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise1}
     */
    @Deprecated
    public static void checkLogReturns(Function<double[], double[]> logReturns) {
        exercise1(logReturns);
    }

    /** Exercise 1's check; true when it passed (the verdict line is printed either way). */
    static boolean check1(Function<double[], double[]> logReturns) {
        double[] msft = Columns.doubles(Datasets.stock("MSFT"), "price");
        return Check.exercise(1, "logReturns(prices)")
                .on("two prices", new double[]{100, 110})
                .on("a constant price (every return is 0)", new double[]{50, 50, 50, 50})
                .on("a fall and a recovery", new double[]{20, 10, 20})
                .on("a single price (no return yet)", new double[]{42})
                .on("MSFT monthly prices", msft)
                .compare(prices -> logReturns.apply(prices.clone()), Chapter08::logReturns);
    }

    /**
     * Exercise 2: {@code scale.apply(series, trainSize)} is the whole series standardised with the mean and the
     * population standard deviation of its first {@code trainSize} values only.
     */
    public static void exercise2(BiFunction<double[], Integer, double[]> scale) {
        check2(scale);
    }

    /**
     * Exercise 2 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise2}
     */
    @Deprecated
    public static void checkTrainOnlyScaling(BiFunction<double[], Integer, double[]> scale) {
        exercise2(scale);
    }

    /** Exercise 2's check; true when it passed (the verdict line is printed either way). */
    static boolean check2(BiFunction<double[], Integer, double[]> scale) {
        double[] sp500 = Columns.doubles(Datasets.sp500(), "close");
        return Check.exercise(2, "scale(series, trainSize)")
                .on("a rising series, half of it for training", new SeriesAndTrainSize(new double[]{1, 2, 3, 4, 5, 6}, 3))
                .on("test values far above the training range", new SeriesAndTrainSize(new double[]{10, 12, 11, 13, 40, 50}, 4))
                .on("the whole series for training", new SeriesAndTrainSize(new double[]{3, -1, 4, 1, -5}, 5))
                .on("S&P 500 closes, 70% for training", new SeriesAndTrainSize(sp500, (int) (sp500.length * 0.7)))
                .compare(in -> scale.apply(in.series().clone(), in.trainSize()), Chapter08::trainOnlyScaling);
    }

    /** Exercise 3: MASE = MAE(actual, forecast) / mean |y_t - y_{t-1}| over the history. */
    public static void exercise3(Mase mase) {
        check3(mase);
    }

    /**
     * Exercise 3 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise3}
     */
    @Deprecated
    public static void checkMase(Mase mase) {
        exercise3(mase);
    }

    /** Exercise 3's check; true when it passed (the verdict line is printed either way). */
    static boolean check3(Mase mase) {
        double[] msft = Columns.doubles(Datasets.stock("MSFT"), "price");
        double[] msftHistory = Arrays.copyOf(msft, 100);
        double[] msftActual = Arrays.copyOfRange(msft, 100, msft.length);
        double[] lastValue = new double[msftActual.length];
        Arrays.fill(lastValue, msftHistory[msftHistory.length - 1]);
        return Check.exercise(3, "mase(actual, forecast, history)")
                .on("a perfect forecast", new MaseInputs(new double[]{3, 4}, new double[]{3, 4}, new double[]{1, 2, 4}))
                .on("a two-point history", new MaseInputs(new double[]{5}, new double[]{7}, new double[]{1, 3}))
                .on("errors of both signs", new MaseInputs(new double[]{2, 6, 4}, new double[]{3, 4, 4}, new double[]{1, 5, 2, 6}))
                .on("MSFT: the last price repeated for the last months", new MaseInputs(msftActual, lastValue, msftHistory))
                .compare(in -> mase.mase(in.actual().clone(), in.forecast().clone(), in.history().clone()),
                        in -> Metrics.mase(in.actual(), in.forecast(), in.history()));
    }

    /**
     * Exercise 4: a 95% interval for the next daily log return, {@code mean ± width · s}, where {@code s} is the
     * standard deviation of the last {@code window} returns and the mean is that of all past returns.
     */
    public record IntervalChoice(int window, double width) {
    }

    /** Exercise 4: the student's code, given the S&amp;P 500 log returns before the test period only, chooses the interval. */
    @FunctionalInterface
    public interface IntervalDesign {
        IntervalChoice design(double[] returnsBeforeTest);
    }

    /** The interval's nominal miss rate: a 95% interval. */
    static final double ALPHA = 0.05;
    /** The baseline: the spread of all past returns, as the AR's interval in the notebook assumes. */
    static final String BASELINE = "mean ± 1.96 sd of all past returns";
    /** How much lower (relative) the student's mean interval score must be than the baseline's. */
    static final double IMPROVEMENT = 0.10;

    /**
     * Exercise 4: on every day of the S&amp;P 500 test period (the last 15% of the returns, which only the checker holds)
     * the interval is built from the returns before that day and scored with the interval score of Gneiting and
     * Raftery (2007), {@code (u - l) + (2/α)(l - y)⁺ + (2/α)(y - u)⁺}: narrow is good, a miss costs 40 times how far
     * it missed. Passes when the mean score is at least {@link #IMPROVEMENT} below the constant-spread baseline's.
     */
    public static void exercise4(IntervalDesign design) {
        check4(design);
    }

    static boolean check4(IntervalDesign design) {
        if (!Check.onShippedData(4)) {
            return false;
        }
        double[] close = Columns.doubles(Datasets.sp500(), "close");
        double[] returns = Differencing.difference(Arrays.stream(close).map(Math::log).toArray(), 1);
        int testStart = returnsTestStart(returns.length);
        double[] beforeTest = Arrays.copyOf(returns, testStart);
        IntervalChoice chosen = Check.chosen(4, () -> design.design(beforeTest));
        if (chosen == null) {
            return false;
        }
        if (chosen.window() < 2 || chosen.window() > testStart) {
            return Check.notYet(4, "the window must hold 2.." + testStart + " past returns, got " + chosen.window());
        }
        if (!(chosen.width() > 0) || Double.isInfinite(chosen.width())) {
            return Check.notYet(4, "the width must be a positive number of standard deviations, got " + chosen.width());
        }
        IntervalScore yours = intervalScore(returns, testStart, chosen.window(), chosen.width());
        IntervalScore baseline = intervalScore(returns, testStart, Integer.MAX_VALUE, 1.96);
        String result = String.format(java.util.Locale.ROOT, "%s on the %d held-out test days: mean interval score %.5f, "
                        + "%.1f%% of the returns inside; the baseline (%s): %.5f, %.1f%% inside", chosen,
                returns.length - testStart, yours.mean(), 100 * yours.coverage(), BASELINE, baseline.mean(),
                100 * baseline.coverage());
        String goal = String.format(java.util.Locale.ROOT, "the goal: %.5f or less (%.0f%% below the baseline)",
                (1 - IMPROVEMENT) * baseline.mean(), 100 * IMPROVEMENT);
        if (yours.mean() <= (1 - IMPROVEMENT) * baseline.mean()) {
            return Check.passed(4, result + "; " + goal);
        }
        return Check.notYet(4, result + "; " + goal + ". Calm and wild days come in clusters (section 3): how many "
                + "recent days tell the spread of tomorrow?");
    }

    /** The first test return of the notebook's split of the daily returns (70% training, 15% validation). */
    static int returnsTestStart(int returns) {
        return ChronologicalSplit.fractions(returns, 0.7, 0.15).validationEnd();
    }

    /** Mean interval score and coverage over the returns from {@code testStart} on. */
    record IntervalScore(double mean, double coverage) {
    }

    /** Intervals from the last {@code window} returns (all of them when the window is longer than the past). */
    static IntervalScore intervalScore(double[] returns, int testStart, int window, double width) {
        double total = 0, sum = 0;
        int inside = 0;
        for (int t = 0; t < testStart; t++) {
            sum += returns[t];
        }
        for (int t = testStart; t < returns.length; t++) {
            int from = Math.max(0, t - Math.min(window, t));
            double recentMean = 0, squares = 0;
            for (int s = from; s < t; s++) {
                recentMean += returns[s] / (t - from);
            }
            for (int s = from; s < t; s++) {
                squares += (returns[s] - recentMean) * (returns[s] - recentMean);
            }
            double center = sum / t, half = width * Math.sqrt(squares / (t - from - 1));
            double lower = center - half, upper = center + half, y = returns[t];
            total += (upper - lower) + (2 / ALPHA) * Math.max(0, lower - y) + (2 / ALPHA) * Math.max(0, y - upper);
            inside += y >= lower && y <= upper ? 1 : 0;
            sum += y;
        }
        int days = returns.length - testStart;
        return new IntervalScore(total / days, (double) inside / days);
    }

    static double[] logReturns(double[] prices) {
        double[] returns = new double[Math.max(prices.length - 1, 0)];
        for (int t = 1; t < prices.length; t++) {
            returns[t - 1] = Math.log(prices[t] / prices[t - 1]);
        }
        return returns;
    }

    static double[] trainOnlyScaling(SeriesAndTrainSize in) {
        return StandardScaler.fit(Arrays.copyOf(in.series(), in.trainSize())).transform(in.series());
    }
}
