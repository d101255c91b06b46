package workbook.check;

import workbook.classic.Metrics;
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
 * Chapter08.checkLogReturns(logReturns);
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
    public static void checkLogReturns(Function<double[], double[]> logReturns) {
        logReturnsVerdict(logReturns);
    }

    /** The verdict of {@link #checkLogReturns}: printed, and true when passed. */
    static boolean logReturnsVerdict(Function<double[], double[]> logReturns) {
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
    public static void checkTrainOnlyScaling(BiFunction<double[], Integer, double[]> scale) {
        trainOnlyScalingVerdict(scale);
    }

    /** The verdict of {@link #checkTrainOnlyScaling}: printed, and true when passed. */
    static boolean trainOnlyScalingVerdict(BiFunction<double[], Integer, double[]> scale) {
        double[] sp500 = Columns.doubles(Datasets.sp500(), "close");
        return Check.exercise(2, "scale(series, trainSize)")
                .on("a rising series, half of it for training", new SeriesAndTrainSize(new double[]{1, 2, 3, 4, 5, 6}, 3))
                .on("test values far above the training range", new SeriesAndTrainSize(new double[]{10, 12, 11, 13, 40, 50}, 4))
                .on("the whole series for training", new SeriesAndTrainSize(new double[]{3, -1, 4, 1, -5}, 5))
                .on("S&P 500 closes, 70% for training", new SeriesAndTrainSize(sp500, (int) (sp500.length * 0.7)))
                .compare(in -> scale.apply(in.series().clone(), in.trainSize()), Chapter08::trainOnlyScaling);
    }

    /** Exercise 3: MASE = MAE(actual, forecast) / mean |y_t - y_{t-1}| over the history. */
    public static void checkMase(Mase mase) {
        maseVerdict(mase);
    }

    /** The verdict of {@link #checkMase}: printed, and true when passed. */
    static boolean maseVerdict(Mase mase) {
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
