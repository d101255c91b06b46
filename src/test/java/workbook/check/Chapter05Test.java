package workbook.check;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkers of notebook 05 pass the reference solutions and fail typical mistakes with a hint. */
class Chapter05Test extends CapturesStandardOutput {


    private String verdict() {
        String out = takeOutput();
        return out;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** The notebook's solution; {@code gateOrder} maps i, f, g, o to the block each is read from (mistakes permute it). */
    static Chapter05.LstmStep step(int[] gateOrder, boolean useOutputGate) {
        return (x, previous, w) -> {
            int hidden = w.hidden();
            double[] pre = new double[4 * hidden];
            for (int r = 0; r < 4 * hidden; r++) {
                pre[r] = w.bIh()[r] + w.bHh()[r];
                for (int k = 0; k < x.length; k++) {
                    pre[r] += w.wIh()[r][k] * x[k];
                }
                for (int k = 0; k < hidden; k++) {
                    pre[r] += w.wHh()[r][k] * previous.h()[k];
                }
            }
            double[] h = new double[hidden];
            double[] c = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double i = sigmoid(pre[gateOrder[0] * hidden + j]);
                double f = sigmoid(pre[gateOrder[1] * hidden + j]);
                double g = Math.tanh(pre[gateOrder[2] * hidden + j]);
                double o = sigmoid(pre[gateOrder[3] * hidden + j]);
                c[j] = f * previous.c()[j] + i * g;
                h[j] = (useOutputGate ? o : 1) * Math.tanh(c[j]);
            }
            return new Chapter05.State(h, c);
        };
    }

    @Test
    void lstmStep() {
        Chapter05.exercise1(step(new int[] {0, 1, 2, 3}, true));
        assertTrue(verdict().startsWith("PASSED exercise 1: one LSTM step"));

        // Keras' gate order (i, f, c, o) is the same here; TensorFlow's older (i, g, f, o) is not
        Chapter05.exercise1(step(new int[] {0, 2, 1, 3}, true));
        String wrongOrder = verdict();
        assertTrue(wrongOrder.startsWith("NOT YET exercise 1: on the first step"), wrongOrder);
        assertTrue(wrongOrder.contains("expected State[h="), wrongOrder);

        Chapter05.exercise1(step(new int[] {0, 1, 2, 3}, false));
        assertTrue(verdict().startsWith("NOT YET exercise 1:"));

        Chapter05.exercise1((x, previous, w) -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(1));
        });
        assertTrue(verdict().startsWith("NOT YET exercise 1: not answered yet"));
    }

    @Test
    void forgetBias() {
        Chapter05.exercise2(hidden -> {
            double[] b = new double[4 * hidden];
            Arrays.fill(b, hidden, 2 * hidden, 1.0);
            return b;
        });
        assertTrue(verdict().startsWith("PASSED exercise 2:"));

        // the first block is the input gate, not the forget gate
        Chapter05.exercise2(hidden -> {
            double[] b = new double[4 * hidden];
            Arrays.fill(b, 0, hidden, 1.0);
            return b;
        });
        String firstBlock = verdict();
        assertTrue(firstBlock.startsWith("NOT YET exercise 2: on hidden 1 (input 1): expected [0.0, 1.0, 0.0, 0.0]"),
                firstBlock);

        // only `hidden` values instead of one per gate row
        Chapter05.exercise2(hidden -> new double[hidden]);
        assertTrue(verdict().startsWith("NOT YET exercise 2:"));

        Chapter05.exercise2(hidden -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(2));
        });
        assertTrue(verdict().startsWith("NOT YET exercise 2: not answered yet"));
    }
}
