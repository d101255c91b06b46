package workbook.scratch;

/**
 * What a {@link Recurrent} forward returns: every step's output {@code [batch][time][directions * hidden]},
 * the final hidden states {@code [layers * directions][batch][hidden]} (PyTorch's {@code h_n}), the final cell
 * states for an LSTM ({@code c_n}, otherwise null), and, when tracing is on, the {@link Trace} of gates and states.
 */
public final class SequenceOutput {
    private final double[][][] outputs;
    private final double[][][] finalHidden;
    private final double[][][] finalCell;
    private final Trace trace;

    SequenceOutput(double[][][] outputs, double[][][] finalHidden, double[][][] finalCell, Trace trace) {
        this.outputs = outputs;
        this.finalHidden = finalHidden;
        this.finalCell = finalCell;
        this.trace = trace;
    }

    /** h_t of the top layer for every step, {@code [batch][time][directions * hidden]}. */
    public double[][][] outputs() {
        return outputs;
    }

    /** {@code [layers * directions][batch][hidden]}: index {@code layer * directions + direction}. */
    public double[][][] finalHidden() {
        return finalHidden;
    }

    /** The LSTM's final cell states (same shape as {@link #finalHidden()}); null for RNN and GRU. */
    public double[][][] finalCell() {
        return finalCell;
    }

    /** Every layer's hidden states, gates and cell states; needs {@code recurrent.tracing(true)} before forward. */
    public Trace trace() {
        if (trace == null) {
            throw new IllegalStateException("no trace recorded: call tracing(true) on the Recurrent before forward");
        }
        return trace;
    }
}
