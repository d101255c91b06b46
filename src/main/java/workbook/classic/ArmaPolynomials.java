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

    /**
     * The AR coefficients of the product φ(B) Φ(B^s) = (1 - Σ φ_i B^i)(1 - Σ Φ_j B^{js}), written
     * again as 1 - Σ a_k B^k (k = 1 .. p + sP). Stationary when both factors are.
     */
    static double[] seasonalAr(double[] phi, double[] seasonalPhi, int season) {
        return negate(productTail(negate(phi), spread(negate(seasonalPhi), season)));
    }

    /** The MA coefficients of θ(B) Θ(B^s) = (1 + Σ θ_i B^i)(1 + Σ Θ_j B^{js}) = 1 + Σ b_k B^k. */
    static double[] seasonalMa(double[] theta, double[] seasonalTheta, int season) {
        return productTail(theta, spread(seasonalTheta, season));
    }

    /**
     * The differencing operator (1 - B)^d (1 - B^s)^D written as 1 - Σ δ_k B^k: the coefficients δ
     * with y_t = Σ δ_k y_{t-k} + w_t, which integrate the differenced series w back into y.
     */
    static double[] integration(int d, int seasonalD, int season) {
        double[] tail = new double[0];
        for (int i = 0; i < d; i++) {
            tail = productTail(tail, new double[]{-1});
        }
        for (int i = 0; i < seasonalD; i++) {
            tail = productTail(tail, spread(new double[]{-1}, season));
        }
        return negate(tail);
    }

    /** Coefficients c_j at lags j·s (lags in between zero): c(B^s) as a polynomial in B. */
    private static double[] spread(double[] c, int season) {
        double[] out = new double[c.length * season];
        for (int j = 0; j < c.length; j++) {
            out[(j + 1) * season - 1] = c[j];
        }
        return out;
    }

    /** (1 + Σ a_i B^i)(1 + Σ b_j B^j) = 1 + Σ c_k B^k; arrays hold the coefficients from lag 1 on. */
    private static double[] productTail(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        for (int i = 0; i <= a.length; i++) {
            double ai = i == 0 ? 1 : a[i - 1];
            for (int j = 0; j <= b.length; j++) {
                if (i + j > 0) {
                    c[i + j - 1] += ai * (j == 0 ? 1 : b[j - 1]);
                }
            }
        }
        return c;
    }
}
