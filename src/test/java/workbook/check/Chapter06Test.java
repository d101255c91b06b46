package workbook.check;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkers of notebook 06 pass the reference solutions and fail typical mistakes with a hint. */
class Chapter06Test extends CapturesStandardOutput {


    private String verdict() {
        String out = takeOutput();
        return out;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** The notebook's solution, or a variant: the update side of Chung et al. (and the material), or the reset gate before the matrix. */
    static Chapter06.GruStep step(boolean chungUpdate, boolean resetBeforeMatrix) {
        return (x, h, w) -> {
            int size = w.hidden();
            double[] in = new double[3 * size];
            double[] hh = new double[3 * size];
            double[] r = new double[size];
            for (int row = 0; row < 2 * size; row++) {
                in[row] = w.bIh()[row];
                hh[row] = w.bHh()[row];
                for (int k = 0; k < x.length; k++) {
                    in[row] += w.wIh()[row][k] * x[k];
                }
                for (int k = 0; k < size; k++) {
                    hh[row] += w.wHh()[row][k] * h[k];
                }
            }
            for (int j = 0; j < size; j++) {
                r[j] = sigmoid(in[j] + hh[j]);
            }
            for (int row = 2 * size; row < 3 * size; row++) {
                in[row] = w.bIh()[row];
                hh[row] = w.bHh()[row];
                for (int k = 0; k < x.length; k++) {
                    in[row] += w.wIh()[row][k] * x[k];
                }
                for (int k = 0; k < size; k++) {
                    hh[row] += w.wHh()[row][k] * (resetBeforeMatrix ? r[k] : 1) * h[k];
                }
            }
            double[] next = new double[size];
            for (int j = 0; j < size; j++) {
                double z = sigmoid(in[size + j] + hh[size + j]);
                double n = Math.tanh(in[2 * size + j] + (resetBeforeMatrix ? 1 : r[j]) * hh[2 * size + j]);
                next[j] = chungUpdate ? (1 - z) * h[j] + z * n : (1 - z) * n + z * h[j];
            }
            return next;
        };
    }

    @Test
    void gruStep() {
        Chapter06.exercise1(step(false, false));
        assertTrue(verdict().startsWith("PASSED exercise 1: one GRU step"));

        Chapter06.exercise1(step(true, false));
        String chung = verdict();
        assertTrue(chung.startsWith("NOT YET exercise 1: on the first step"), chung);

        // Cho et al.'s reset placement (b_hn then sits outside the reset gate)
        Chapter06.exercise1(step(false, true));
        String resetBefore = verdict();
        assertTrue(resetBefore.startsWith("NOT YET exercise 1: on the first step (h zero), input 3, hidden 4 (input x = ["),
                resetBefore);
        assertTrue(resetBefore.contains("weights of a GRU(input 3, hidden 4)): expected [-0.24192"), resetBefore);

        Chapter06.exercise1((x, h, w) -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(1));
        });
        assertTrue(verdict().startsWith("NOT YET exercise 1: not answered yet"));
    }

    @Test
    void parameterCount() {
        Chapter06.exercise2((kind, input, hidden) -> {
            long gates = switch (kind) { case LSTM -> 4; case GRU -> 3; default -> 1; };
            return gates * hidden * (input + hidden + 2L);
        });
        assertTrue(verdict().startsWith("PASSED exercise 2:"));

        // one bias vector instead of PyTorch's two
        Chapter06.exercise2((kind, input, hidden) -> {
            long gates = switch (kind) { case LSTM -> 4; case GRU -> 3; default -> 1; };
            return gates * hidden * (input + hidden + 1L);
        });
        String oneBias = verdict();
        assertTrue(oneBias.startsWith("NOT YET exercise 2: on GRU, input 1, hidden 32"), oneBias);
        assertTrue(oneBias.contains("expected 3360, got 3264"), oneBias);

        Chapter06.exercise2((kind, input, hidden) -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(2));
        });
        assertTrue(verdict().startsWith("NOT YET exercise 2: not answered yet"));
    }
}
