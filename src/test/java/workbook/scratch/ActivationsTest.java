package workbook.scratch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationsTest {

    @Test
    void tanhThroughExpAgreesWithMathTanh() {
        int n = 80_001;
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = -40 + k * 0.001;
        }
        double[] x = v.clone();
        Activations.tanh(v, 0, n, new double[n]);
        double worst = 0;
        for (int k = 0; k < n; k++) {
            worst = Math.max(worst, Math.abs(v[k] - Math.tanh(x[k])));
        }
        assertTrue(worst <= 5e-16, "max absolute difference " + worst);
        double[] edges = {1000, -1000, 0, 19.1, -19.1, Double.MAX_VALUE, -Double.MAX_VALUE};
        Activations.tanh(edges, 0, edges.length, new double[edges.length]);
        assertArrayEquals(new double[] {1, -1, 0, 1, -1, 1, -1}, edges, 0.0);
    }

    @Test
    void sigmoidSaturatesWithoutNaN() {
        double[] v = {0, -1000, 1000, 2};
        Activations.sigmoid(v, 0, v.length, new double[4]);
        // σ(−1000) is below the smallest double; e^1000 is clamped to e^709 (not ∞), so what comes is ~1e-308
        assertArrayEquals(new double[] {0.5, 0.0, 1.0, 1 / (1 + Math.exp(-2))}, v, 1e-300);
        assertTrue(v[1] >= 0.0);
    }

    @Test
    void onlyTheGivenRangeChanges() {
        double[] v = {3, 0, 0, 3};
        Activations.sigmoid(v, 1, 3, new double[4]);
        assertArrayEquals(new double[] {3, 0.5, 0.5, 3}, v, 0.0);
        Activations.tanh(v, 0, 1, new double[4]);
        assertEquals(Math.tanh(3), v[0], 1e-15);
        assertEquals(3, v[3], 0.0);
    }

    @Test
    void expIsWithinOneUlpOfMathExp() {
        int n = 1_000_001;
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = -708 + k * (1417.0 / (n - 1));
        }
        double[] x = v.clone();
        Activations.exp(v, 0, n, 1.0, new double[n]);
        double worstUlps = 0;
        for (int k = 0; k < n; k++) {
            double expected = Math.exp(x[k]);
            worstUlps = Math.max(worstUlps, Math.abs(v[k] - expected) / Math.ulp(expected));
        }
        assertTrue(worstUlps <= 1.0, "max difference " + worstUlps + " ulp");
    }

    @Test
    void expKeepsNaNAndStaysFinite() {
        double[] v = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0};
        Activations.exp(v, 0, v.length, 1.0, new double[4]);
        assertTrue(Double.isNaN(v[0]));
        assertEquals(Math.exp(709), v[1], Math.ulp(Math.exp(709)));
        assertEquals(Math.exp(-708), v[2], Math.ulp(Math.exp(-708)));
        assertEquals(1.0, v[3], 0.0);
    }
}
