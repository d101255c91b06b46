package workbook.scratch;

/**
 * The two matrix products the recurrent layers need, on matrices stored as arrays of rows ({@code double[rows][cols]}).
 * Every inner loop is {@code out[j] += a * m[j]} over whole rows, indexed from 0 on every array: that is the
 * shape the JIT turns into vector instructions (with an offset per array, Java 17's JIT must assume the arrays
 * might overlap and stays scalar, about four times slower). Four rows are combined per pass so each
 * {@code out[j]} is loaded and stored once for four multiply-adds. That loop body is larger than Java 17's default
 * {@code -XX:LoopUnrollLimit} (60), under which the JIT vectorises it only in some runs: the workbook's JVMs run with
 * 120 (see the package documentation).
 */
final class Matrices {

    private Matrices() {
    }

    /**
     * {@code out[outFrom + r] += a[aFrom + r] · m} for {@code rows} rows: row r of A times M ({@code m.length} rows).
     * Zero entries of A are skipped, so a one-hot row costs one row of M.
     */
    static void addProduct(double[][] a, int aFrom, int rows, double[][] m, double[][] out, int outFrom) {
        int r = 0;
        // two rows at a time: each row of M is loaded once for both
        for (; r + 1 < rows; r += 2) {
            addProductTwoRows(a[aFrom + r], a[aFrom + r + 1], m, out[outFrom + r], out[outFrom + r + 1]);
        }
        for (; r < rows; r++) {
            addProductRow(a[aFrom + r], m, out[outFrom + r]);
        }
    }

    private static void addProductTwoRows(double[] a0, double[] a1, double[][] m, double[] o0, double[] o1) {
        int inner = m.length;
        int k = 0;
        for (; k + 3 < inner; k += 4) {
            double v00 = a0[k];
            double v01 = a0[k + 1];
            double v02 = a0[k + 2];
            double v03 = a0[k + 3];
            double v10 = a1[k];
            double v11 = a1[k + 1];
            double v12 = a1[k + 2];
            double v13 = a1[k + 3];
            if (v00 == 0.0 && v01 == 0.0 && v02 == 0.0 && v03 == 0.0 && v10 == 0.0 && v11 == 0.0 && v12 == 0.0 && v13 == 0.0) {
                continue;
            }
            double[] m0 = m[k];
            double[] m1 = m[k + 1];
            double[] m2 = m[k + 2];
            double[] m3 = m[k + 3];
            for (int j = 0; j < o0.length; j++) {
                double x0 = m0[j];
                double x1 = m1[j];
                double x2 = m2[j];
                double x3 = m3[j];
                o0[j] += v00 * x0 + v01 * x1 + v02 * x2 + v03 * x3;
                o1[j] += v10 * x0 + v11 * x1 + v12 * x2 + v13 * x3;
            }
        }
        for (; k < inner; k++) {
            double v0 = a0[k];
            double v1 = a1[k];
            double[] mk = m[k];
            for (int j = 0; j < o0.length; j++) {
                o0[j] += v0 * mk[j];
                o1[j] += v1 * mk[j];
            }
        }
    }

    private static void addProductRow(double[] ar, double[][] m, double[] o) {
        int inner = m.length;
        int k = 0;
        for (; k + 3 < inner; k += 4) {
            double v0 = ar[k];
            double v1 = ar[k + 1];
            double v2 = ar[k + 2];
            double v3 = ar[k + 3];
            if (v0 == 0.0 && v1 == 0.0 && v2 == 0.0 && v3 == 0.0) {
                continue;
            }
            double[] m0 = m[k];
            double[] m1 = m[k + 1];
            double[] m2 = m[k + 2];
            double[] m3 = m[k + 3];
            for (int j = 0; j < o.length; j++) {
                o[j] += v0 * m0[j] + v1 * m1[j] + v2 * m2[j] + v3 * m3[j];
            }
        }
        for (; k < inner; k++) {
            double v = ar[k];
            if (v == 0.0) {
                continue;
            }
            double[] mk = m[k];
            for (int j = 0; j < o.length; j++) {
                o[j] += v * mk[j];
            }
        }
    }

    /**
     * {@code out += Aᵀ B} over {@code rows} rows ({@code A = a[aFrom ..]}, {@code B = b[bFrom ..]}): out[k] += Σ_r a[r][k] b[r].
     * This is the gradient of a weight: for {@code y = x Wᵀ}, {@code ∂L/∂Wᵀ = xᵀ (∂L/∂y)}.
     */
    static void addTransposedProduct(double[][] a, int aFrom, double[][] b, int bFrom, int rows, double[][] out) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            double[] a0 = a[aFrom + r];
            double[] a1 = a[aFrom + r + 1];
            double[] a2 = a[aFrom + r + 2];
            double[] a3 = a[aFrom + r + 3];
            double[] b0 = b[bFrom + r];
            double[] b1 = b[bFrom + r + 1];
            double[] b2 = b[bFrom + r + 2];
            double[] b3 = b[bFrom + r + 3];
            for (int k = 0; k < out.length; k++) {
                double v0 = a0[k];
                double v1 = a1[k];
                double v2 = a2[k];
                double v3 = a3[k];
                if (v0 == 0.0 && v1 == 0.0 && v2 == 0.0 && v3 == 0.0) {
                    continue;
                }
                double[] o = out[k];
                for (int j = 0; j < o.length; j++) {
                    o[j] += v0 * b0[j] + v1 * b1[j] + v2 * b2[j] + v3 * b3[j];
                }
            }
        }
        for (; r < rows; r++) {
            double[] ar = a[aFrom + r];
            double[] br = b[bFrom + r];
            for (int k = 0; k < out.length; k++) {
                double v = ar[k];
                if (v == 0.0) {
                    continue;
                }
                double[] o = out[k];
                for (int j = 0; j < o.length; j++) {
                    o[j] += v * br[j];
                }
            }
        }
    }

    /** Rows of a flat row-major {@code [rows x cols]} matrix, copied into {@code rowsOut}. */
    static void toRows(double[] flat, double[][] rowsOut) {
        int cols = rowsOut[0].length;
        for (int r = 0; r < rowsOut.length; r++) {
            System.arraycopy(flat, r * cols, rowsOut[r], 0, cols);
        }
    }

    /** The transpose of a flat row-major {@code [rows x cols]} matrix as rows {@code [cols][rows]}. */
    static void toTransposedRows(double[] flat, int rows, int cols, double[][] out) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c][r] = flat[r * cols + c];
            }
        }
    }

    /** {@code flat += transpose(t)}: t is {@code [cols][rows]}, flat row-major {@code [rows x cols]}; then t is zeroed. */
    static void addTransposedAndClear(double[][] t, double[] flat) {
        int rows = t[0].length;
        int cols = t.length;
        for (int c = 0; c < cols; c++) {
            double[] tc = t[c];
            for (int r = 0; r < rows; r++) {
                flat[r * cols + c] += tc[r];
                tc[r] = 0.0;
            }
        }
    }

    /** Sets rows {@code from .. from + count} to {@code bias}. */
    static void fillRows(double[] bias, double[][] out, int from, int count) {
        for (int r = from; r < from + count; r++) {
            System.arraycopy(bias, 0, out[r], 0, bias.length);
        }
    }

    /** {@code sum += Σ_r d[r]} over all rows: the gradient of a bias added to every row. */
    static void addColumnSums(double[][] d, int from, int count, double[] sum) {
        for (int r = from; r < from + count; r++) {
            double[] row = d[r];
            for (int j = 0; j < sum.length; j++) {
                sum[j] += row[j];
            }
        }
    }

}
