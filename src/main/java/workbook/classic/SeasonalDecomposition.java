package workbook.classic;

import java.util.Arrays;

/**
 * Classical decomposition by moving averages (as statsmodels' {@code seasonal_decompose}):
 * trend = centred moving average over one season (a 2×m average when m is even), seasonal =
 * average detrended value of each position in the season (centred to sum 0, or mean 1 for the
 * multiplicative model), residual = what is left. Trend and residual are NaN at the first and
 * last m/2 points, where the centred average does not fit.
 */
public record SeasonalDecomposition(double[] observed, double[] trend, double[] seasonal, double[] residual,
                                    int period, Model model) {

    /** Additive: y = T + S + R. Multiplicative: y = T · S · R (for seasonal swings that grow with the level). */
    public enum Model { ADDITIVE, MULTIPLICATIVE }

    public static SeasonalDecomposition additive(double[] y, int period) {
        return of(y, period, Model.ADDITIVE);
    }

    public static SeasonalDecomposition multiplicative(double[] y, int period) {
        return of(y, period, Model.MULTIPLICATIVE);
    }

    public static SeasonalDecomposition of(double[] y, int period, Model model) {
        if (period < 2) {
            throw new IllegalArgumentException("period must be at least 2, got " + period);
        }
        SeriesChecks.atLeast(y, 2 * period, "seasonal decomposition with period " + period, "two full seasons");
        if (model == Model.MULTIPLICATIVE) {
            for (int i = 0; i < y.length; i++) {
                if (y[i] <= 0) {
                    throw new IllegalArgumentException("the multiplicative model needs positive values; index " + i + " is " + y[i]);
                }
            }
        }
        int n = y.length;
        double[] trend = centredMovingAverage(y, period);
        double[] detrended = new double[n];
        for (int t = 0; t < n; t++) {
            detrended[t] = model == Model.ADDITIVE ? y[t] - trend[t] : y[t] / trend[t];
        }
        double[] averages = new double[period];
        for (int i = 0; i < period; i++) {
            double sum = 0;
            int count = 0;
            for (int t = i; t < n; t += period) {
                if (!Double.isNaN(detrended[t])) {
                    sum += detrended[t];
                    count++;
                }
            }
            averages[i] = sum / count;
        }
        double centre = SeriesChecks.mean(averages);
        for (int i = 0; i < period; i++) {
            averages[i] = model == Model.ADDITIVE ? averages[i] - centre : averages[i] / centre;
        }
        double[] seasonal = new double[n];
        double[] residual = new double[n];
        for (int t = 0; t < n; t++) {
            seasonal[t] = averages[t % period];
            residual[t] = model == Model.ADDITIVE ? detrended[t] - seasonal[t] : detrended[t] / seasonal[t];
        }
        return new SeasonalDecomposition(y.clone(), trend, seasonal, residual, period, model);
    }

    /** Weights 1/m over m points (odd m) or 1/2m, 1/m, ..., 1/m, 1/2m over m+1 points (even m), centred. */
    static double[] centredMovingAverage(double[] y, int period) {
        double[] weights;
        if (period % 2 == 0) {
            weights = new double[period + 1];
            Arrays.fill(weights, 1.0 / period);
            weights[0] = weights[period] = 0.5 / period;
        } else {
            weights = new double[period];
            Arrays.fill(weights, 1.0 / period);
        }
        int half = weights.length / 2;
        double[] out = new double[y.length];
        Arrays.fill(out, Double.NaN);
        for (int t = half; t < y.length - half; t++) {
            double s = 0;
            for (int k = 0; k < weights.length; k++) {
                s += weights[k] * y[t - half + k];
            }
            out[t] = s;
        }
        return out;
    }
}
