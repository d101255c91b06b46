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
 * Chapter02.checkDrift(myDrift);
 * }</pre>
 */
public final class Chapter02 {

    private static final double TOLERANCE = 1e-8;

    private Chapter02() {
    }

    /** Exercise: the drift forecast y_n + h (y_n - y_1) / (n - 1). */
    public static void checkDrift(Forecaster drift) {
        drift(drift).print(1);
    }

    /** Exercise: the seasonal naive forecast with a season of 12 (y_{n+h-12k}, also for h > 12). */
    public static void checkSeasonalNaive12(Forecaster seasonalNaive) {
        seasonalNaive12(seasonalNaive).print(2);
    }

    /** Exercise: AR(1) with an intercept, fitted by least squares, forecast recursively. */
    public static void checkAr1(Forecaster ar1) {
        ar1(ar1).print(3);
    }

    /** What the Ljung-Box exercise asks for: Q over lags 1..{@code lags} of a series. */
    @FunctionalInterface
    public interface LjungBoxStatistic {
        double q(double[] series, int lags);
    }

    /** Exercise: the Ljung-Box statistic Q = n (n + 2) Σ r_k² / (n - k), compared with {@link LjungBox}. */
    public static void checkLjungBoxQ(LjungBoxStatistic q) {
        ljungBoxQ(q).print(4);
    }

    static CheckResult drift(Forecaster f) {
        double[] passengers = Columns.doubles(Datasets.airPassengers(), "passengers");
        Forecaster reference = Baselines.drift();
        return Checks.firstProblem("drift", "the line through the first and last values, extended",
                forecastCase(f, reference, new double[]{1, 2}, 3),
                forecastCase(f, reference, new double[]{5, 3, 1, 2}, 1),
                forecastCase(f, reference, new double[]{4, 4, 4}, 2),
                forecastCase(f, reference, new double[]{10, 12, 9, 7, 4}, 4),
                forecastCase(f, reference, passengers, 12));
    }

    static CheckResult seasonalNaive12(Forecaster f) {
        double[] passengers = Columns.doubles(Datasets.airPassengers(), "passengers");
        double[] ramp = new double[30];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        Forecaster reference = Baselines.seasonalNaive(12);
        return Checks.firstProblem("seasonal naive (12)", "each step repeats the value one season earlier",
                forecastCase(f, reference, Arrays.copyOf(passengers, 12), 1),   // exactly one season of history
                forecastCase(f, reference, ramp, 12),
                forecastCase(f, reference, ramp, 13),                           // past one season: repeat again
                forecastCase(f, reference, passengers, 30));
    }

    static CheckResult ar1(Forecaster f) {
        Random random = new Random(11);
        double[] simulated = new double[120];
        for (int t = 1; t < simulated.length; t++) {
            simulated[t] = 2 + 0.6 * simulated[t - 1] + random.nextGaussian();
        }
        double[] logPassengers = Arrays.stream(Columns.doubles(Datasets.airPassengers(), "passengers")).map(Math::log).toArray();
        Forecaster reference = (history, horizon) -> ArModel.fit(history, 1).forecast(horizon).mean();
        return Checks.firstProblem("AR(1)", "least squares on (y_{t-1}, y_t) pairs and the recursion are right",
                forecastCase(f, reference, new double[]{1, 3, 2, 5, 4}, 3),
                forecastCase(f, reference, new double[]{0.5, -1.2, 0.3, 0.9, -0.4, 1.1}, 1),
                forecastCase(f, reference, simulated, 10),
                forecastCase(f, reference, logPassengers, 12));
    }

    static CheckResult ljungBoxQ(LjungBoxStatistic f) {
        Random random = new Random(12);
        double[] noise = new double[80];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = 5 + random.nextGaussian();   // a mean far from 0: r_k must be taken around it
        }
        double[] differencedLog = Differencing.difference(Arrays.stream(
                Columns.doubles(Datasets.airPassengers(), "passengers")).map(Math::log).toArray());
        return Checks.firstProblem("Ljung-Box Q", "n (n + 2) times the sum of r_k^2 / (n - k) over lags 1..h",
                ljungBoxCase(f, new double[]{1, 3, 2, 5, 4, 6, 5, 8}, 1),
                ljungBoxCase(f, new double[]{1, 3, 2, 5, 4, 6, 5, 8}, 3),
                ljungBoxCase(f, noise, 10),
                ljungBoxCase(f, differencedLog, 24));
    }

    private static String ljungBoxCase(LjungBoxStatistic student, double[] series, int lags) {
        double expected = LjungBox.test(series, lags, 0).statistic();
        return Checks.compare("series " + Checks.format(series) + ", lags " + lags, expected,
                () -> student.q(series.clone(), lags), TOLERANCE);
    }

    private static String forecastCase(Forecaster student, Forecaster reference, double[] history, int horizon) {
        double[] expected = reference.forecast(history.clone(), horizon);
        return Checks.compare("history " + Checks.format(history) + ", horizon " + horizon, expected,
                () -> student.forecast(history.clone(), horizon), TOLERANCE);
    }
}
