package workbook.scratch;

/**
 * The few matrix products the recurrent layers need, on flat row-major {@code double[]} arrays.
 * Every inner loop runs over contiguous memory ({@code y[j] += a * x[j]}) so the JIT can vectorise it.
 * A weight {@code W} is stored as PyTorch stores it, {@code [out x in]}; the forward pass uses its
 * transpose {@code Wt} ({@code [in x out]}) so that it, too, is an "axpy" loop.
 */
final class Matrices {

    private Matrices() {
    }

    /** {@code out[r] += x[r] · Wt} for {@code rows} rows; zero inputs are skipped, so a one-hot row costs one row of Wt. */
    static void multiplyAdd(double[] x, int xOffset, int rows, int in, double[] wt, double[] out, int outOffset, int outCols) {
        for (int r = 0; r < rows; r++) {
            int xRow = xOffset + r * in;
            int outRow = outOffset + r * outCols;
            for (int k = 0; k < in; k++) {
                double v = x[xRow + k];
                if (v == 0.0) {
                    continue;
                }
                int wRow = k * outCols;
                for (int j = 0; j < outCols; j++) {
                    out[outRow + j] += v * wt[wRow + j];
                }
            }
        }
    }

    /** {@code dx[r] += d[r] · W} with {@code W} as {@code [outCols x in]}: the gradient of {@code out = x W^T} with respect to x. */
    static void multiplyBackAdd(double[] d, int dOffset, int rows, int outCols, double[] w, int in, double[] dx, int dxOffset) {
        for (int r = 0; r < rows; r++) {
            int dRow = dOffset + r * outCols;
            int dxRow = dxOffset + r * in;
            for (int j = 0; j < outCols; j++) {
                double v = d[dRow + j];
                if (v == 0.0) {
                    continue;
                }
                int wRow = j * in;
                for (int k = 0; k < in; k++) {
                    dx[dxRow + k] += v * w[wRow + k];
                }
            }
        }
    }

    /** {@code gradT[k] += x[r][k] * d[r]} summed over rows: the gradient of {@code W} (kept transposed) for {@code out = x W^T}. */
    static void accumulateWeightGradient(double[] x, int xOffset, double[] d, int dOffset, int rows, int in, int outCols, double[] gradT) {
        for (int r = 0; r < rows; r++) {
            int xRow = xOffset + r * in;
            int dRow = dOffset + r * outCols;
            for (int k = 0; k < in; k++) {
                double v = x[xRow + k];
                if (v == 0.0) {
                    continue;
                }
                int gRow = k * outCols;
                for (int j = 0; j < outCols; j++) {
                    gradT[gRow + j] += v * d[dRow + j];
                }
            }
        }
    }

    /** {@code dst = src^T}, src being {@code [rows x cols]}. */
    static void transpose(double[] src, int rows, int cols, double[] dst) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c * rows + r] = src[r * cols + c];
            }
        }
    }

    /** {@code dst += srcT^T}, srcT being {@code [cols x rows]} and dst {@code [rows x cols]}. */
    static void addTransposed(double[] srcT, int rows, int cols, double[] dst) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[r * cols + c] += srcT[c * rows + r];
            }
        }
    }

    /** Sets each of {@code rows} rows of {@code out} (from offset) to {@code bias}. */
    static void fillRows(double[] bias, double[] out, int offset, int rows) {
        int cols = bias.length;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(bias, 0, out, offset + r * cols, cols);
        }
    }

    /** {@code sum += Σ_r d[r]}: the gradient of a bias added to every row. */
    static void addColumnSums(double[] d, int offset, int rows, double[] sum) {
        int cols = sum.length;
        for (int r = 0; r < rows; r++) {
            int row = offset + r * cols;
            for (int j = 0; j < cols; j++) {
                sum[j] += d[row + j];
            }
        }
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
