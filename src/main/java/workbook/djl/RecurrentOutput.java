package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What a recurrent layer returns, by name instead of by position in an {@link NDList}.
 *
 * @param sequence every step's output of the top layer, (batch, time, hidden · directions);
 *                 steps past a sequence's length are zero
 * @param h        final hidden state of every layer and direction, (layers · directions, batch, hidden),
 *                 ordered like PyTorch: layer 0 forward, layer 0 reverse, layer 1 forward, ...
 * @param c        final LSTM cell state with the same layout, or {@code null} for RNN and GRU
 */
public record RecurrentOutput(NDArray sequence, NDArray h, NDArray c) {

    /** Reads the block's raw output list: [sequence, h] or [sequence, h, c]. */
    public static RecurrentOutput of(NDList list) {
        return new RecurrentOutput(list.get(0), list.get(1), list.size() > 2 ? list.get(2) : null);
    }

    NDList toList() {
        return c == null ? new NDList(sequence, h) : new NDList(sequence, h, c);
    }
}
