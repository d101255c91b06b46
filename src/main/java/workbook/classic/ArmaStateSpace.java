package workbook.classic;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The exact Gaussian likelihood of a zero-mean ARMA(p, q) by the Kalman filter, in Harvey's state
 * space form (state size r = max(p, q + 1)):
 * <pre>
 *   z_t = Z α_t,           Z = (1, 0, ..., 0)
 *   α_{t+1} = T α_t + R η,  T = [φ | I; 0], R = (1, θ_1, ..., θ_{r-1}),  η ~ N(0, σ²)
 * </pre>
 * started from the stationary covariance P = T P T' + R R'. Everything is computed with σ² = 1;
 * σ² is then "concentrated out": its estimate is the mean of v_t² / F_t.
 *
 * <p>T is a companion matrix, so the filter computes T P and T P T' from φ and shifted rows in
 * O(r²) per step instead of O(r³): seasonal models have r = 14 (monthly airline model) or more.
 */
final class ArmaStateSpace {

    private static final int MAX_DOUBLINGS = 64;

    final int r;
    final double[][] transition;
    final double[] shock;
    private final double[] phi; // φ padded with zeros to length r: the first column of T

    ArmaStateSpace(double[] phi, double[] theta) {
        r = Math.max(phi.length, theta.length + 1);
        this.phi = new double[r];
        System.arraycopy(phi, 0, this.phi, 0, phi.length);
        transition = new double[r][r];
        for (int i = 0; i < phi.length; i++) {
            transition[i][0] = phi[i];
        }
        for (int i = 0; i + 1 < r; i++) {
            transition[i][i + 1] = 1;
        }
        shock = new double[r];
        shock[0] = 1;
        for (int j = 0; j < theta.length; j++) {
            shock[j + 1] = theta[j];
        }
    }

    /** What one pass of the filter over the data gives. */
    record Filtered(double sumSquares, double sumLogF, int n, double[] innovations,
                    double[] nextState, double[][] nextCovariance) {
        double sigma2() {
            return sumSquares / n;
        }

        /** Log-likelihood with σ² at its maximum, S / n. */
        double concentratedLogLikelihood() {
            return -n / 2.0 * (Math.log(2 * Math.PI) + Math.log(sigma2()) + 1) - 0.5 * sumLogF;
        }
    }

