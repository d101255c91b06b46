package workbook.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static workbook.check.Chapter03Test.run;

class Chapter04Test {

    static double crossEntropy(double[] z, int target, boolean stable) {
        double max = stable ? java.util.Arrays.stream(z).max().getAsDouble() : 0;
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return -(z[target] - max - Math.log(sum));
    }

    @Test
    void exercise1NeedsAStableSoftmax() {
        assertTrue(run(() -> Chapter04.check1((z, k) -> crossEntropy(z, k, true))).passed());
        Chapter03Test.Verdict naive = run(() -> Chapter04.check1((z, k) -> crossEntropy(z, k, false)));
        assertFalse(naive.passed());
        assertTrue(naive.printed().contains("large logits") && naive.printed().contains("subtract the largest logit"), naive.printed());
        Chapter03Test.Verdict positive = run(() -> Chapter04.check1((z, k) -> -crossEntropy(z, k, true)));
        assertTrue(positive.printed().startsWith("NOT YET exercise 1: on three classes, the right one most likely (input logits [2.0, 0.5, -1.0], true class 0): expected 0.24131129665715711, got -0.24131129665715703"), positive.printed());
    }

    static double[] stepBackward(Chapter03.RnnWeights w, double[] x, double[] hPrevious, double[] dh, boolean withSlope) {
        double[] h = Chapter03Test.step(w, x, hPrevious, true);
        double[] dhPrevious = new double[hPrevious.length];
        for (int j = 0; j < h.length; j++) {
            double delta = dh[j] * (withSlope ? 1 - h[j] * h[j] : 1);
            for (int k = 0; k < dhPrevious.length; k++) {
                dhPrevious[k] += w.wHh()[j][k] * delta;
            }
        }
        return dhPrevious;
    }

    @Test
    void exercise2NeedsTheSlopeOfTanhAndTheTranspose() {
        assertTrue(run(() -> Chapter04.check2((w, x, h, dh) -> stepBackward(w, x, h, dh, true))).passed());
        Chapter03Test.Verdict noSlope = run(() -> Chapter04.check2((w, x, h, dh) -> stepBackward(w, x, h, dh, false)));
        assertFalse(noSlope.passed());
        assertTrue(noSlope.printed().startsWith("NOT YET exercise 2: on input 1, hidden 2 (input x = [0.8], h_{t-1} = [0.1, -0.4], ∂L/∂h_t = [1.0, 0.0]): expected ["), noSlope.printed());
        Chapter03Test.Verdict notTransposed = run(() -> Chapter04.check2((w, x, hPrevious, dh) -> {
            double[] h = Chapter03Test.step(w, x, hPrevious, true);
            double[] out = new double[h.length];
            for (int j = 0; j < h.length; j++) {
                for (int k = 0; k < h.length; k++) {
                    out[j] += w.wHh()[j][k] * dh[k] * (1 - h[k] * h[k]);
                }
            }
            return out;
        }));
        assertFalse(notTransposed.passed(), notTransposed.printed());
    }

    static double[][] clip(double[][] g, double max, boolean global) {
        double sum = 0;
        for (double[] row : g) {
            for (double v : row) {
                sum += v * v;
            }
        }
        double[][] out = new double[g.length][];
        for (int i = 0; i < g.length; i++) {
            double norm = global ? Math.sqrt(sum) : Math.sqrt(java.util.Arrays.stream(g[i]).map(v -> v * v).sum());
            double scale = norm > max ? max / norm : 1.0;
            out[i] = java.util.Arrays.stream(g[i]).map(v -> v * scale).toArray();
        }
        return out;
    }

    @Test
    void exercise3WantsOneNormOverAllTensors() {
        assertTrue(run(() -> Chapter04.check3((g, max) -> clip(g, max, true))).passed());
        Chapter03Test.Verdict perTensor = run(() -> Chapter04.check3((g, max) -> clip(g, max, false)));
        assertFalse(perTensor.passed());
        assertTrue(perTensor.printed().contains("on two tensors, global norm 13, max 6.5 (input gradients [[3.0, 4.0], [12.0]], max norm 6.5): expected [[1.49999988"), perTensor.printed());
        Chapter03Test.Verdict placeholder = run(() -> Chapter04.check3((g, max) -> {
            throw new UnsupportedOperationException("Exercise 3: your code here");
        }));
        assertTrue(placeholder.printed().startsWith("NOT YET exercise 3: not answered yet"), placeholder.printed());
    }
}
