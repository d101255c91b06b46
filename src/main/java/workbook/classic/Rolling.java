package workbook.classic;

import java.util.Arrays;

/**
 * Trailing rolling statistics (like pandas' {@code rolling(window)}): the value at t summarises
 * y[t-window+1 .. t]; the first window-1 values are NaN because the window is not full yet.
 */
public final class Rolling {

    private Rolling() {
    }

    public static double[] mean(double[] y, int window) {
        check(y, window);
        double[] out = new double[y.length];
        Arrays.fill(out, Double.NaN);
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            sum += y[t];
            if (t >= window) {
                sum -= y[t - window];
            }
            if (t >= window - 1) {
                out[t] = sum / window;
            }
        }
        return out;
    }

    /** Sample standard deviation (divisor window - 1, as pandas). */
    public static double[] std(double[] y, int window) {
        check(y, window);
        if (window < 2) {
            throw new IllegalArgumentException("a rolling standard deviation needs a window of at least 2, got " + window);
        }
        double[] out = new double[y.length];
        Arrays.fill(out, Double.NaN);
        for (int t = window - 1; t < y.length; t++) {
            double m = 0;
            for (int k = t - window + 1; k <= t; k++) {
                m += y[k];
            }
            m /= window;
            double ss = 0;
            for (int k = t - window + 1; k <= t; k++) {
                ss += (y[k] - m) * (y[k] - m);
            }
            out[t] = Math.sqrt(ss / (window - 1));
        }
        return out;
    }

    private static void check(double[] y, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        SeriesChecks.atLeast(y, window, "rolling window " + window, "one full window");
    }
}
