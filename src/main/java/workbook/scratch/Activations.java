package workbook.scratch;

/**
 * The two squashing functions of the cells, applied in place to a range of a row (a block of gates), through an
 * exponential the JIT can vectorise. {@link Math#exp} is a call per element that Java 17's JIT never vectorises;
 * in an LSTM's forward pass (five exponentials per unit and step) it took about a quarter of the training time.
 * Each function needs a scratch row at least {@code to} long (its contents are overwritten).
 */
final class Activations {

    private static final double LOG2_E = 1.4426950408889634;
    /** ln 2 in two parts (fdlibm's): n · LN2_HI is exact for |n| &lt; 2^11, LN2_LO carries the rest. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    private Activations() {
    }

    /** σ(x) = 1 / (1 + e^−x) of {@code v[from .. to)}, in place. */
    static void sigmoid(double[] v, int from, int to, double[] scratch) {
        exp(v, from, to, -1.0, scratch);
        for (int k = from; k < to; k++) {
            v[k] = 1.0 / (1.0 + v[k]);
        }
    }

    /**
     * tanh(x) = (e^2x − 1) / (e^2x + 1) of {@code v[from .. to)}, in place. Absolute error a few 1e-16 (checked
     * against {@link Math#tanh} in the tests, which on Java 17 is a native call several times slower).
     */
    static void tanh(double[] v, int from, int to, double[] scratch) {
        exp(v, from, to, 2.0, scratch);
        for (int k = from; k < to; k++) {
            v[k] = (v[k] - 1.0) / (v[k] + 1.0);
        }
    }

    /**
     * {@code v[k] = e^(scale · v[k])} over {@code [from, to)}, within 1 ulp of {@link Math#exp} (checked in the
     * tests). The argument is clamped to [−708, 709], where e^x is a normal double, so e^x never overflows to ∞
     * (tanh's ∞/∞ would be NaN); a NaN stays NaN, so divergence is still caught.
     * <p>exp(x) = 2^n · e^r with n = rint(x / ln 2) and |r| ≤ ln 2 / 2, e^r by its Taylor series to r^13 (the first
     * term left out is below 1e-17 of the result). The first pass is arithmetic only, which the JIT turns into vector
     * instructions; the second builds 2^n from its bits, which it does not, so it is kept as short as possible.
     */
    static void exp(double[] v, int from, int to, double scale, double[] scratch) {
        for (int k = from; k < to; k++) {
            double x = Math.max(-708.0, Math.min(709.0, scale * v[k]));
            double n = Math.rint(x * LOG2_E);
            double r = (x - n * LN2_HI) - n * LN2_LO;
            v[k] = 1.0 + r * (1.0 + r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720
                    + r * (1.0 / 5040 + r * (1.0 / 40320 + r * (1.0 / 362880 + r * (1.0 / 3628800 + r * (1.0 / 39916800
                    + r * (1.0 / 479001600 + r * (1.0 / 6227020800.0)))))))))))));
            scratch[k] = n;
        }
        for (int k = from; k < to; k++) {
            // 2^n: the exponent field of a double holds n + 1023
            v[k] *= Double.longBitsToDouble(((long) scratch[k] + 1023) << 52);
        }
    }
}
