package workbook.classic;

import org.apache.commons.math3.special.Gamma;

import java.util.Locale;

/**
 * The Ljung-Box test: are the first {@code lags} autocorrelations of a series (usually a model's
 * residuals) jointly zero? Its statistic
 * <pre>  Q = n (n + 2) Σ_{k=1}^{h} r_k² / (n - k)</pre>
 * is about chi-squared with h - m degrees of freedom for white noise, where m is the number of ARMA
 * coefficients fitted to produce the residuals (p + q + P + Q; σ² and a mean do not count). A small
 * p-value says the residuals are still autocorrelated: the model has left structure behind.
 * r_k is the ACF of {@link Correlogram#acf} (mean removed). Matches statsmodels'
 * {@code acorr_ljungbox(x, lags=[h], model_df=m)}.
 *
 * <pre>{@code
 * LjungBox.test(model.residuals(), 24, 2)   // Q(24), 22 degrees of freedom, p-value
 * }</pre>
 */
public record LjungBox(int lags, double statistic, int degreesOfFreedom, double pValue) {

    /** Q over lags 1..{@code lags}, with {@code lags - fittedCoefficients} degrees of freedom. */
    public static LjungBox test(double[] x, int lags, int fittedCoefficients) {
        if (lags < 1) {
            throw new IllegalArgumentException("lags must be at least 1, got " + lags);
        }
        if (fittedCoefficients < 0 || fittedCoefficients >= lags) {
            throw new IllegalArgumentException("the fitted coefficients (" + fittedCoefficients
                    + ") must be at least 0 and fewer than the lags tested (" + lags + ")");
        }
        SeriesChecks.atLeast(x, lags + 2, "Ljung-Box test over " + lags + " lags", "more points than lags");
        double[] r = Correlogram.acf(x, lags).values();
        int n = x.length;
        double sum = 0;
        for (int k = 1; k <= lags; k++) {
            sum += r[k] * r[k] / (n - k);
        }
        double q = n * (n + 2.0) * sum;
        int df = lags - fittedCoefficients;
        // the chi-squared upper tail P(X > q) = Q(df/2, q/2), the regularised gamma function: unlike
        // 1 - ChiSquaredDistribution.cumulativeProbability(q) it keeps its digits for tiny p-values
        double p = Gamma.regularizedGammaQ(df / 2.0, q / 2.0);
        return new LjungBox(lags, q, df, p);
    }

    /** Whether the test rejects white noise at this significance level (e.g. 0.05). */
    public boolean rejectsWhiteNoise(double significance) {
        return pValue < significance;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Ljung-Box Q(%d) = %.2f, %d degrees of freedom, p = %s", lags, statistic,
                degreesOfFreedom, pValue < 1e-4 ? String.format(Locale.ROOT, "%.1e", pValue)
                        : String.format(Locale.ROOT, "%.4f", pValue));
    }
}
