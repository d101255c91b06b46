package workbook.classic;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import java.util.Locale;

/**
 * The augmented Dickey-Fuller test of a unit root (null hypothesis: the series is not stationary)
 * with a constant in the regression, as statsmodels' {@code adfuller(y, maxlag=lags,
 * regression="c", autolag=None)}:
 * <pre>  Δy_t = α + γ y_{t-1} + β_1 Δy_{t-1} + ... + β_p Δy_{t-p} + e_t,   statistic = t-value of γ.</pre>
 * The p-value uses MacKinnon's (1994) response-surface approximation, the critical values
 * MacKinnon (2010), both for one series and a constant.
 */
public final class DickeyFuller {

    private DickeyFuller() {
    }

    /** The result; {@code stationaryAt5Percent()} is true when the unit root is rejected at 5%. */
    public record Result(double statistic, double pValue, int lags, int observations,
                         double critical1, double critical5, double critical10) {
        public boolean stationaryAt5Percent() {
            return statistic < critical5;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "ADF statistic %.4f, p-value %.4f (lags %d, %d observations); critical values 1%% %.3f, 5%% %.3f, 10%% %.3f -> %s",
                    statistic, pValue, lags, observations, critical1, critical5, critical10,
                    stationaryAt5Percent() ? "unit root rejected at 5% (looks stationary)"
                            : "unit root not rejected at 5% (difference the series?)");
        }
    }

    /** Runs the test with {@code lags} lagged differences. */
    public static Result test(double[] y, int lags) {
        if (lags < 0) {
            throw new IllegalArgumentException("lags must be >= 0, got " + lags);
        }
        SeriesChecks.atLeast(y, lags + 4, "ADF test with " + lags + " lags", "the regression needs more points than coefficients");
        double[] dy = Differencing.difference(y);
        int n = dy.length - lags; // usable observations
        double[] target = new double[n];
        double[][] regressors = new double[n][1 + lags];
        for (int i = 0; i < n; i++) {
            int t = i + lags; // index into dy
            target[i] = dy[t];
            regressors[i][0] = y[t]; // y_{t-1} in the level series (dy[t] = y[t+1] - y[t])
            for (int j = 1; j <= lags; j++) {
                regressors[i][j] = dy[t - j];
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(target, regressors); // an intercept is added by default
        double gamma = ols.estimateRegressionParameters()[1];
        double se = ols.estimateRegressionParametersStandardErrors()[1];
        double statistic = gamma / se;
        return new Result(statistic, mackinnonPValue(statistic), lags, n,
                critical(CRITICAL_1, n), critical(CRITICAL_5, n), critical(CRITICAL_10, n));
    }

    // MacKinnon (1994) coefficients for one series with a constant (statsmodels adfvalues, N = 1, "c").
    private static final double TAU_MAX = 2.74;
    private static final double TAU_MIN = -18.83;
    private static final double TAU_STAR = -1.61;
    private static final double[] SMALL_P = {2.1659, 1.4412, 3.8269e-2};
    private static final double[] LARGE_P = {1.7339, 9.3202e-1, -1.2745e-1, -1.0368e-2};
    // MacKinnon (2010) critical values: c0 + c1/n + c2/n² + c3/n³.
    private static final double[] CRITICAL_1 = {-3.43035, -6.5393, -16.786, -79.433};
    private static final double[] CRITICAL_5 = {-2.86154, -2.8903, -4.234, -40.040};
    private static final double[] CRITICAL_10 = {-2.56677, -1.5384, -2.809, 0};

    /** p = Φ(polynomial in the statistic), with one polynomial below τ* and another above. */
    static double mackinnonPValue(double statistic) {
        if (statistic > TAU_MAX) {
            return 1.0;
        }
        if (statistic < TAU_MIN) {
            return 0.0;
        }
        double[] c = statistic <= TAU_STAR ? SMALL_P : LARGE_P;
        double value = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            value = value * statistic + c[i];
        }
        return new NormalDistribution().cumulativeProbability(value);
    }

    private static double critical(double[] c, int n) {
        double x = 1.0 / n;
        return c[0] + c[1] * x + c[2] * x * x + c[3] * x * x * x;
    }
}
