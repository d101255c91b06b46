package workbook.scratch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One direction of one recurrent layer: its parameters (W_ih, W_hh, b_ih, b_hh under PyTorch's names)
 * and the unrolling of its {@link Cell} over time, forwards and backwards (BPTT).
 * Inputs and outputs are arrays of rows in time order, row {@code t * batch + b}; the reversed direction
 * walks them from the last time step to the first.
 */
final class Layer {
    final Cell cell;
    final int inputSize;
    final int hidden;
    final int width;
    final boolean reverse;
    final Parameter weightIh;
    final Parameter weightHh;
    final Parameter biasIh;
    final Parameter biasHh;
    final boolean hasBiases;

    /** Row copies of the weights, refreshed by every forward: W_ih, W_hh as {@code [width][in]} and transposed {@code [in][width]}. */
    private final double[][] weightIhRows;
    private final double[][] weightHhRows;
    private final double[][] weightIhT;
    private final double[][] weightHhT;
    /** ∂L/∂W_ihᵀ, ∂L/∂W_hhᵀ, ∂L/∂b_ih, ∂L/∂b_hh of one backward, added into the parameters' gradients at its end. */
    private final double[][] gradIhT;
    private final double[][] gradHhT;
    private final double[] biasIhGradient;
    private final double[] biasHhGradient;
    private Steps steps;
    /** Caches for the shapes seen so far (e.g. training chunks of 25 steps and sampling 1 step), so switching does not reallocate. */
    private final Map<Long, Steps> stepsByShape = new HashMap<>();
    /** ‖∂L/∂h_t‖ per time step (over the batch), filled by backward when asked for. */
    private double[] gradientNorms;

    Layer(Cell cell, int inputSize, int hidden, int layerIndex, boolean reverse, boolean hasBiases) {
        this.cell = cell;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.width = cell.gateCount() * hidden;
        this.reverse = reverse;
        this.hasBiases = hasBiases;
        String suffix = "_l" + layerIndex + (reverse ? "_reverse" : "");
        weightIh = new Parameter("weight_ih" + suffix, width, inputSize);
        weightHh = new Parameter("weight_hh" + suffix, width, hidden);
        biasIh = new Parameter("bias_ih" + suffix, width, 0);
        biasHh = new Parameter("bias_hh" + suffix, width, 0);
        weightIhRows = new double[width][inputSize];
        weightHhRows = new double[width][hidden];
        weightIhT = new double[inputSize][width];
        weightHhT = new double[hidden][width];
        gradIhT = new double[inputSize][width];
        gradHhT = new double[hidden][width];
        biasIhGradient = new double[width];
        biasHhGradient = new double[width];
    }

    /** PyTorch's order: weight_ih, weight_hh, bias_ih, bias_hh. */
    List<Parameter> parameters() {
        return hasBiases ? List.of(weightIh, weightHh, biasIh, biasHh) : List.of(weightIh, weightHh);
    }

    /** PyTorch's default: every parameter ~ U(−1/√H, 1/√H). */
    void initialise(SplittableRandom random) {
        double bound = 1.0 / Math.sqrt(hidden);
        for (Parameter p : parameters()) {
            double[] v = p.value();
            for (int k = 0; k < v.length; k++) {
                v[k] = random.nextDouble(-bound, bound);
            }
        }
    }

    Steps steps() {
        return steps;
    }

    double[] gradientNorms() {
        return gradientNorms;
    }

    /**
     * Unrolls over {@code time} steps. {@code x} is {@code [time * batch][inputSize]}; {@code h0}, {@code c0} are
     * state rows ({@code [.. * batch][hidden]}, this direction's from row {@code stateRow}), or null for zeros.
     * Writes h_t into {@code out[time * batch][..]} from column {@code outColumn}.
     */
    void forward(double[][] x, int time, int batch, double[][] h0, double[][] c0, int stateRow, double[][] out, int outColumn) {
        if (steps == null || !steps.fits(time, batch)) {
            if (stepsByShape.size() > 8) {
                stepsByShape.clear();
            }
            steps = stepsByShape.computeIfAbsent(((long) time << 32) | batch,
                    k -> new Steps(time, batch, hidden, cell.gateCount(), cell.hasCellState(),
                            cell.sameGradientForBothProducts(), cell.backwardReadsHiddenProjection()));
        }
        Steps s = steps;
        for (int t = 0; t < time; t++) {
            System.arraycopy(x, timeOf(t, time) * batch, s.x, t * batch, batch);
        }
        Matrices.toRows(weightIh.value(), weightIhRows);
        Matrices.toRows(weightHh.value(), weightHhRows);
        Matrices.toTransposedRows(weightIh.value(), width, inputSize, weightIhT);
        Matrices.toTransposedRows(weightHh.value(), width, hidden, weightHhT);
        copyOrZero(h0, stateRow, s.h, batch);
        if (s.c != null) {
            copyOrZero(c0, stateRow, s.c, batch);
        }
        for (int t = 0; t < time; t++) {
            // W_ih x_t + b_ih
            Matrices.fillRows(biasIh.value(), s.xProj, t * batch, batch);
            Matrices.addProduct(s.x, t * batch, batch, weightIhT, s.xProj, t * batch);
            // W_hh h_{t-1} + b_hh
            Matrices.fillRows(biasHh.value(), s.hProj, t * batch, batch);
            Matrices.addProduct(s.h, t * batch, batch, weightHhT, s.hProj, t * batch);
            cell.forward(s, t);
        }
        for (int t = 0; t < time; t++) {
            int tau = timeOf(t, time);
            for (int b = 0; b < batch; b++) {
                System.arraycopy(s.h[(t + 1) * batch + b], 0, out[tau * batch + b], outColumn, hidden);
            }
        }
    }

    /**
     * Backpropagation through time over the last forward. {@code dOut} is ∂L/∂outputs laid out like {@code out} in
     * forward (or null); {@code dhFinal}, {@code dcFinal} ∂L/∂(final states) from row {@code stateRow} (or null).
     * Adds parameter gradients; adds ∂L/∂x into {@code dx} ({@code [time * batch][inputSize]}, skipped when null);
     * leaves ∂L/∂h_0, ∂L/∂c_0 in {@code steps().dh}, {@code steps().dc}.
     */
    void backward(double[][] dOut, int outColumn, double[][] dhFinal, double[][] dcFinal, int stateRow, double[][] dx, boolean recordNorms) {
        Steps s = steps;
        s.allocateGradients();
        int time = s.steps;
        int batch = s.batch;
        copyOrZero(dhFinal, stateRow, s.dh, batch);
        if (s.dc != null) {
            copyOrZero(dcFinal, stateRow, s.dc, batch);
        }
        if (recordNorms) {
            gradientNorms = new double[time];
        }
        for (int t = time - 1; t >= 0; t--) {
            int tau = timeOf(t, time);
            if (dOut != null) {
                for (int b = 0; b < batch; b++) {
                    double[] from = dOut[tau * batch + b];
                    double[] dh = s.dh[b];
                    for (int j = 0; j < hidden; j++) {
                        dh[j] += from[outColumn + j];
                    }
                }
            }
            if (recordNorms) {
                double sum = 0;
                for (double[] dh : s.dh) {
                    for (double v : dh) {
                        sum += v * v;
                    }
                }
                gradientNorms[tau] = Math.sqrt(sum);
            }
            cell.backward(s, t);
            // ∂L/∂h_{t-1} += (∂L/∂(W_hh h_{t-1})) · W_hh
            Matrices.addProduct(s.dhProj, t * batch, batch, weightHhRows, s.dh, 0);
            // this step's share of the parameter gradients: ∂W_hhᵀ += h_{t-1}ᵀ dhProj_t, ∂W_ihᵀ += x_tᵀ dxProj_t,
            // taken now because the next step reuses the rows of dxProj and dhProj
            Matrices.addTransposedProduct(s.h, t * batch, s.dhProj, t * batch, batch, gradHhT);
            Matrices.addTransposedProduct(s.x, t * batch, s.dxProj, t * batch, batch, gradIhT);
            if (hasBiases) {
                // ∂b_ih = Σ_t dxProj_t, ∂b_hh = Σ_t dhProj_t
                Matrices.addColumnSums(s.dxProj, t * batch, batch, biasIhGradient);
                if (s.dhProj != s.dxProj) {
                    Matrices.addColumnSums(s.dhProj, t * batch, batch, biasHhGradient);
                }
            }
            if (dx != null) {
                // ∂L/∂x_t = (∂L/∂(W_ih x_t)) · W_ih, written back at its real time index
                Matrices.addProduct(s.dxProj, t * batch, batch, weightIhRows, dx, tau * batch);
            }
        }
        Matrices.addTransposedAndClear(gradHhT, weightHh.gradient());
        Matrices.addTransposedAndClear(gradIhT, weightIh.gradient());
        if (hasBiases) {
            // one sum serves both when the two gradients are the same array
            add(s.dhProj == s.dxProj ? biasIhGradient : biasHhGradient, biasHh.gradient());
            add(biasIhGradient, biasIh.gradient());
            java.util.Arrays.fill(biasIhGradient, 0.0);
            java.util.Arrays.fill(biasHhGradient, 0.0);
        }
    }

    /** Processing step t reads time step t forwards, time − 1 − t in reverse. */
    private int timeOf(int t, int time) {
        return reverse ? time - 1 - t : t;
    }

    private static void add(double[] from, double[] to) {
        for (int k = 0; k < to.length; k++) {
            to[k] += from[k];
        }
    }

    private static void copyOrZero(double[][] from, int fromRow, double[][] to, int rows) {
        for (int r = 0; r < rows; r++) {
            if (from == null) {
                java.util.Arrays.fill(to[r], 0.0);
            } else {
                System.arraycopy(from[fromRow + r], 0, to[r], 0, to[r].length);
            }
        }
    }
}
