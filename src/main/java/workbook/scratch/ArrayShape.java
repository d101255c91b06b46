package workbook.scratch;

/**
 * The shape of a nested Java array as the notebooks print it: {@code ArrayShape.of(x)} is {@code "[4][10][1]"}
 * for a {@code double[4][10][1]}, read as [batch][time][features]. Ragged arrays are reported, not guessed.
 */
public final class ArrayShape {

    private ArrayShape() {
    }

    /** {@code "[rows]"}, {@code "[rows][cols]"} or {@code "[a][b][c]"} for double[], double[][], double[][][]. */
    public static String of(Object array) {
        if (array instanceof double[] v) {
            return "[" + v.length + "]";
        }
        if (array instanceof double[][] m) {
            return "[" + m.length + "]" + (m.length == 0 ? "" : of(sameLengths(m, "rows")));
        }
        if (array instanceof double[][][] a) {
            if (a.length == 0) {
                return "[0]";
            }
            for (int i = 1; i < a.length; i++) {
                if (!of(a[i]).equals(of(a[0]))) {
                    throw new IllegalArgumentException("ragged array: block 0 is " + of(a[0]) + " but block " + i + " is " + of(a[i]));
                }
            }
            return "[" + a.length + "]" + of(a[0]);
        }
        throw new IllegalArgumentException("expected double[], double[][] or double[][][], got "
                + (array == null ? "null" : array.getClass().getSimpleName()));
    }

    private static double[] sameLengths(double[][] m, String what) {
        for (int i = 1; i < m.length; i++) {
            if (m[i].length != m[0].length) {
                throw new IllegalArgumentException("ragged array: " + what + " 0 has " + m[0].length + " values but " + what + " " + i
                        + " has " + m[i].length);
            }
        }
        return m[0];
    }
}
