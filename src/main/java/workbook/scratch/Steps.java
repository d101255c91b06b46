package workbook.scratch;

/**
 * Everything one direction of one layer remembers while it unrolls over a batch: inputs, gate
 * pre-activations and activations, states, and the gradients of the backward pass. Each is an array of
 * rows, one row per (step, sequence): row {@code t * batch + b}. They are allocated once per
 * (steps, batch) shape, so the hot loop allocates nothing. Steps are in processing order: a reversed
 * direction's step 0 is the last time step.
 *
 * <p>States have {@code steps + 1} blocks of rows: block {@code t} is the state <em>before</em> step
 * {@code t} (block 0 = the initial state), block {@code t + 1} the state after it.
 */
final class Steps {
    final int steps;
    final int batch;
    final int hidden;
    /** gates × hidden: the width of the stacked gate rows (4H for the LSTM, 3H for the GRU, H for the RNN). */
    final int width;

    /** Inputs in processing order, {@code [steps * batch][inputSize]} (references to the caller's rows). */
    final double[][] x;
    /**
     * {@code W_ih x_t + b_ih} and {@code W_hh h_{t-1} + b_hh}, {@code [steps * batch][width]}. Only a step's own
     * cell reads them, so every step's rows are the same {@code batch} arrays (they stay in the CPU cache), except
     * hProj for a cell whose backward reads it (the GRU).
     */
    final double[][] xProj;
    final double[][] hProj;
    /** Gate activations (LSTM: i, f, g, o; GRU: r, z, n), {@code [steps * batch][width]}; null for the plain RNN. */
    final double[][] gates;
    /** Hidden states, {@code [(steps + 1) * batch][hidden]}. */
    final double[][] h;
    /** LSTM cell states {@code [(steps + 1) * batch][hidden]} and {@code tanh(c_t)} {@code [steps * batch][hidden]}; null otherwise. */
    final double[][] c;
    final double[][] tanhC;

    /**
     * ∂L/∂(W_ih x_t + b_ih) and ∂L/∂(W_hh h_{t-1} + b_hh), {@code [steps * batch][width]}; one array when they are equal.
     * The layer uses them up within their step, so, like xProj, every step's rows are the same {@code batch} arrays.
     * Allocated by the first backward ({@link #allocateGradients()}), so forward-only use needs half the memory.
     */
    double[][] dxProj;
    double[][] dhProj;
    private final boolean sameGradients;
    /** Scratch for {@link Activations}, one row of {@code width}: the cells' activations overwrite it freely. */
    final double[] exponents;
    /** Running ∂L/∂h and ∂L/∂c, {@code [batch][hidden]}. */
    final double[][] dh;
    final double[][] dc;

    Steps(int steps, int batch, int hidden, int gateCount, boolean cellState, boolean sameGradients, boolean keepHiddenProjections) {
        this.steps = steps;
        this.batch = batch;
        this.hidden = hidden;
        this.width = gateCount * hidden;
        int rows = steps * batch;
        x = new double[rows][];
        xProj = rowsOfOneStep(steps, batch, width);
        hProj = keepHiddenProjections ? new double[rows][width] : rowsOfOneStep(steps, batch, width);
        gates = gateCount > 1 ? new double[rows][width] : null;
        h = new double[rows + batch][hidden];
        c = cellState ? new double[rows + batch][hidden] : null;
        tanhC = cellState ? new double[rows][hidden] : null;
        this.sameGradients = sameGradients;
        exponents = new double[width];
        dh = new double[batch][hidden];
        dc = cellState ? new double[batch][hidden] : null;
    }

    void allocateGradients() {
        if (dxProj == null) {
            dxProj = rowsOfOneStep(steps, batch, width);
            dhProj = sameGradients ? dxProj : rowsOfOneStep(steps, batch, width);
        }
    }

    /** {@code [steps * batch]} rows of which only {@code batch} are distinct: row {@code t * batch + b} is the same array for every t. */
    private static double[][] rowsOfOneStep(int steps, int batch, int width) {
        double[][] distinct = new double[batch][width];
        double[][] rows = new double[steps * batch][];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(distinct, 0, rows, t * batch, batch);
        }
        return rows;
    }

    boolean fits(int steps, int batch) {
        return this.steps == steps && this.batch == batch;
    }
}
