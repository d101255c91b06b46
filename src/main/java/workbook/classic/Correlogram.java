package workbook.classic;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Autocorrelation (ACF) and partial autocorrelation (PACF) up to {@code maxLag}, with the
 * half-width of a {@code 1 - alpha} confidence band around each value, as statsmodels' {@code acf}
 * and {@code pacf}: ACF bands use Bartlett's formula, PACF bands z/√n. Index 0 is lag 0 (always 1).
 * A bar outside {@code ±halfWidth} is significantly different from zero.
 */
public record Correlogram(String kind, double[] values, double[] halfWidth, int observations, double alpha) {

    /** The lower end of the band around each value (statsmodels' {@code confint[:, 0]}). */
    public double[] lower() {
        double[] out = new double[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[k] - halfWidth[k];
        }
        return out;
    }

    public double[] upper() {
        double[] out = new double[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[k] + halfWidth[k];
        }
        return out;
    }

    /** ACF with a 95% band. */
    public static Correlogram acf(double[] y, int maxLag) {
        return acf(y, maxLag, 0.05);
    }

    /** ACF: r_k = Σ (y_t - ȳ)(y_{t+k} - ȳ) / Σ (y_t - ȳ)², Bartlett band z·√((1 + 2 Σ_{j<k} r_j²)/n). */
    public static Correlogram acf(double[] y, int maxLag, double alpha) {
        check(y, maxLag, "acf");
        double[] r = autocovariances(y, maxLag, false);
        double c0 = r[0];
        for (int k = 0; k <= maxLag; k++) {
            r[k] /= c0;
        }
        double z = z(alpha);
        double n = y.length;
        double[] half = new double[maxLag + 1];
        double cumulative = 0;
        for (int k = 1; k <= maxLag; k++) {
            half[k] = z * Math.sqrt((1 + 2 * cumulative) / n);
            cumulative += r[k] * r[k];
        }
        return new Correlogram("ACF", r, half, y.length, alpha);
    }

    /** PACF with a 95% band (Yule-Walker with adjusted autocovariances, statsmodels' default "ywadjusted"). */
    public static Correlogram pacf(double[] y, int maxLag) {
        return pacf(y, maxLag, 0.05, true);
    }

    /**
     * PACF: the last coefficient φ_kk of the Yule-Walker AR(k) fit, for k = 1..maxLag.
     * {@code adjusted} divides the lag-k autocovariance by n-k ("ywadjusted"), otherwise by n ("ywm").
     */
    public static Correlogram pacf(double[] y, int maxLag, double alpha, boolean adjusted) {
        check(y, maxLag, "pacf");
        if (maxLag >= y.length / 2) {
            throw new IllegalArgumentException("pacf: maxLag " + maxLag + " must be below half the series length (" + y.length + " points)");
        }
        double[] r = autocovariances(y, maxLag, adjusted);
        double[] pacf = new double[maxLag + 1];
        pacf[0] = 1;
        for (int k = 1; k <= maxLag; k++) {
            // Yule-Walker equations of order k: Toeplitz(r_0..r_{k-1}) φ = (r_1..r_k)
            RealMatrix toeplitz = new Array2DRowRealMatrix(k, k);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    toeplitz.setEntry(i, j, r[Math.abs(i - j)]);
                }
            }
            double[] rhs = new double[k];
            System.arraycopy(r, 1, rhs, 0, k);
            double[] phi = new LUDecomposition(toeplitz).getSolver().solve(new ArrayRealVector(rhs)).toArray();
            pacf[k] = phi[k - 1];
        }
        double[] half = new double[maxLag + 1];
        double width = z(alpha) / Math.sqrt(y.length);
        for (int k = 1; k <= maxLag; k++) {
            half[k] = width;
        }
        return new Correlogram("PACF", pacf, half, y.length, alpha);
    }

    /** Sample autocovariances of the demeaned series; divisor n, or n-k when {@code adjusted}. */
    static double[] autocovariances(double[] y, int maxLag, boolean adjusted) {
        double mean = SeriesChecks.mean(y);
        int n = y.length;
        double[] c = new double[maxLag + 1];
        for (int k = 0; k <= maxLag; k++) {
            double s = 0;
            for (int t = 0; t + k < n; t++) {
                s += (y[t] - mean) * (y[t + k] - mean);
            }
            c[k] = s / (adjusted ? n - k : n);
        }
        return c;
    }

    private static void check(double[] y, int maxLag, String what) {
        if (maxLag < 1) {
            throw new IllegalArgumentException(what + ": maxLag must be at least 1, got " + maxLag);
        }
        SeriesChecks.atLeast(y, maxLag + 2, what + " up to lag " + maxLag, "more points than lags");
        double first = y[0];
        boolean constant = true;
        for (double v : y) {
            constant &= v == first;
        }
        if (constant) {
            throw new IllegalArgumentException(what + ": the series is constant, its autocorrelation is undefined");
        }
    }

    private static double z(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        return new NormalDistribution().inverseCumulativeProbability(1 - alpha / 2);
    }
}
