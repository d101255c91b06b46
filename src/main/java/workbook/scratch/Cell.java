package workbook.scratch;

/**
 * One time step of a recurrent cell for a whole batch. The layer computes the two affine parts
 * ({@code W_ih x_t + b_ih} and {@code W_hh h_{t-1} + b_hh}, the same for every cell); the cell
 * turns them into gates and new states ({@link #forward}) and, going back, turns ∂L/∂h_t (and
 * ∂L/∂c_t) into the gradients of those two affine parts ({@link #backward}).
 */
interface Cell {

    /** How many blocks of {@code hidden} rows W_ih and W_hh have: RNN 1, LSTM 4 (i, f, g, o), GRU 3 (r, z, n). */
    int gateCount();

    /** True for the LSTM, which carries a cell state c next to h. */
    boolean hasCellState();

    /**
     * True when ∂L/∂(W_ih x + b_ih) and ∂L/∂(W_hh h + b_hh) are the same (RNN, LSTM: the two are simply added);
     * false for the GRU, whose reset gate multiplies only the W_hh part of n. When true the two gradients share one array.
     */
    default boolean sameGradientForBothProducts() {
        return true;
    }

    /**
     * True when {@link #backward} reads step t's {@code hProj} (the GRU: its reset gate multiplies W_hn h + b_hn).
     * Otherwise the layer keeps the projections of the current step only, which saves most of the memory traffic.
     */
    default boolean backwardReadsHiddenProjection() {
        return false;
    }

    /** Names of the gate blocks in order, as PyTorch stacks them. */
    String[] gateNames();

    /** Step {@code t}: reads {@code xProj[t]}, {@code hProj[t]}, {@code h[t]} (and {@code c[t]}); writes {@code gates[t]}, {@code h[t+1]} (and {@code c[t+1]}). */
    void forward(Steps s, int t);

    /**
     * Step {@code t} backwards. On entry {@code s.dh} = ∂L/∂h after step t (and {@code s.dc} = ∂L/∂c).
     * Writes {@code dxProj[t]}, {@code dhProj[t]}; leaves in {@code s.dh} the part of ∂L/∂h_{t-1} that does
     * not go through W_hh (the layer adds {@code dhProj[t] · W_hh}) and in {@code s.dc} ∂L/∂c_{t-1}.
     */
    void backward(Steps s, int t);
}
