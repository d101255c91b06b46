package workbook.scratch;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fully connected layer {@code y = W h + b} (PyTorch's {@code nn.Linear}: weight {@code [out x in]},
 * initialised U(−1/√in, 1/√in)), used as the head that turns hidden states into predictions.
 */
public final class Dense {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private final double[] weightT;
    private final double[] gradT;
    private double[] input;
    private int rows;
    private double[] output = new double[0];

    public Dense(int in, int out, long seed) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("a dense layer needs at least 1 input and 1 output, got " + in + " → " + out);
        }
        this.in = in;
        this.out = out;
        weight = new Parameter("weight", out, in);
        bias = new Parameter("bias", out, 0);
        weightT = new double[in * out];
        gradT = new double[in * out];
        SplittableRandom random = new SplittableRandom(seed);
        double bound = 1.0 / Math.sqrt(in);
        for (Parameter p : parameters()) {
            for (int k = 0; k < p.size(); k++) {
                p.value()[k] = random.nextDouble(-bound, bound);
            }
        }
    }

    public int inputSize() {
        return in;
    }

    public int outputSize() {
        return out;
    }

    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** {@code y = W h + b} for {@code rows} rows of {@code h} starting at {@code offset}; returns an internal buffer {@code [rows][out]}. */
    double[] forward(double[] h, int offset, int rows) {
        if (output.length != rows * out) {
            output = new double[rows * out];
        }
        this.input = h;
        this.rows = rows;
        this.inputOffset = offset;
        Matrices.transpose(weight.value(), out, in, weightT);
        Matrices.fillRows(bias.value(), output, 0, rows);
        Matrices.multiplyAdd(h, offset, rows, in, weightT, output, 0, out);
        return output;
    }

    private int inputOffset;

    /** Adds ∂L/∂W, ∂L/∂b; adds ∂L/∂h into {@code dh} at {@code offset} (skipped when null). */
    void backward(double[] dy, double[] dh, int offset) {
        Arrays.fill(gradT, 0.0);
        Matrices.accumulateWeightGradient(input, inputOffset, dy, 0, rows, in, out, gradT);
        Matrices.addTransposed(gradT, out, in, weight.gradient());
        Matrices.addColumnSums(dy, 0, rows, bias.gradient());
        if (dh != null) {
            Matrices.multiplyBackAdd(dy, 0, rows, out, weight.value(), in, dh, offset);
        }
    }

    /** {@code [rows][in] → [rows][out]}, for use outside training. */
    public double[][] apply(double[][] h) {
        double[] flat = new double[h.length * in];
        for (int r = 0; r < h.length; r++) {
            if (h[r].length != in) {
                throw new IllegalArgumentException("dense layer: expected " + in + " inputs per row, row " + r + " has " + h[r].length);
            }
            System.arraycopy(h[r], 0, flat, r * in, in);
        }
        double[] y = forward(flat, 0, h.length);
        double[][] result = new double[h.length][out];
        for (int r = 0; r < h.length; r++) {
            System.arraycopy(y, r * out, result[r], 0, out);
        }
        return result;
    }
}
