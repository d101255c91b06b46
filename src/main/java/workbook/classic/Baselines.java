package workbook.classic;

import java.util.Arrays;

/**
 * The simple forecasts every model must beat to be worth its complexity (Hyndman and
 * Athanasopoulos, "Forecasting: Principles and Practice", §5.2).
 */
public final class Baselines {

    private Baselines() {
    }

    /** Persistence ("tomorrow = today"): every step repeats the last observed value. */
    public static Forecaster persistence() {
        return (history, horizon) -> {
            SeriesChecks.atLeast(history, 1, "persistence forecast", "a last value");
            double[] f = new double[horizon];
            Arrays.fill(f, history[history.length - 1]);
            return f;
        };
    }

    /** Seasonal naive: step h repeats the value one season earlier, y[n + h - m·k]. */
    public static Forecaster seasonalNaive(int season) {
        if (season < 1) {
            throw new IllegalArgumentException("season must be at least 1, got " + season);
        }
        return (history, horizon) -> {
            SeriesChecks.atLeast(history, season, "seasonal naive forecast with season " + season, "one full season");
            int n = history.length;
            double[] f = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                int back = ((h - 1) / season + 1) * season;
                f[h - 1] = history[n + h - 1 - back];
            }
            return f;
        };
    }

    /** Drift: the line through the first and last observations, extended: y_n + h (y_n - y_1)/(n - 1). */
    public static Forecaster drift() {
        return (history, horizon) -> {
            SeriesChecks.atLeast(history, 2, "drift forecast", "a first and a last value");
            int n = history.length;
            double slope = (history[n - 1] - history[0]) / (n - 1);
            double[] f = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                f[h - 1] = history[n - 1] + h * slope;
            }
            return f;
        };
    }

    /** Mean: every step is the mean of the history. */
    public static Forecaster mean() {
        return (history, horizon) -> {
            SeriesChecks.atLeast(history, 1, "mean forecast", "at least one value");
            double[] f = new double[horizon];
            Arrays.fill(f, SeriesChecks.mean(history));
            return f;
        };
    }

    /**
     * Seasonal mean ("climatology"): step h is the mean of every value in the history that lies
     * at the same position in the season, e.g. the mean of all past Januaries for a January.
     * On a stable seasonal series it is often the strongest simple baseline: unlike seasonal
     * naive it averages the noise of single years away.
     */
    public static Forecaster seasonalMean(int season) {
        if (season < 1) {
            throw new IllegalArgumentException("season must be at least 1, got " + season);
        }
        return (history, horizon) -> {
            SeriesChecks.atLeast(history, season, "seasonal mean forecast with season " + season, "one full season");
            int n = history.length;
            double[] f = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                double sum = 0;
                int count = 0;
                for (int i = Math.floorMod(n + h - 1, season); i < n; i += season) {
                    sum += history[i];
                    count++;
                }
                f[h - 1] = sum / count;
            }
            return f;
        };
    }
}
