package workbook.check;

import org.junit.jupiter.api.Test;
import workbook.model.CellKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkers of notebook 14 pass the reference solutions and fail typical wrong answers with a useful line. */
class Chapter14Test extends CapturesStandardOutput {

    // the reference solutions, as in the notebook
    static final Chapter14.ParameterCount PARAMETER_COUNT = (kind, input, hidden, layers, bidirectional) -> {
        long gates = switch (kind) { case LSTM -> 4; case GRU -> 3; default -> 1; };
        int directions = bidirectional ? 2 : 1;
        long total = 0;
        for (int layer = 0; layer < layers; layer++) {
            int layerInput = layer == 0 ? input : directions * hidden;
            total += directions * gates * hidden * (layerInput + hidden + 2L);
        }
        return total;
    };

    static final Chapter14.PaddingLength PADDING_LENGTH = (sentenceLengths, fraction) -> {
        if (sentenceLengths.length == 0 || !(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("need sentences and a fraction in (0, 1], got " + fraction);
        }
        int[] sorted = sentenceLengths.clone();
        Arrays.sort(sorted);
        int needed = (int) Math.ceil(fraction * sorted.length - 1e-9);
        return sorted[Math.max(needed, 1) - 1];
    };


    private String verdict() {
        String text = takeOutput();
        assertFalse(text.contains("\n"), "one verdict line, got: " + text);
        return text;
    }

    @Test
    void referenceCountsMatchTheFormulaOfNotebook06() {
        // G · H · (D + H + 2) for one layer: GRU 3·32·39, LSTM 4·32·39
        assertEquals(3744, Chapter14.countInRealNetwork(new Chapter14.Architecture(CellKind.GRU, 5, 32, 1, false)));
        assertEquals(4992, Chapter14.countInRealNetwork(new Chapter14.Architecture(CellKind.LSTM, 5, 32, 1, false)));
        // bidirectional 2-layer RNN, input 1, hidden 6: layer 0: 2·6·(1+6+2) = 108, layer 1: 2·6·(12+6+2) = 240
        assertEquals(348, Chapter14.countInRealNetwork(new Chapter14.Architecture(CellKind.RNN_TANH, 1, 6, 2, true)));
    }

    @Test
    void parameterCount() {
        assertTrue(Chapter14.check1(PARAMETER_COUNT));
        assertTrue(verdict().startsWith("PASSED exercise 1"));

        // every layer fed with the original input
        assertFalse(Chapter14.check1((kind, input, hidden, layers, bidirectional) -> {
            long gates = switch (kind) { case LSTM -> 4; case GRU -> 3; default -> 1; };
            return (bidirectional ? 2 : 1) * layers * gates * hidden * (input + hidden + 2L);
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on LSTM, 2 layers"));

        // one bias vector per layer (Keras's count, not PyTorch's)
        assertFalse(Chapter14.check1((kind, input, hidden, layers, bidirectional) -> {
            long gates = switch (kind) { case LSTM -> 4; case GRU -> 3; default -> 1; };
            return gates * hidden * (input + hidden + 1L);
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on GRU, 1 layer"));

        // bidirectional ignored
        assertFalse(Chapter14.check1((kind, input, hidden, layers, bidirectional) -> {
            long gates = switch (kind) { case LSTM -> 4; case GRU -> 3; default -> 1; };
            long total = 0;
            for (int layer = 0; layer < layers; layer++) {
                total += gates * hidden * ((layer == 0 ? input : hidden) + hidden + 2L);
            }
            return total;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on GRU, bidirectional"));

        assertFalse(Chapter14.check1((kind, input, hidden, layers, bidirectional) -> {
            throw new UnsupportedOperationException("Exercise 1: your code here");
        }));
        assertTrue(verdict().contains("not answered yet"));
    }

    @Test
    void paddingLength() {
        assertTrue(Chapter14.check2(PADDING_LENGTH));
        assertTrue(verdict().startsWith("PASSED exercise 2"));

        // off by one: index floor(fraction · n), one sentence too far
        assertFalse(Chapter14.check2((sentenceLengths, fraction) -> {
            int[] sorted = sentenceLengths.clone();
            Arrays.sort(sorted);
            return sorted[Math.min((int) (fraction * sorted.length), sorted.length - 1)];
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on 90% of ten lengths"));

        // unsorted: the length at that position of the original order
        assertFalse(Chapter14.check2((sentenceLengths, fraction) ->
                sentenceLengths[Math.max((int) Math.ceil(fraction * sentenceLengths.length - 1e-9), 1) - 1]));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on 90% of ten lengths"));

        // the maximum always covers everything, but is not the shortest
        assertFalse(Chapter14.check2((sentenceLengths, fraction) -> Arrays.stream(sentenceLengths).max().orElseThrow()));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on 90% of ten lengths"));

        assertFalse(Chapter14.check2((sentenceLengths, fraction) -> {
            throw new UnsupportedOperationException("Exercise 2: your code here");
        }));
        assertTrue(verdict().contains("not answered yet"));
    }

    @Test
    void theRegularisedNetworkIsJudgedByItsHeldOutRmse() {
        List<Integer> monthsSeen = new ArrayList<>();
        // the reference: section 4's 2-layer LSTM(32) with early stopping (patience 6)
        assertTrue(Chapter14.check3(temperatures -> {
            monthsSeen.add(temperatures.length);
            return new Chapter14.Network(CellKind.LSTM, 32, 2, 0.0, 6, 40);
        }));
        String passed = verdict();
        assertTrue(passed.startsWith("PASSED exercise 3: Network[cell=LSTM, hidden=32, layers=2, dropout=0.0, patience=6, "
                + "epochs=40] on the 48 held-out test months: RMSE 2.1"), passed);
        assertTrue(passed.endsWith("climatology: 2.07 °F; the goal: 2.24 or less (within 8% of climatology)"), passed);
        assertEquals(List.of(192), monthsSeen, "the student's code sees the 192 months before the test, no test month");

        // the same network without early stopping overfits: section 4's "no regularisation"
        assertFalse(Chapter14.check3(temperatures -> new Chapter14.Network(CellKind.LSTM, 32, 2, 0.0, 0, 40)));
        String overfit = verdict();
        assertTrue(overfit.startsWith("NOT YET exercise 3: Network[cell=LSTM, hidden=32, layers=2, dropout=0.0, patience=0, "
                + "epochs=40] on the 48 held-out test months: RMSE 2.5"), overfit);
        assertTrue(overfit.endsWith("which remedy kept the test error of every seed low?"), overfit);

        // nonsense choices get a line naming what was expected and what came
        assertFalse(Chapter14.check3(temperatures -> new Chapter14.Network(CellKind.GRU, 0, 1, 0.0, 6, 40)));
        assertEquals("NOT YET exercise 3: hidden must lie in 1..64 units, got 0", verdict());
        assertFalse(Chapter14.check3(temperatures -> new Chapter14.Network(CellKind.GRU, 16, 3, 0.0, 6, 40)));
        assertEquals("NOT YET exercise 3: layers must lie in 1..2, got 3", verdict());
        assertFalse(Chapter14.check3(temperatures -> new Chapter14.Network(CellKind.LSTM, 32, 2, 30, 6, 40)));
        assertEquals("NOT YET exercise 3: dropout must lie in [0, 1), got 30.0", verdict());
        assertFalse(Chapter14.check3(temperatures -> new Chapter14.Network(CellKind.LSTM, 32, 2, 0.0, 6, 500)));
        assertEquals("NOT YET exercise 3: epochs must lie in 1..60, got 500", verdict());
        assertFalse(Chapter14.check3(temperatures -> new Chapter14.Network(CellKind.LSTM, 32, 2, 0.0, 50, 40)));
        assertEquals("NOT YET exercise 3: patience must lie in 0..40 (0 = no early stopping), got 50", verdict());
        assertFalse(Chapter14.check3(temperatures -> new Chapter14.Network((CellKind) null, 32, 2, 0.0, 6, 40)));
        assertTrue(verdict().startsWith("NOT YET exercise 3: the network needs a cell"));
        assertFalse(Chapter14.check3(temperatures -> null));
        assertEquals("NOT YET exercise 3: your code returned null; return your choice", verdict());
        assertFalse(Chapter14.check3(temperatures -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(3));
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 3: not answered yet"));
        assertFalse(Chapter14.check3(temperatures -> {
            throw new IllegalStateException("no idea");
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 3"));
    }
}
