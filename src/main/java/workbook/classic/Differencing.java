package workbook.classic;

/**
 * Differencing removes a trend (lag 1) or a seasonal pattern (lag m); {@link #undifference}
 * turns forecasts of differences back into levels.
 */
public final class Differencing {

    private Differencing() {
    }

    /** y[t] - y[t-1]; one point shorter. */
    public static double[] difference(double[] y) {
        return difference(y, 1);
    }

    /** y[t] - y[t-lag]; {@code lag} points shorter. Seasonal differencing uses lag = season length. */
    public static double[] difference(double[] y, int lag) {
        SeriesChecks.atLeast(y, lag + 1, "difference with lag " + lag, "one difference needs lag + 1 points");
        if (lag < 1) {
            throw new IllegalArgumentException("lag must be at least 1, got " + lag);
        }
        double[] d = new double[y.length - lag];
        for (int t = lag; t < y.length; t++) {
            d[t - lag] = y[t] - y[t - lag];
        }
        return d;
    }

    /** Seasonal difference y[t] - y[t-m]. */
    public static double[] seasonalDifference(double[] y, int season) {
        return difference(y, season);
    }

    /** Applies lag-1 differencing {@code times} times (the d of ARIMA). */
    public static double[] differenceTimes(double[] y, int times) {
        double[] d = y;
        for (int i = 0; i < times; i++) {
            d = difference(d, 1);
        }
        return d;
    }

    /**
     * Levels from differences: given the last {@code lag} observed levels ({@code history}'s tail)
     * and future differences d, returns y[n+k] = y[n+k-lag] + d[k].
     */
    public static double[] undifference(double[] history, double[] differences, int lag) {
        SeriesChecks.atLeast(history, lag, "undifference with lag " + lag, "it needs the last lag levels");
        double[] all = new double[lag + differences.length];
        System.arraycopy(history, history.length - lag, all, 0, lag);
        for (int k = 0; k < differences.length; k++) {
            all[lag + k] = all[k] + differences[k];
        }
        double[] out = new double[differences.length];
        System.arraycopy(all, lag, out, 0, differences.length);
        return out;
    }
}
