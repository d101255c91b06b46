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
