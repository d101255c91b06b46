package workbook.classic;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import workbook.display.Interruption;

import java.util.Arrays;
import java.util.Locale;

/**
 * ARIMA(p, d, q): the series differenced d times, w_t = Δ^d y_t, follows an ARMA(p, q) around a
 * constant mean μ:
 * <pre>  (w_t - μ) = φ_1 (w_{t-1} - μ) + ... + φ_p (w_{t-p} - μ) + e_t + θ_1 e_{t-1} + ... + θ_q e_{t-q}</pre>
 * fitted by exact Gaussian maximum likelihood (Kalman filter, stationary start), starting from
 * Hannan-Rissanen estimates, with φ kept stationary and θ invertible.
 *
 * <p>It matches statsmodels' {@code ARIMA(y, order=(p, d, q), trend=...).fit()}: for d = 0 use
 * trend="c" (μ is statsmodels' "const"); for d = 1 use trend="t" (μ is the drift, statsmodels' "x1");
 * without constant, trend="n". AIC = -2 log L + 2 k with k = p + q + 1 (σ²) + 1 (μ, if any), BIC
 * uses the n - d differenced points.
 *
 * <pre>{@code
 * ArimaModel m = ArimaModel.fit(logPassengers, 1, 1, 1);
 * m.ar(); m.ma(); m.constant(); m.aic(); m.forecast(12);
 * }</pre>
 */
public final class ArimaModel {

    private static final int RANDOM_STARTS = 8;

    private final int p;
    private final int d;
    private final int q;
    private final boolean withConstant;
    private final double mu;
    private final double[] phi;
    private final double[] theta;
    private final double sigma2;
    private final double logLikelihood;
    private final int observations;
    private final double[] tail; // the last d values of y, to turn forecasts of differences back into levels
    private final ArmaStateSpace.Filtered filtered;
    private final int evaluations;

    private ArimaModel(int p, int d, int q, boolean withConstant, double mu, double[] phi, double[] theta,
                       ArmaStateSpace.Filtered filtered, double[] y, int evaluations) {
        this.p = p;
        this.d = d;
        this.q = q;
        this.withConstant = withConstant;
        this.mu = mu;
        this.phi = phi;
        this.theta = theta;
        this.filtered = filtered;
        this.sigma2 = filtered.sigma2();
        this.logLikelihood = filtered.concentratedLogLikelihood();
        this.observations = filtered.n();
        this.evaluations = evaluations;
        this.tail = Arrays.copyOfRange(y, y.length - d, y.length);
    }

    /** ARIMA(p, d, q) with a constant. */
    public static ArimaModel fit(double[] y, int p, int d, int q) {
        return fit(y, p, d, q, true);
    }

    /** ARMA(p, q) with a constant mean (= ARIMA(p, 0, q)). */
    public static ArimaModel arma(double[] y, int p, int q) {
        return fit(y, p, 0, q, true);
    }

    /** ARIMA(p, d, q), with or without the constant μ of the differenced series. */
    public static ArimaModel fit(double[] y, int p, int d, int q, boolean withConstant) {
        if (p < 0 || d < 0 || q < 0) {
            throw new IllegalArgumentException("orders must be >= 0, got (" + p + ", " + d + ", " + q + ")");
        }
        String name = "ARIMA(" + p + "," + d + "," + q + ")";
        SeriesChecks.atLeast(y, d + 2 * (p + q) + 4, name, "about twice as many points as coefficients after differencing");
        double[] w = Differencing.differenceTimes(y, d);
        double center = SeriesChecks.mean(w);
        double scale = Math.sqrt(Arrays.stream(w).map(v -> (v - center) * (v - center)).sum() / w.length);
        if (scale == 0) {
            throw new ModelFitException(name + ": the " + (d > 0 ? "differenced " : "") + "series is constant");
        }
        int offset = withConstant ? 1 : 0;
        int dimension = offset + p + q;
        double[] start = new double[dimension];
        double[][] startCoefficients = hannanRissanen(w, center, p, q);
        System.arraycopy(ArmaPolynomials.unconstrained(startCoefficients[0]), 0, start, offset, p);
        System.arraycopy(ArmaPolynomials.unconstrainedMa(startCoefficients[1]), 0, start, offset + p, q);

        // Parameters seen by the optimiser: u = ((μ - mean)/sd, unconstrained φ, unconstrained θ).
        java.util.function.Function<double[], double[][]> decode = u -> new double[][]{
                {withConstant ? center + scale * u[0] : 0.0},
                ArmaPolynomials.stationary(Arrays.copyOfRange(u, offset, offset + p)),
                ArmaPolynomials.invertible(Arrays.copyOfRange(u, offset + p, offset + p + q))};
        if (dimension == 0) {
            ArmaStateSpace.Filtered f = new ArmaStateSpace(new double[0], new double[0]).filter(w, true);
            return new ArimaModel(p, d, q, false, 0, new double[0], new double[0], f, y, 1);
        }
        LikelihoodSearch.Optimum best = LikelihoodSearch.minimise(u -> {
            double[][] c = decode.apply(u);
            return -new ArmaStateSpace(c[1], c[2]).filter(demean(w, c[0][0]), false).concentratedLogLikelihood();
        }, LikelihoodSearch.starts(start, offset, RANDOM_STARTS), name);
        double[][] c = decode.apply(best.point());
        ArmaStateSpace.Filtered f = new ArmaStateSpace(c[1], c[2]).filter(demean(w, c[0][0]), true);
        return new ArimaModel(p, d, q, withConstant, c[0][0], c[1], c[2], f, y, best.evaluations());
    }

