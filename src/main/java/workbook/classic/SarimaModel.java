package workbook.classic;

import java.util.Arrays;
import java.util.Locale;

/**
 * Seasonal ARIMA, SARIMA(p, d, q)(P, D, Q)_s: the series differenced d times at lag 1 and D times
 * at the season s, w_t = (1 - B)^d (1 - B^s)^D y_t, follows an ARMA whose polynomials are products
 * of a short-lag and a seasonal one:
 * <pre>  φ(B) Φ(B^s) (w_t - μ) = θ(B) Θ(B^s) e_t,   φ(B) = 1 - Σ φ_i B^i,  Φ(B^s) = 1 - Σ Φ_j B^{js},
 *                                               θ(B) = 1 + Σ θ_i B^i,  Θ(B^s) = 1 + Σ Θ_j B^{js}</pre>
 * (B y_t = y_{t-1}). The products are an ARMA(p + sP, q + sQ) with few free coefficients, so the
 * fit reuses {@link ArimaModel}'s machinery: the exact Gaussian likelihood of w by the Kalman filter
 * from the stationary start, maximised over φ, Φ kept stationary and θ, Θ invertible (each factor
 * on its own, as statsmodels does), with σ² concentrated out.
 *
 * <p>The classic example is Box and Jenkins' airline model, SARIMA(0,1,1)(0,1,1)_12 of the log
 * passengers: {@code (1 - B)(1 - B^12) log y_t = (1 + θ B)(1 + Θ B^12) e_t}.
 *
 * <p>It matches statsmodels'
 * {@code SARIMAX(y, order=(p, d, q), seasonal_order=(P, D, Q, s)).fit()} (no constant, trend=None):
 * this class computes the exact likelihood of the differenced series, which is SARIMAX's
 * {@code simple_differencing=True}; SARIMAX's default ({@code simple_differencing=False}: the
 * differencing inside the state space, a diffuse start for its d + sD states and those first
 * observations left out of the likelihood) gives the same log-likelihood (for the airline model
 * they differ by 2e-6). {@code concentrate_scale} does not change the maximum: σ² at the optimum is
 * the concentrated value. AIC = -2 log L + 2k with k = p + q + P + Q + 1 (σ²) (+ 1 for μ); BIC uses
 * the n - d - sD points of the likelihood, as statsmodels does. With {@link Order#withConstant()},
 * μ is the mean of w: statsmodels' ARIMA(..., trend="c") "const" when d = D = 0.
 *
 * <pre>{@code
 * SarimaModel airline = SarimaModel.fit(logPassengers, SarimaModel.order(0, 1, 1).seasonal(0, 1, 1, 12));
 * airline.ma(); airline.seasonalMa(); airline.forecast(24);   // forecasts of log y with 95% intervals
 * }</pre>
 */
public final class SarimaModel {

    private static final int RANDOM_STARTS = 4;

    /**
     * The orders (p, d, q)(P, D, Q)_s and whether w has a constant mean μ. Build with
     * {@code SarimaModel.order(p, d, q).seasonal(P, D, Q, s)}, optionally {@code .withConstant()}.
     */
    public record Order(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int season,
                        boolean constant) {
        public Order {
            if (p < 0 || d < 0 || q < 0 || seasonalP < 0 || seasonalD < 0 || seasonalQ < 0) {
                throw new IllegalArgumentException("orders must be >= 0, got (" + p + "," + d + "," + q + ")("
                        + seasonalP + "," + seasonalD + "," + seasonalQ + ")");
            }
            boolean seasonal = seasonalP + seasonalD + seasonalQ > 0;
            if (seasonal && season < 2) {
                throw new IllegalArgumentException("a seasonal order needs a season of at least 2 steps, got " + season);
            }
        }

        /** The same order with the seasonal part (P, D, Q)_s. */
        public Order seasonal(int seasonalP, int seasonalD, int seasonalQ, int season) {
            return new Order(p, d, q, seasonalP, seasonalD, seasonalQ, season, constant);
        }

        /** The same order with a constant mean μ of the differenced series. */
        public Order withConstant() {
            return new Order(p, d, q, seasonalP, seasonalD, seasonalQ, season, true);
        }

        /** The points differencing uses up, d + sD. */
        public int differencingLoss() {
            return d + season * seasonalD;
        }

        /** The ARMA coefficients to estimate: p + q + P + Q (the degrees of freedom a residual test loses). */
        public int armaCoefficients() {
            return p + q + seasonalP + seasonalQ;
        }

        @Override
        public String toString() {
            String s = String.format(Locale.ROOT, "SARIMA(%d,%d,%d)", p, d, q);
            if (seasonalP + seasonalD + seasonalQ > 0) {
                s += String.format(Locale.ROOT, "(%d,%d,%d)%d", seasonalP, seasonalD, seasonalQ, season);
            }
            return s + (constant ? " with constant" : "");
        }
    }

