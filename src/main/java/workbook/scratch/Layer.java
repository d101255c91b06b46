package workbook.scratch;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One direction of one recurrent layer: its parameters (W_ih, W_hh, b_ih, b_hh under PyTorch's names)
 * and the unrolling of its {@link Cell} over time, forwards and backwards (BPTT).
 * Inputs and outputs are time-major flat arrays {@code [time][batch][features]}; the reversed direction
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

    private final double[] weightIhT;
    private final double[] weightHhT;
    private final double[] gradIhT;
    private final double[] gradHhT;
    private Steps steps;
    /** Caches for the shapes seen so far (e.g. training chunks of 25 steps and sampling 1 step), so switching does not reallocate. */
    private final java.util.Map<Long, Steps> stepsByShape = new java.util.HashMap<>();
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
        weightIhT = new double[width * inputSize];
        weightHhT = new double[width * hidden];
        gradIhT = new double[width * inputSize];
        gradHhT = new double[width * hidden];
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
     * Unrolls over {@code time} steps. {@code x} is {@code [time][batch][inputSize]}; {@code h0}, {@code c0}
     * are {@code [batch][hidden]} at the given offsets, or null for zeros. Writes h_t into
     * {@code out[time][batch][outWidth]} at column {@code outColumn}.
     */
    void forward(double[] x, int time, int batch, double[] h0, double[] c0, int stateOffset,
                 double[] out, int outWidth, int outColumn) {
        if (steps == null || !steps.fits(time, batch)) {
            if (stepsByShape.size() > 8) {
                stepsByShape.clear();
            }
            steps = stepsByShape.computeIfAbsent(((long) time << 32) | batch,
                    k -> new Steps(time, batch, inputSize, hidden, cell.gateCount(), cell.hasCellState()));
        }
        Steps s = steps;
        int rowIn = batch * inputSize;
        for (int t = 0; t < time; t++) {
            System.arraycopy(x, timeOf(t, time) * rowIn, s.x, t * rowIn, rowIn);
        }
        Matrices.transpose(weightIh.value(), width, inputSize, weightIhT);
        Matrices.transpose(weightHh.value(), width, hidden, weightHhT);
        // W_ih x_t + b_ih for every step at once: the inputs do not depend on the recurrence
        Matrices.fillRows(biasIh.value(), s.xProj, 0, time * batch);
        Matrices.multiplyAdd(s.x, 0, time * batch, inputSize, weightIhT, s.xProj, 0, width);
        int stateSize = batch * hidden;
        copyOrZero(h0, stateOffset, s.h, stateSize);
        if (s.c != null) {
            copyOrZero(c0, stateOffset, s.c, stateSize);
        }
        for (int t = 0; t < time; t++) {
            // W_hh h_{t-1} + b_hh
            Matrices.fillRows(biasHh.value(), s.hProj, t * batch * width, batch);
            Matrices.multiplyAdd(s.h, t * stateSize, batch, hidden, weightHhT, s.hProj, t * batch * width, width);
            cell.forward(s, t);
        }
        for (int t = 0; t < time; t++) {
            int tau = timeOf(t, time);
            for (int b = 0; b < batch; b++) {
                System.arraycopy(s.h, ((t + 1) * batch + b) * hidden, out, (tau * batch + b) * outWidth + outColumn, hidden);
            }
        }
    }

    /**
     * Backpropagation through time over the last forward. {@code dOut} is ∂L/∂outputs laid out like
     * {@code out} in forward (or null); {@code dhFinal}, {@code dcFinal} ∂L/∂(final states) at
     * {@code stateOffset} (or null). Adds parameter gradients; adds ∂L/∂x into {@code dx}
     * ({@code [time][batch][inputSize]}, skipped when null); leaves ∂L/∂h_0, ∂L/∂c_0 in {@link #steps()}.
     */
    void backward(double[] dOut, int outWidth, int outColumn, double[] dhFinal, double[] dcFinal, int stateOffset,
                  double[] dx, boolean recordNorms) {
        Steps s = steps;
        int time = s.steps;
        int batch = s.batch;
        int stateSize = batch * hidden;
        copyOrZero(dhFinal, stateOffset, s.dh, stateSize);
        if (s.dc != null) {
            copyOrZero(dcFinal, stateOffset, s.dc, stateSize);
        }
        if (recordNorms) {
            gradientNorms = new double[time];
        }
        for (int t = time - 1; t >= 0; t--) {
            int tau = timeOf(t, time);
            if (dOut != null) {
                for (int b = 0; b < batch; b++) {
                    int from = (tau * batch + b) * outWidth + outColumn;
                    for (int j = 0; j < hidden; j++) {
                        s.dh[b * hidden + j] += dOut[from + j];
                    }
                }
            }
            if (recordNorms) {
                double sum = 0;
                for (int k = 0; k < stateSize; k++) {
                    sum += s.dh[k] * s.dh[k];
                }
                gradientNorms[tau] = Math.sqrt(sum);
            }
            cell.backward(s, t);
            // ∂L/∂h_{t-1} += (∂L/∂(W_hh h_{t-1})) · W_hh
            Matrices.multiplyBackAdd(s.dhProj, t * batch * width, batch, width, weightHh.value(), hidden, s.dh, 0);
        }
        // Parameter gradients summed over all steps at once: ∂W_hh = Σ_t dhProj_t^T h_{t-1}, ∂W_ih = Σ_t dxProj_t^T x_t
        Arrays.fill(gradHhT, 0.0);
        Matrices.accumulateWeightGradient(s.h, 0, s.dhProj, 0, time * batch, hidden, width, gradHhT);
        Matrices.addTransposed(gradHhT, width, hidden, weightHh.gradient());
        Arrays.fill(gradIhT, 0.0);
        Matrices.accumulateWeightGradient(s.x, 0, s.dxProj, 0, time * batch, inputSize, width, gradIhT);
        Matrices.addTransposed(gradIhT, width, inputSize, weightIh.gradient());
        if (hasBiases) {
            Matrices.addColumnSums(s.dxProj, 0, time * batch, biasIh.gradient());
            Matrices.addColumnSums(s.dhProj, 0, time * batch, biasHh.gradient());
        }
        if (dx != null) {
            int rowIn = batch * inputSize;
            for (int t = 0; t < time; t++) {
                // ∂L/∂x_t = (∂L/∂(W_ih x_t)) · W_ih, written back at its real time index
                Matrices.multiplyBackAdd(s.dxProj, t * batch * width, batch, width, weightIh.value(), inputSize,
                        dx, timeOf(t, time) * rowIn);
            }
        }
    }

    /** Processing step t reads time step t forwards, time − 1 − t in reverse. */
    private int timeOf(int t, int time) {
        return reverse ? time - 1 - t : t;
    }

    private static void copyOrZero(double[] from, int offset, double[] to, int size) {
        if (from == null) {
            Arrays.fill(to, 0, size, 0.0);
        } else {
            System.arraycopy(from, offset, to, 0, size);
        }
    }
}