    /**
     * Hannan-Rissanen: a long AR fit estimates the shocks e_t, then one regression of w_t on its
     * own lags and the lagged shocks gives φ and θ. Shrunk towards 0 if not stationary/invertible.
     */
    static double[][] hannanRissanen(double[] w, double center, int p, int q) {
        if (p + q == 0) {
            return new double[][]{new double[0], new double[0]};
        }
        double[] z = demean(w, center);
        int n = z.length;
        double[] residuals = new double[n];
        int longOrder = 0;
        if (q > 0) {
            longOrder = Math.min((n - 1) / 3, Math.max(p + q + 1, (int) Math.ceil(10 * Math.log10(n))));
            double[] ar = lsq(z, longOrder, longOrder, 0, null);
            for (int t = longOrder; t < n; t++) {
                double fit = 0;
                for (int j = 1; j <= longOrder; j++) {
                    fit += ar[j - 1] * z[t - j];
                }
                residuals[t] = z[t] - fit;
            }
        }
        double[] both;
        try {
            both = lsq(z, longOrder + q + p, p, q, residuals);
        } catch (RuntimeException e) {
            both = new double[p + q];
        }
        double[] phi = Arrays.copyOfRange(both, 0, p);
        double[] theta = Arrays.copyOfRange(both, p, p + q);
        for (int shrink = 0; shrink < 30; shrink++) {
            if (ArmaPolynomials.unconstrained(phi) != null && ArmaPolynomials.unconstrainedMa(theta) != null) {
                return new double[][]{phi, theta};
            }
            for (int i = 0; i < p; i++) {
                phi[i] *= 0.7;
            }
            for (int i = 0; i < q; i++) {
                theta[i] *= 0.7;
            }
        }
        return new double[][]{new double[p], new double[q]};
    }

