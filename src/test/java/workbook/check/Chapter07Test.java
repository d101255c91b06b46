package workbook.check;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkers of notebook 07 pass the reference solutions and fail typical mistakes with a hint. */
class Chapter07Test extends CapturesStandardOutput {


    private String verdict() {
        String out = takeOutput();
        return out;
    }

    static Chapter07.StackedParameterCount count(boolean upperLayersSeeBothDirections) {
        return (kind, input, hidden, layers, bidirectional) -> {
            long gates = switch (kind) { case LSTM -> 4; case GRU -> 3; default -> 1; };
            int directions = bidirectional ? 2 : 1;
            long total = 0;
            for (int layer = 0; layer < layers; layer++) {
                long layerInput = layer == 0 ? input : (long) (upperLayersSeeBothDirections ? directions : 1) * hidden;
                total += directions * gates * hidden * (layerInput + hidden + 2);
            }
            return total;
        };
    }

    static Chapter07.Bidirectional bidirectional(boolean backInRealTimeOrder) {
        return (forwardNet, backwardNet, sequence) -> {
            int steps = sequence.length;
            double[][] reversed = new double[steps][];
            for (int t = 0; t < steps; t++) {
                reversed[t] = sequence[steps - 1 - t];
            }
            double[][] forwardStates = forwardNet.forward(new double[][][] {sequence}).outputs()[0];
            double[][] backwardStates = backwardNet.forward(new double[][][] {reversed}).outputs()[0];
            double[][] out = new double[steps][];
            for (int t = 0; t < steps; t++) {
                double[] both = Arrays.copyOf(forwardStates[t], 2 * forwardStates[t].length);
                double[] back = backwardStates[backInRealTimeOrder ? steps - 1 - t : t];
                System.arraycopy(back, 0, both, forwardStates[t].length, back.length);
                out[t] = both;
            }
            return out;
        };
    }

    @Test
    void stackedParameterCount() {
        Chapter07.exercise1(count(true));
        assertTrue(verdict().startsWith("PASSED exercise 1:"));

        // the second layer of a bidirectional stack reads 2·hidden features, not hidden
        Chapter07.exercise1(count(false));
        String oneDirectionInput = verdict();
        assertTrue(oneDirectionInput.startsWith("NOT YET exercise 1: on LSTM, 3 layers, bidirectional, input 2, hidden 16"),
                oneDirectionInput);

        Chapter07.exercise1((kind, input, hidden, layers, bi) -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(1));
        });
        assertTrue(verdict().startsWith("NOT YET exercise 1: not answered yet"));
    }

    @Test
    void bidirectionalByHand() {
        Chapter07.exercise2(bidirectional(true));
        assertTrue(verdict().startsWith("PASSED exercise 2:"));

        // the backward states left in the order they were computed (reversed time)
        Chapter07.exercise2(bidirectional(false));
        String reversedOrder = verdict();
        assertTrue(reversedOrder.startsWith("NOT YET exercise 2: on an RNN, input 2, hidden 3, 5 steps (input RNN_TANH("),
                reversedOrder);

        // the backward network run on the sequence in forward order
        Chapter07.exercise2((forwardNet, backwardNet, sequence) -> {
            double[][] f = forwardNet.forward(new double[][][] {sequence}).outputs()[0];
            double[][] b = backwardNet.forward(new double[][][] {sequence}).outputs()[0];
            double[][] out = new double[sequence.length][];
            for (int t = 0; t < sequence.length; t++) {
                out[t] = Arrays.copyOf(f[t], f[t].length + b[t].length);
                System.arraycopy(b[t], 0, out[t], f[t].length, b[t].length);
            }
            return out;
        });
        assertTrue(verdict().startsWith("NOT YET exercise 2:"));

        Chapter07.exercise2((forwardNet, backwardNet, sequence) -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(2));
        });
        assertTrue(verdict().startsWith("NOT YET exercise 2: not answered yet"));
    }
}
