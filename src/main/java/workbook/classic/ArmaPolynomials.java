package workbook.classic;

/**
 * Keeps the optimiser inside the stationary (AR) and invertible (MA) region: any real vector x
 * maps to partial autocorrelations r_k = x_k / √(1 + x_k²) in (-1, 1), and the Durbin-Levinson
 * recursion turns those into the coefficients of a stationary AR polynomial 1 - Σ φ_k B^k
 * (Monahan 1984, as statsmodels does). An MA polynomial 1 + Σ θ_k B^k is invertible exactly when
 * the AR polynomial with coefficients -θ is stationary.
 */
final class ArmaPolynomials {

    private ArmaPolynomials() {
    }

    /** Stationary AR coefficients from unconstrained values. */
    static double[] stationary(double[] x) {
        double[] phi = new double[0];
        for (int k = 1; k <= x.length; k++) {
            double r = x[k - 1] / Math.sqrt(1 + x[k - 1] * x[k - 1]);
            double[] next = new double[k];
            for (int j = 1; j < k; j++) {
                next[j - 1] = phi[j - 1] - r * phi[k - j - 1]; // φ_j^(k) = φ_j^(k-1) - r_k φ_{k-j}^(k-1)
            }
            next[k - 1] = r;
            phi = next;
        }
        return phi;
    }

    /** The inverse of {@link #stationary}; null when the coefficients are not stationary. */
    static double[] unconstrained(double[] phi) {
        double[] current = phi.clone();
        double[] x = new double[phi.length];
        for (int k = phi.length; k >= 1; k--) {
            double r = current[k - 1];
            if (!(Math.abs(r) < 1)) {
                return null;
            }
            x[k - 1] = r / Math.sqrt(1 - r * r);
            double[] previous = new double[k - 1];
            for (int j = 1; j < k; j++) {
                previous[j - 1] = (current[j - 1] + r * current[k - j - 1]) / (1 - r * r);
            }
            current = previous;
        }
        return x;
    }

    static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    /** Invertible MA coefficients from unconstrained values. */
    static double[] invertible(double[] x) {
        return negate(stationary(x));
    }

    /** The inverse of {@link #invertible}; null when the MA polynomial is not invertible. */
    static double[] unconstrainedMa(double[] theta) {
        return unconstrained(negate(theta));
    }
}
