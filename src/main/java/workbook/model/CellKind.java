package workbook.model;

/** The recurrent cells both model families build; the gate layout follows PyTorch (and DJL). */
public enum CellKind {
    /** Elman RNN, h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh). */
    RNN_TANH(1),
    /** Elman RNN with ReLU instead of tanh. */
    RNN_RELU(1),
    /** LSTM, gates stacked as (i, f, g, o). */
    LSTM(4),
    /** GRU in PyTorch's form: h_t = (1 - z) n + z h_{t-1}, gates stacked as (r, z, n). */
    GRU(3);

    private final int gates;

    CellKind(int gates) {
        this.gates = gates;
    }

    /** How many gate blocks are stacked in each weight matrix (rows = gates · hidden). */
    public int gates() {
        return gates;
    }

    /** Whether the cell carries a cell state c beside h (the LSTM). */
    public boolean hasCellState() {
        return this == LSTM;
    }

    /** Lower-case name used in benchmark and weight-map names: rnn, lstm, gru. */
    public String shortName() {
        return this == LSTM ? "lstm" : this == GRU ? "gru" : "rnn";
    }
}
