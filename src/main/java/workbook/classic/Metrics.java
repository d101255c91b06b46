package workbook.classic;

/**
 * Forecast accuracy. Scale-dependent: MAE, RMSE (in the series' units). Percentage: MAPE, sMAPE
 * (in %, undefined at zero actuals). Scaled: MASE, the MAE divided by the in-sample MAE of the
 * (seasonal) naive forecast on the training history: below 1 beats that baseline.
 */
public final class Metrics {

    private Metrics() {
    }

    public static double mae(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]);
        }
        return s / actual.length;
    }

    public static double mse(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += (actual[i] - forecast[i]) * (actual[i] - forecast[i]);
        }
        return s / actual.length;
    }

    public static double rmse(double[] actual, double[] forecast) {
        return Math.sqrt(mse(actual, forecast));
    }

    /** Mean absolute percentage error, 100 · mean |(a - f) / a|. */
    public static double mape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == 0) {
                throw new IllegalArgumentException("MAPE is undefined: actual value at index " + i + " is 0 (use MAE or MASE)");
            }
            s += Math.abs((actual[i] - forecast[i]) / actual[i]);
        }
        return 100 * s / actual.length;
    }

    /** Symmetric MAPE, 100 · mean 2|a - f| / (|a| + |f|), between 0 and 200. */
    public static double smape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
            if (denominator == 0) {
                throw new IllegalArgumentException("sMAPE is undefined at index " + i + ": actual and forecast are both 0");
            }
            s += 2 * Math.abs(actual[i] - forecast[i]) / denominator;
        }
        return 100 * s / actual.length;
    }

    /** MASE with the one-step naive forecast as scale (non-seasonal). */
    public static double mase(double[] actual, double[] forecast, double[] trainingHistory) {
        return mase(actual, forecast, trainingHistory, 1);
    }

    /** MASE = MAE / mean |y_t - y_{t-m}| over the training history. */
    public static double mase(double[] actual, double[] forecast, double[] trainingHistory, int season) {
        SeriesChecks.atLeast(trainingHistory, season + 1, "MASE with season " + season, "one seasonal difference of the history");
        double scale = 0;
        for (int t = season; t < trainingHistory.length; t++) {
            scale += Math.abs(trainingHistory[t] - trainingHistory[t - season]);
        }
        scale /= trainingHistory.length - season;
        if (scale == 0) {
            throw new IllegalArgumentException("MASE is undefined: the training history does not change (naive MAE = 0)");
        }
        return mae(actual, forecast) / scale;
    }

    private static void check(double[] actual, double[] forecast) {
        if (actual.length != forecast.length) {
            throw new IllegalArgumentException(actual.length + " actual values but " + forecast.length + " forecasts");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("no values to score");
        }
        SeriesChecks.finite(actual, "actual values");
        SeriesChecks.finite(forecast, "forecasts");
    }

    /** The share of actual values inside their interval [lower, upper]: about 0.95 for a good 95% interval. */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        if (actual.length != lower.length || actual.length != upper.length || actual.length == 0) {
            throw new IllegalArgumentException("coverage needs as many lower and upper bounds as actual values (at least one), got "
                    + actual.length + ", " + lower.length + ", " + upper.length);
        }
        int inside = 0;
        for (int i = 0; i < actual.length; i++) {
            inside += actual[i] >= lower[i] && actual[i] <= upper[i] ? 1 : 0;
        }
        return (double) inside / actual.length;
    }
}