    /** The non-seasonal order (p, d, q), no constant; add {@link Order#seasonal} and {@link Order#withConstant}. */
    public static Order order(int p, int d, int q) {
        return new Order(p, d, q, 0, 0, 0, 0, false);
    }

    private final Order order;
    private final double mu;
    private final double[] phi;
    private final double[] theta;
    private final double[] seasonalPhi;
    private final double[] seasonalTheta;
    private final double sigma2;
    private final double logLikelihood;
    private final ArmaStateSpace.Filtered filtered;
    private final double[] tail; // the last d + sD values of y: forecasts of w are integrated onto them
    private final int evaluations;

    private SarimaModel(Order order, double[][] c, ArmaStateSpace.Filtered filtered, double[] y, int evaluations) {
        this.order = order;
        this.mu = c[0][0];
        this.phi = c[1];
        this.theta = c[2];
        this.seasonalPhi = c[3];
        this.seasonalTheta = c[4];
        this.filtered = filtered;
        this.sigma2 = filtered.sigma2();
        this.logLikelihood = filtered.concentratedLogLikelihood();
        this.tail = Arrays.copyOfRange(y, y.length - order.differencingLoss(), y.length);
        this.evaluations = evaluations;
    }

    /** Fits the model by exact maximum likelihood. */
    public static SarimaModel fit(double[] y, Order order) {
        String name = order.toString();
        int coefficients = order.armaCoefficients();
        int seasonalLags = order.seasonalP() + order.seasonalQ() > 0 ? 2 * order.season() : 0;
        SeriesChecks.atLeast(y, order.differencingLoss() + Math.max(2 * coefficients + 4, seasonalLags), name,
                "about twice as many points as coefficients, and two seasons for seasonal terms, after differencing");
        double[] w = differenced(y, order);
        double center = SeriesChecks.mean(w);
        double scale = Math.sqrt(Arrays.stream(w).map(v -> (v - center) * (v - center)).sum() / w.length);
        if (scale == 0) {
            throw new ModelFitException(name + ": the " + (order.differencingLoss() > 0 ? "differenced " : "")
                    + "series is constant");
        }
        int offset = order.constant() ? 1 : 0;
        int[] sizes = {order.p(), order.q(), order.seasonalP(), order.seasonalQ()};
        // Parameters seen by the optimiser: u = ((μ - mean)/sd, unconstrained φ, θ, Φ, Θ).
        java.util.function.Function<double[], double[][]> decode = u -> {
            double[][] c = new double[5][];
            c[0] = new double[]{order.constant() ? center + scale * u[0] : 0.0};
            int from = offset;
            for (int part = 0; part < 4; part++) {
                double[] x = Arrays.copyOfRange(u, from, from + sizes[part]);
                c[part + 1] = part % 2 == 0 ? ArmaPolynomials.stationary(x) : ArmaPolynomials.invertible(x);
                from += sizes[part];
            }
            return c;
        };
        int dimension = offset + coefficients;
        if (dimension == 0) {
            double[][] none = decode.apply(new double[0]);
            return new SarimaModel(order, none, stateSpace(order, none).filter(w, true), y, 1);
        }
        // Hannan-Rissanen for the short-lag part, the seasonal part from zero; then zero and random starts.
        double[] start = new double[dimension];
        double[][] shortLag = ArimaModel.hannanRissanen(w, center, order.p(), order.q());
        System.arraycopy(ArmaPolynomials.unconstrained(shortLag[0]), 0, start, offset, order.p());
        System.arraycopy(ArmaPolynomials.unconstrainedMa(shortLag[1]), 0, start, offset + order.p(), order.q());
        LikelihoodSearch.Optimum best = LikelihoodSearch.minimise(u -> {
            double[][] c = decode.apply(u);
            return -stateSpace(order, c).filter(ArimaModel.demean(w, c[0][0]), false).concentratedLogLikelihood();
        }, LikelihoodSearch.starts(start, offset, RANDOM_STARTS), name);
        double[][] c = decode.apply(best.point());
        ArmaStateSpace.Filtered f = stateSpace(order, c).filter(ArimaModel.demean(w, c[0][0]), true);
        return new SarimaModel(order, c, f, y, best.evaluations());
    }