    /** Least squares of z_t on z_{t-1..t-p} and e_{t-1..t-q} for t ≥ first, no intercept (z is centred). */
    private static double[] lsq(double[] z, int first, int p, int q, double[] shocks) {
        int rows = z.length - first;
        double[] target = new double[rows];
        double[][] x = new double[rows][p + q];
        for (int i = 0; i < rows; i++) {
            int t = first + i;
            target[i] = z[t];
            for (int j = 1; j <= p; j++) {
                x[i][j - 1] = z[t - j];
            }
            for (int j = 1; j <= q; j++) {
                x[i][p + j - 1] = shocks[t - j];
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(target, x);
        return ols.estimateRegressionParameters();
    }

    static double[] demean(double[] w, double mu) {
        double[] z = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            z[i] = w[i] - mu;
        }
        return z;
    }

    public int p() {
        return p;
    }

    public int d() {
        return d;
    }

    public int q() {
        return q;
    }

    /** μ, the mean of the d-times differenced series (0 without constant). */
    public double constant() {
        return mu;
    }

    /** φ_1 .. φ_p. */
    public double[] ar() {
        return phi.clone();
    }

    /** θ_1 .. θ_q. */
    public double[] ma() {
        return theta.clone();
    }

    /** Maximum-likelihood innovation variance. */
    public double sigma2() {
        return sigma2;
    }

    public double logLikelihood() {
        return logLikelihood;
    }

    /** Estimated parameters counted by AIC/BIC: φ, θ, σ² and μ if present. */
    public int parameterCount() {
        return p + q + 1 + (withConstant ? 1 : 0);
    }

    public double aic() {
        return -2 * logLikelihood + 2 * parameterCount();
    }

    public double bic() {
        return -2 * logLikelihood + Math.log(observations) * parameterCount();
    }

    /** The number of differenced points the likelihood uses, n - d. */
    public int observations() {
        return observations;
    }

    /**
     * The Gaussian log-likelihood of ARMA(p, q) with mean μ and variance σ² at given parameters for
     * the (already differenced) series w; the quantity the fit maximises.
     */
    static double logLikelihoodAt(double[] w, double mu, double[] phi, double[] theta, double sigma2) {
        ArmaStateSpace.Filtered f = new ArmaStateSpace(phi, theta).filter(demean(w, mu), false);
        return -f.n() / 2.0 * Math.log(2 * Math.PI * sigma2) - 0.5 * f.sumLogF() - f.sumSquares() / (2 * sigma2);
    }

    /** One-step prediction errors of the differenced series (the model's residuals). */
    public double[] residuals() {
        return filtered.innovations().clone();
    }

    /** Likelihood evaluations the optimiser needed. */
    public int evaluations() {
        return evaluations;
    }

    public Forecast forecast(int horizon) {
        return forecast(horizon, 0.95);
    }

    /**
     * Forecasts of y (not of the differences) with prediction intervals: the differences are added
     * back onto the last d values of y inside the state space, so the intervals widen accordingly.
     */
    public Forecast forecast(int horizon, double level) {
        return new ArmaStateSpace(phi, theta).forecast(filtered, mu, ArmaPolynomials.integration(d, 0, 1), tail,
                sigma2, horizon, level);
    }

    /**
     * Fits every ARIMA(p, d, q) with p ≤ maxP, q ≤ maxQ and returns a table sorted by AIC
     * (columns p, d, q, aic, bic, sigma2, note). Orders that fail to fit stay in the table
     * with their reason in "note" and NaN criteria.
     */
    public static Table searchOrders(double[] y, int d, int maxP, int maxQ) {
        IntColumn ps = IntColumn.create("p");
        IntColumn ds = IntColumn.create("d");
        IntColumn qs = IntColumn.create("q");
        DoubleColumn aic = DoubleColumn.create("aic");
        DoubleColumn bic = DoubleColumn.create("bic");
        DoubleColumn s2 = DoubleColumn.create("sigma2");
        StringColumn note = StringColumn.create("note");
        for (int p = 0; p <= maxP; p++) {
            for (int q = 0; q <= maxQ; q++) {
                Interruption.checkpoint("order search at ARIMA(" + p + "," + d + "," + q + ")");
                ps.append(p);
                ds.append(d);
                qs.append(q);
                try {
                    ArimaModel m = fit(y, p, d, q);
                    aic.append(m.aic());
                    bic.append(m.bic());
                    s2.append(m.sigma2());
                    note.append("");
                } catch (ModelFitException e) {
                    aic.append(Double.NaN);
                    bic.append(Double.NaN);
                    s2.append(Double.NaN);
                    note.append(e.getMessage());
                }
            }
        }
        Table table = Table.create("ARIMA order search", ps, ds, qs, aic, bic, s2, note);
        return table.sortAscendingOn("aic");
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "ARIMA(%d,%d,%d)%s: ", p, d, q,
                withConstant ? " with constant" : ""));
        if (withConstant) {
            s.append(String.format(Locale.ROOT, "mu %.5f, ", mu));
        }
        s.append("ar ").append(format(phi)).append(", ma ").append(format(theta));
        s.append(String.format(Locale.ROOT, ", sigma2 %.6g, log L %.3f, AIC %.3f, BIC %.3f (%d points)",
                sigma2, logLikelihood, aic(), bic(), observations));
        return s.toString();
    }

    private static String format(double[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", v[i]));
        }
        return s.append(']').toString();
    }
}
