package workbook.classic;

import java.util.Arrays;

/**
 * Forecasters that model a transformed series and turn the forecasts back: a log scale for
 * seasons that grow with the level, differences to remove a trend or a season. They compose:
 *
 * <pre>{@code
 * // ARIMA(0,1,1) on the seasonally differenced log series, forecasts in passengers
 * Forecaster airline = Transformed.log(Transformed.differenced(12,
 *         (w, h) -> ArimaModel.fit(w, 0, 1, 1).forecast(h).mean()));
 * }</pre>
 * Each transformation sees only the history it is given, so a backtest stays free of leakage.
 */
public final class Transformed {

    private Transformed() {
    }

    /**
     * The inner forecaster works on log y; its forecasts are turned back with exp. (exp of a
     * forecast of the log is the median of the level, not its mean, when the log is Gaussian.)
     */
    public static Forecaster log(Forecaster inner) {
        return (history, horizon) -> {
            double[] logHistory = new double[history.length];
            for (int t = 0; t < history.length; t++) {
                if (!(history[t] > 0)) {
                    throw new IllegalArgumentException("a log-scale forecaster needs positive values; the history has "
                            + history[t] + " at index " + t);
                }
                logHistory[t] = Math.log(history[t]);
            }
            return Arrays.stream(inner.forecast(logHistory, horizon)).map(Math::exp).toArray();
        };
    }

    /**
     * The inner forecaster works on the anomalies y_t minus the seasonal mean ({@link #seasonalAnomalies}); the seasonal
     * mean of each forecast step is added back. With an inner forecaster that always says 0 this is
     * {@link Baselines#seasonalMean}: the inner model only has to learn how this year departs from the average year.
     */
    public static Forecaster deseasonalised(int season, Forecaster inner) {
        Forecaster climatology = Baselines.seasonalMean(season);
        return (history, horizon) -> {
            double[] anomalies = inner.forecast(seasonalAnomalies(history, season), horizon);
            if (anomalies.length != horizon) {
                throw new IllegalStateException("the inner forecaster returned " + anomalies.length
                        + " values for horizon " + horizon);
            }
            double[] seasonal = climatology.forecast(history, horizon);
            double[] forecast = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                forecast[h] = seasonal[h] + anomalies[h];
            }
            return forecast;
        };
    }

    /**
     * y_t minus the mean of all values of y at the same position in the season (t mod season, position 0 = y's
     * first value): for monthly data, each month's departure from the mean of that calendar month over the years given.
     */
    public static double[] seasonalAnomalies(double[] y, int season) {
        if (season < 1) {
            throw new IllegalArgumentException("season must be at least 1, got " + season);
        }
        SeriesChecks.atLeast(y, season, "seasonal anomalies with season " + season, "one full season");
        double[] sum = new double[season];
        int[] count = new int[season];
        for (int t = 0; t < y.length; t++) {
            sum[t % season] += y[t];
            count[t % season]++;
        }
        double[] anomalies = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            anomalies[t] = y[t] - sum[t % season] / count[t % season];
        }
        return anomalies;
    }

    /**
     * The inner forecaster works on w_t = y_t - y_{t-lag} (lag 1: trend, lag m: season); its
     * forecasts of w are added back onto the last observed levels with {@link Differencing#undifference}.
     */
    public static Forecaster differenced(int lag, Forecaster inner) {
        if (lag < 1) {
            throw new IllegalArgumentException("lag must be at least 1, got " + lag);
        }
        return (history, horizon) -> {
            double[] w = Differencing.difference(history, lag);
            double[] forecastOfDifferences = inner.forecast(w, horizon);
            if (forecastOfDifferences.length != horizon) {
                throw new IllegalStateException("the inner forecaster returned " + forecastOfDifferences.length
                        + " values for horizon " + horizon);
            }
            return Differencing.undifference(history, forecastOfDifferences, lag);
        };
    }
}