    /** Runs the filter over the zero-mean series z. */
    Filtered filter(double[] z, boolean keepInnovations) {
        double[] a = new double[r];
        double[][] p = stationaryCovariance();
        double[][] nextP = new double[r][r];
        double[][] tp = new double[r][r];
        double[] k = new double[r];
        double sumSquares = 0;
        double sumLogF = 0;
        double[] innovations = keepInnovations ? new double[z.length] : null;
        boolean steady = false;
        for (int t = 0; t < z.length; t++) {
            double v = z[t] - a[0];
            double f = p[0][0];
            if (!(f > 0)) {
                throw new ModelFitException("Kalman filter: prediction variance " + f + " at step " + t);
            }
            sumSquares += v * v / f;
            sumLogF += Math.log(f);
            if (keepInnovations) {
                innovations[t] = v;
            }
            if (!steady) {
                // T P: row i is φ_i P[0] + P[i+1]; K = T P Z' / F (unchanged once P is steady)
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < r; j++) {
                        tp[i][j] = phi[i] * p[0][j] + (i + 1 < r ? p[i + 1][j] : 0);
                    }
                    k[i] = tp[i][0] / f;
                }
            }
            // a = T a + K v
            double a0 = a[0];
            for (int i = 0; i < r; i++) {
                a[i] = phi[i] * a0 + (i + 1 < r ? a[i + 1] : 0) + k[i] * v;
            }
            if (steady) {
                continue; // P (and so F and K) no longer change: skip the covariance update
            }
            // P = T P T' + R R' - K K' F, with (T P T')_ij = (T P)_i0 φ_j + (T P)_i,j+1
            double change = 0;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    double s = tp[i][0] * phi[j] + (j + 1 < r ? tp[i][j + 1] : 0)
                            + shock[i] * shock[j] - k[i] * k[j] * f;
                    nextP[i][j] = s;
                    change = Math.max(change, Math.abs(s - p[i][j]));
                }
            }
            double[][] swapP = p;
            p = nextP;
            nextP = swapP;
            steady = change < 1e-13;
        }
        return new Filtered(sumSquares, sumLogF, z.length, innovations, a, p);
    }

    /**
     * The stationary P = Σ_j T^j R R' T'^j by doubling: P ← P + A P A', A ← A² adds the next 2^k
     * terms at step k, so a root of modulus ρ needs about log2(1 / (1 - ρ)) + 6 steps (O(r³) each,
     * where solving the r²-dimensional linear system costs O(r⁶)). The linear solve remains for
     * the few cases the doubling does not settle.
     */
    double[][] stationaryCovariance() {
        double[][] p = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                p[i][j] = shock[i] * shock[j];
            }
        }
        double[][] a = new double[r][];
        for (int i = 0; i < r; i++) {
            a[i] = transition[i].clone();
        }
        for (int step = 0; step < MAX_DOUBLINGS; step++) {
            double[][] added = multiply(multiply(a, p), transposed(a));
            double largestAdded = 0;
            double largest = 0;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    p[i][j] += added[i][j];
                    largestAdded = Math.max(largestAdded, Math.abs(added[i][j]));
                    largest = Math.max(largest, Math.abs(p[i][j]));
                }
            }
            if (!Double.isFinite(largest)) {
                break;
            }
            // the next step adds about the square of this one's relative size: done
            if (largestAdded <= 1e-16 * largest) {
                return p;
            }
            a = multiply(a, a);
        }
        return stationaryCovarianceBySolve();
    }

    /** Solves P = T P T' + R R' through vec(P) = (I - T ⊗ T)^{-1} vec(R R'). */
    private double[][] stationaryCovarianceBySolve() {
        int m = r * r;
        RealMatrix system = new Array2DRowRealMatrix(m, m);
        double[] rhs = new double[m];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                int row = i * r + j;
                rhs[row] = shock[i] * shock[j];
                for (int k = 0; k < r; k++) {
                    for (int l = 0; l < r; l++) {
                        double value = (row == k * r + l ? 1 : 0) - transition[i][k] * transition[j][l];
                        system.setEntry(row, k * r + l, value);
                    }
                }
            }
        }
        double[] vec = new LUDecomposition(system).getSolver().solve(new ArrayRealVector(rhs)).toArray();
        double[][] p = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                p[i][j] = vec[i * r + j];
            }
        }
        return p;
    }

    /**
     * Forecasts of y where δ(B) y_t = μ + z_t, δ(B) = 1 - Σ δ_k B^k the differencing (empty for
     * none) and z this ARMA, from the filter's last state over z. The state is extended with the
     * last m = len(δ) values of y, y_{n+h} = μ + Σ δ_k y_{n+h-k} + α_0 adds the forecast differences
     * up, and the interval variance follows from propagating the state covariance.
     *
     * @param y the undifferenced series whose differences were filtered (its last m values are used)
     */
    Forecast forecast(Filtered filtered, double mu, double[] delta, double[] y, double sigma2, int horizon, double level) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        int d = delta.length;
        int m = d + r;
        // state: (y_{n+h-1}, ..., y_{n+h-d}, α_{n+h})
        double[] state = new double[m];
        for (int k = 0; k < d; k++) {
            state[k] = y[y.length - 1 - k];
        }
        System.arraycopy(filtered.nextState(), 0, state, d, r);
        double[][] cov = new double[m][m];
        for (int i = 0; i < r; i++) {
            System.arraycopy(filtered.nextCovariance()[i], 0, cov[d + i], d, r);
        }
        double[] g = new double[m]; // y_{n+h} - μ = g · state
        System.arraycopy(delta, 0, g, 0, d);
        g[d] = 1;
        double[][] t = new double[m][m];
        if (d > 0) {
            t[0] = g.clone();
        }
        for (int k = 1; k < d; k++) {
            t[k][k - 1] = 1;
        }
        for (int i = 0; i < r; i++) {
            System.arraycopy(transition[i], 0, t[d + i], d, r);
        }

        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
        double[] mean = new double[horizon];
        double[] lower = new double[horizon];
        double[] upper = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double value = mu;
            for (int i = 0; i < m; i++) {
                value += g[i] * state[i];
            }
            double variance = 0;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    variance += g[i] * cov[i][j] * g[j];
                }
            }
            double halfWidth = z * Math.sqrt(variance * sigma2);
            mean[h] = value;
            lower[h] = value - halfWidth;
            upper[h] = value + halfWidth;
            // state' = T state (+ μ into the new y), cov' = T cov T' + R R' (R on the ARMA part)
            double[] next = new double[m];
            for (int i = 0; i < m; i++) {
                double s = i == 0 && d > 0 ? mu : 0;
                for (int j = 0; j < m; j++) {
                    s += t[i][j] * state[j];
                }
                next[i] = s;
            }
            state = next;
            cov = multiply(multiply(t, cov), transposed(t));
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    cov[d + i][d + j] += shock[i] * shock[j];
                }
            }
        }
        return new Forecast(mean, lower, upper, level);
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        int inner = y.length;
        int columns = y[0].length;
        double[][] out = new double[n][columns];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < inner; l++) {
                double xil = x[i][l];
                if (xil == 0) {
                    continue;
                }
                for (int j = 0; j < columns; j++) {
                    out[i][j] += xil * y[l][j];
                }
            }
        }
        return out;
    }

    private static double[][] transposed(double[][] x) {
        double[][] out = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[j][i] = x[i][j];
            }
        }
        return out;
    }
}
