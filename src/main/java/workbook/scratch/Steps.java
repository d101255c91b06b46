package workbook.scratch;

/**
 * Everything one direction of one layer remembers while it unrolls over a batch: inputs, gate
 * pre-activations and activations, states, and the gradients of the backward pass. Arrays are flat,
 * step-major ({@code [step][batch][...]}) and allocated once per (steps, batch) shape, so the hot
 * loop allocates nothing. Steps are in processing order: a reversed direction's step 0 is the last time step.
 *
 * <p>Index convention: {@code h} holds {@code steps + 1} rows of states; row {@code t} is the state
 * <em>before</em> step {@code t} (row 0 = the initial state), row {@code t + 1} the state after it.
 */
final class Steps {
    final int steps;
    final int batch;
    final int hidden;
    /** gates × hidden: the width of the stacked gate rows (4H for the LSTM, 3H for the GRU, H for the RNN). */
    final int width;
    final int inputSize;

    /** Inputs in processing order, {@code [steps][batch][inputSize]}. */
    final double[] x;
    /** {@code W_ih x_t + b_ih}, {@code [steps][batch][width]}. */
    final double[] xProj;
    /** {@code W_hh h_{t-1} + b_hh}, {@code [steps][batch][width]}. */
    final double[] hProj;
    /** Gate activations (LSTM: i, f, g, o; GRU: r, z, n), {@code [steps][batch][width]}; unused by the plain RNN. */
    final double[] gates;
    /** Hidden states, {@code [steps + 1][batch][hidden]}. */
    final double[] h;
    /** LSTM cell states {@code [steps + 1][batch][hidden]} and {@code tanh(c_t)} {@code [steps][batch][hidden]}; null otherwise. */
    final double[] c;
    final double[] tanhC;

    /** ∂L/∂(W_ih x_t + b_ih) and ∂L/∂(W_hh h_{t-1} + b_hh), {@code [steps][batch][width]}. */
    final double[] dxProj;
    final double[] dhProj;
    /** Running ∂L/∂h and ∂L/∂c, {@code [batch][hidden]}. */
    final double[] dh;
    final double[] dc;

    Steps(int steps, int batch, int inputSize, int hidden, int gateCount, boolean cellState) {
        this.steps = steps;
        this.batch = batch;
        this.hidden = hidden;
        this.width = gateCount * hidden;
        this.inputSize = inputSize;
        x = new double[steps * batch * inputSize];
        xProj = new double[steps * batch * width];
        hProj = new double[steps * batch * width];
        gates = gateCount > 1 ? new double[steps * batch * width] : null;
        h = new double[(steps + 1) * batch * hidden];
        c = cellState ? new double[(steps + 1) * batch * hidden] : null;
        tanhC = cellState ? new double[steps * batch * hidden] : null;
        dxProj = new double[steps * batch * width];
        dhProj = new double[steps * batch * width];
        dh = new double[batch * hidden];
        dc = cellState ? new double[batch * hidden] : null;
    }

    boolean fits(int steps, int batch) {
        return this.steps == steps && this.batch == batch;
    }
}
