package workbook.classic;

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
 */
final class ArmaStateSpace {

    final int r;
    final double[][] transition;
    final double[] shock;

    ArmaStateSpace(double[] phi, double[] theta) {
        r = Math.max(phi.length, theta.length + 1);
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
        double[] nextA = new double[r];
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
            // K = T P Z' / F (unchanged once P is steady)
            if (!steady) {
                for (int i = 0; i < r; i++) {
                    double s = 0;
                    for (int j = 0; j < r; j++) {
                        s += transition[i][j] * p[j][0];
                    }
                    k[i] = s / f;
                }
            }
            // a = T a + K v
            for (int i = 0; i < r; i++) {
                double s = 0;
                for (int j = 0; j < r; j++) {
                    s += transition[i][j] * a[j];
                }
                nextA[i] = s + k[i] * v;
            }
            double[] swapA = a;
            a = nextA;
            nextA = swapA;
            if (steady) {
                continue; // P (and so F and K) no longer change: skip the covariance update
            }
            // P = T P T' + R R' - K K' F
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    double s = 0;
                    for (int l = 0; l < r; l++) {
                        s += transition[i][l] * p[l][j];
                    }
                    tp[i][j] = s;
                }
            }
            double change = 0;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    double s = shock[i] * shock[j] - k[i] * k[j] * f;
                    for (int l = 0; l < r; l++) {
                        s += tp[i][l] * transition[j][l];
                    }
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

    /** Solves P = T P T' + R R' through vec(P) = (I - T ⊗ T)^{-1} vec(R R'). */
    double[][] stationaryCovariance() {
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
}