    /**
     * A forecaster that fits this order on each history it is given and returns the mean forecast:
     * for {@link Backtest}. Wrap it in {@link Transformed#log} for a model of the log series.
     */
    public static Forecaster forecaster(Order order) {
        return (history, horizon) -> fit(history, order).forecast(horizon).mean();
    }

    /** w_t = (1 - B)^d (1 - B^s)^D y_t = y_t - Σ δ_k y_{t-k}, for t ≥ d + sD. */
    static double[] differenced(double[] y, Order order) {
        double[] delta = integration(order);
        double[] w = new double[y.length - delta.length];
        for (int t = delta.length; t < y.length; t++) {
            double v = y[t];
            for (int k = 1; k <= delta.length; k++) {
                v -= delta[k - 1] * y[t - k];
            }
            w[t - delta.length] = v;
        }
        return w;
    }

    private static double[] integration(Order order) {
        return ArmaPolynomials.integration(order.d(), order.seasonalD(), order.season());
    }

    /** The ARMA of w with the multiplied polynomials; c = {μ}, φ, θ, Φ, Θ. */
    private static ArmaStateSpace stateSpace(Order order, double[][] c) {
        return new ArmaStateSpace(ArmaPolynomials.seasonalAr(c[1], c[3], order.season()),
                ArmaPolynomials.seasonalMa(c[2], c[4], order.season()));
    }

    public Order order() {
        return order;
    }

    /** μ, the mean of the differenced series (0 without constant). */
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

    /** Φ_1 .. Φ_P, the coefficients at lags s, 2s, ... */
    public double[] seasonalAr() {
        return seasonalPhi.clone();
    }

    /** Θ_1 .. Θ_Q, the coefficients at lags s, 2s, ... */
    public double[] seasonalMa() {
        return seasonalTheta.clone();
    }

    /** Maximum-likelihood innovation variance. */
    public double sigma2() {
        return sigma2;
    }

    public double logLikelihood() {
        return logLikelihood;
    }

    /** Estimated parameters counted by AIC/BIC: the ARMA coefficients, σ² and μ if present. */
    public int parameterCount() {
        return order.armaCoefficients() + 1 + (order.constant() ? 1 : 0);
    }

    public double aic() {
        return -2 * logLikelihood + 2 * parameterCount();
    }

    public double bic() {
        return -2 * logLikelihood + Math.log(observations()) * parameterCount();
    }

    /** The number of differenced points the likelihood uses, n - d - sD. */
    public int observations() {
        return filtered.n();
    }

    /** One-step prediction errors of the differenced series (the model's residuals), n - d - sD of them. */
    public double[] residuals() {
        return filtered.innovations().clone();
    }

    /** Likelihood evaluations the optimiser needed. */
    public int evaluations() {
        return evaluations;
    }

    /** Forecasts of y with 95% prediction intervals. */
    public Forecast forecast(int horizon) {
        return forecast(horizon, 0.95);
    }

    /**
     * Forecasts of y (not of the differences) with prediction intervals: the forecasts of w are
     * integrated onto the last d + sD values of y inside the state space, so the intervals grow
     * with the horizon as the differencing implies.
     */
    public Forecast forecast(int horizon, double level) {
        return stateSpace(order, new double[][]{{mu}, phi, theta, seasonalPhi, seasonalTheta})
                .forecast(filtered, mu, integration(order), tail, sigma2, horizon, level);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(order.toString()).append(": ");
        if (order.constant()) {
            s.append(String.format(Locale.ROOT, "mu %.5f, ", mu));
        }
        String[] names = {"ar", "ma", "seasonal ar", "seasonal ma"};
        double[][] values = {phi, theta, seasonalPhi, seasonalTheta};
        for (int i = 0; i < 4; i++) {
            if (values[i].length > 0) {
                s.append(names[i]).append(' ').append(format(values[i])).append(", ");
            }
        }
        s.append(String.format(Locale.ROOT, "sigma2 %.6g, log L %.3f, AIC %.3f, BIC %.3f (%d points)",
                sigma2, logLikelihood, aic(), bic(), observations()));
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
