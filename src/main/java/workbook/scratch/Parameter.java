package workbook.scratch;

import java.util.Arrays;

/**
 * A trainable tensor: its PyTorch name (e.g. {@code weight_hh_l0}), its shape, its values and the
 * gradient that {@code backward} accumulates (reset it with {@link #zeroGradient()}). A matrix is stored
 * row-major in {@link #value()}; a vector has {@code cols == 0}.
 */
public final class Parameter {
    private final String name;
    private final int rows;
    private final int cols;
    private final double[] value;
    private final double[] gradient;

    Parameter(String name, int rows, int cols) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        int size = cols == 0 ? rows : rows * cols;
        this.value = new double[size];
        this.gradient = new double[size];
    }

    /** The PyTorch state_dict name, e.g. {@code weight_ih_l1_reverse}. */
    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    /** Columns of a matrix; 0 for a vector. */
    public int cols() {
        return cols;
    }

    public boolean isVector() {
        return cols == 0;
    }

    /** The values, row-major; changes to this array change the model. */
    public double[] value() {
        return value;
    }

    /** The accumulated gradient, same layout as {@link #value()}. */
    public double[] gradient() {
        return gradient;
    }

    public int size() {
        return value.length;
    }

    public void zeroGradient() {
        Arrays.fill(gradient, 0.0);
    }

    /** "[256 x 64]" or "[256]". */
    public String shape() {
        return isVector() ? "[" + rows + "]" : "[" + rows + " x " + cols + "]";
    }

    /** A copy as {@code double[rows][cols]} (matrix) or {@code double[rows]} (vector). */
    public Object toArray() {
        if (isVector()) {
            return value.clone();
        }
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = Arrays.copyOfRange(value, r * cols, (r + 1) * cols);
        }
        return m;
    }

    /** Copies {@code double[rows][cols]} or {@code double[rows]} in, checking the shape first (nothing changes on error). */
    public void set(Object array) {
        check(array);
        if (isVector()) {
            System.arraycopy((double[]) array, 0, value, 0, rows);
            return;
        }
        double[][] m = (double[][]) array;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(m[r], 0, value, r * cols, cols);
        }
    }

    /** Fails with a message naming the expected and the given shape unless {@code array} fits this parameter. */
    void check(Object array) {
        if (isVector()) {
            if (!(array instanceof double[] v)) {
                throw new IllegalArgumentException(name + ": expected a vector " + shape() + ", got " + Weights.describe(array));
            }
            if (v.length != rows) {
                throw new IllegalArgumentException(name + ": expected shape " + shape() + ", got [" + v.length + "]");
            }
            requireFinite(v, name);
            return;
        }
        if (!(array instanceof double[][] m)) {
            throw new IllegalArgumentException(name + ": expected a matrix " + shape() + ", got " + Weights.describe(array));
        }
        if (m.length != rows || (rows > 0 && m[0].length != cols)) {
            throw new IllegalArgumentException(name + ": expected shape " + shape() + ", got " + Weights.describe(array));
        }
        for (int r = 0; r < rows; r++) {
            if (m[r].length != cols) {
                throw new IllegalArgumentException(name + ": row " + r + " has " + m[r].length + " values, expected " + cols);
            }
            requireFinite(m[r], name + "[" + r + "]");
        }
    }

    private static void requireFinite(double[] values, String name) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(name + "[" + k + "] is " + values[k] + "; weights must be finite");
            }
        }
    }

    @Override
    public String toString() {
        return name + " " + shape();
    }
}
