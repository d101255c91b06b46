package workbook.classic;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.Locale;

/**
 * AR(p) with an intercept, fitted by ordinary least squares on the last n - p points:
 * <pre>  y_t = c + φ_1 y_{t-1} + ... + φ_p y_{t-p} + e_t,   σ² = RSS / (n - p)</pre>
 * The same estimator as statsmodels' {@code AutoReg(y, p, trend="c")} (conditional maximum
 * likelihood), including its log-likelihood, AIC and BIC.
 *
 * <pre>{@code
 * ArModel ar = ArModel.fit(logPassengers, 2);
 * ar.intercept(); ar.coefficients(); ar.forecast(12);
 * }</pre>
 */
public final class ArModel {

    private final int order;
    private final double intercept;
    private final double[] phi;
    private final double sigma2;
    private final int observations;
    private final double[] history;

    private ArModel(int order, double intercept, double[] phi, double sigma2, int observations, double[] history) {
        this.order = order;
        this.intercept = intercept;
        this.phi = phi;
        this.sigma2 = sigma2;
        this.observations = observations;
        this.history = history;
    }

    /** Fits AR(p) by OLS. */
    public static ArModel fit(double[] y, int p) {
        return fit(y, p, p);
    }

    /**
     * Fits AR(p) by OLS on y[holdBack ..] (holdBack ≥ p), as statsmodels' {@code hold_back}: models
     * of different orders fitted with the same holdBack use the same points, so their AIC and BIC
     * can be compared.
     */
    public static ArModel fit(double[] y, int p, int holdBack) {
        if (p < 1) {
            throw new IllegalArgumentException("AR order must be at least 1, got " + p);
        }
        if (holdBack < p) {
            throw new IllegalArgumentException("holdBack " + holdBack + " must be at least the order " + p);
        }
        SeriesChecks.atLeast(y, holdBack + p + 2, "AR(" + p + ")", "the regression has n - holdBack rows and p + 1 coefficients");
        int rows = y.length - holdBack;
        double[] target = new double[rows];
        double[][] lags = new double[rows][p];
        for (int i = 0; i < rows; i++) {
            int t = i + holdBack;
            target[i] = y[t];
            for (int j = 1; j <= p; j++) {
                lags[i][j - 1] = y[t - j];
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(target, lags);
        double[] beta;
        try {
            beta = ols.estimateRegressionParameters();
        } catch (RuntimeException e) {
            throw new ModelFitException("AR(" + p + ") cannot be fitted: the lagged values are collinear (" + e.getMessage() + ")", e);
        }
        double sigma2 = ols.calculateResidualSumOfSquares() / rows;
        return new ArModel(p, beta[0], Arrays.copyOfRange(beta, 1, beta.length), sigma2, rows, y.clone());
    }

    /**
     * AR(1) .. AR(maxP) fitted on the same points (the first maxP held back), with AIC and BIC,
     * sorted by AIC: the first row is the order to choose.
     */
    public static Table selectOrder(double[] y, int maxP) {
        IntColumn order = IntColumn.create("p");
        DoubleColumn aic = DoubleColumn.create("aic");
        DoubleColumn bic = DoubleColumn.create("bic");
        DoubleColumn sigma2 = DoubleColumn.create("sigma2");
        for (int p = 1; p <= maxP; p++) {
            ArModel m = fit(y, p, maxP);
            order.append(p);
            aic.append(m.aic());
            bic.append(m.bic());
            sigma2.append(m.sigma2());
        }
        return Table.create("AR order selection (common sample of " + (y.length - maxP) + " points)",
                order, aic, bic, sigma2).sortAscendingOn("aic");
    }

    public int order() {
        return order;
    }

    public double intercept() {
        return intercept;
    }

    /** φ_1 .. φ_p. */
    public double[] coefficients() {
        return phi.clone();
    }

    /** Residual variance RSS / (n - p). */
    public double sigma2() {
        return sigma2;
    }

    /** The number of residuals, n - p (n - holdBack). */
    public int observations() {
        return observations;
    }

    /** Gaussian conditional log-likelihood at the estimate: -m/2 (log 2πσ² + 1), m = n - p. */
    public double logLikelihood() {
        return -observations / 2.0 * (Math.log(2 * Math.PI * sigma2) + 1);
    }

    /** -2 log L + 2 k with k = p + 2 (intercept, coefficients, variance), as statsmodels. */
    public double aic() {
        return -2 * logLikelihood() + 2 * (order + 2);
    }

    public double bic() {
        return -2 * logLikelihood() + Math.log(observations) * (order + 2);
    }

    /** Forecasts with 95% intervals. */
    public Forecast forecast(int horizon) {
        return forecast(horizon, 0.95);
    }

    /** Recursive forecasts; variance σ² Σ_{j<h} ψ_j² with the ψ-weights of the AR polynomial. */
    public Forecast forecast(int horizon, double level) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        int n = history.length;
        double[] extended = Arrays.copyOf(history, n + horizon);
        double[] mean = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double v = intercept;
            for (int j = 1; j <= order; j++) {
                v += phi[j - 1] * extended[n + h - j];
            }
            extended[n + h] = v;
            mean[h] = v;
        }
        double[] psi = psiWeights(phi, horizon);
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
        double[] lower = new double[horizon];
        double[] upper = new double[horizon];
        double cumulative = 0;
        for (int h = 0; h < horizon; h++) {
            cumulative += psi[h] * psi[h];
            double se = Math.sqrt(sigma2 * cumulative);
            lower[h] = mean[h] - z * se;
            upper[h] = mean[h] + z * se;
        }
        return new Forecast(mean, lower, upper, level);
    }

    /** ψ_0 = 1, ψ_j = Σ_i φ_i ψ_{j-i}: the weights of past shocks in y_t. */
    static double[] psiWeights(double[] phi, int count) {
        double[] psi = new double[count];
        psi[0] = 1;
        for (int j = 1; j < count; j++) {
            for (int i = 1; i <= Math.min(j, phi.length); i++) {
                psi[j] += phi[i - 1] * psi[j - i];
            }
        }
        return psi;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AR(%d): intercept %.5f, coefficients %s, sigma2 %.6g, AIC %.3f, BIC %.3f (%d residuals)",
                order, intercept, Arrays.toString(Arrays.stream(phi).map(v -> Math.round(v * 1e5) / 1e5).toArray()),
                sigma2, aic(), bic(), observations);
    }
}
