package workbook.scratch;

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
    private final double[][] weightRows;
    private final double[][] weightT;
    private final double[][] gradT;
    private double[][] input;
    private int inputFrom;
    private double[][] output = new double[0][];

    public Dense(int in, int out, long seed) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("a dense layer needs at least 1 input and 1 output, got " + in + " → " + out);
        }
        this.in = in;
        this.out = out;
        weight = new Parameter("weight", out, in);
        bias = new Parameter("bias", out, 0);
        weightRows = new double[out][in];
        weightT = new double[in][out];
        gradT = new double[in][out];
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

    /** {@code y = W h + b} for {@code rows} rows of {@code h} from row {@code from}; returns an internal buffer {@code [rows][out]}. */
    double[][] forward(double[][] h, int from, int rows) {
        if (output.length != rows) {
            output = new double[rows][out];
        }
        input = h;
        inputFrom = from;
        Matrices.toRows(weight.value(), weightRows);
        Matrices.toTransposedRows(weight.value(), out, in, weightT);
        Matrices.fillRows(bias.value(), output, 0, rows);
        Matrices.addProduct(h, from, rows, weightT, output, 0);
        return output;
    }

    /** Adds ∂L/∂W, ∂L/∂b; adds ∂L/∂h into {@code dh} at the rows forward read (skipped when null). */
    void backward(double[][] dy, double[][] dh) {
        int rows = dy.length;
        Matrices.addTransposedProduct(input, inputFrom, dy, 0, rows, gradT);
        Matrices.addTransposedAndClear(gradT, weight.gradient());
        Matrices.addColumnSums(dy, 0, rows, bias.gradient());
        if (dh != null) {
            Matrices.addProduct(dy, 0, rows, weightRows, dh, inputFrom);
        }
    }

    /** {@code [rows][in] → [rows][out]}, for use outside training. */
    public double[][] apply(double[][] h) {
        for (int r = 0; r < h.length; r++) {
            if (h[r].length != in) {
                throw new IllegalArgumentException("dense layer: expected " + in + " inputs per row, row " + r + " has " + h[r].length);
            }
        }
        double[][] y = forward(h, 0, h.length);
        double[][] result = new double[h.length][];
        for (int r = 0; r < h.length; r++) {
            result[r] = y[r].clone();
        }
        return result;
    }
}
