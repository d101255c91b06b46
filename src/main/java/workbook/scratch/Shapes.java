package workbook.scratch;

/** Conversions between the readers' nested arrays and the flat time-major arrays inside, with shape checks that say what they expected. */
final class Shapes {

    private Shapes() {
    }

    /** {@code [batch][time][features]} → flat {@code [time][batch][features]}, checking every row and every value. */
    static double[] timeMajor(double[][][] x, int time, int features, String what) {
        return timeMajor(x, time, features, what, x.length);
    }

    static double[] timeMajor(double[][][] x, int time, int features, String what, int batch) {
        if (x.length != batch) {
            throw new IllegalArgumentException(what + ": expected batch " + batch + ", got " + x.length);
        }
        double[] flat = new double[time * batch * features];
        for (int b = 0; b < batch; b++) {
            if (x[b] == null || x[b].length != time) {
                throw new IllegalArgumentException(what + ": expected [" + batch + "][" + time + "][" + features
                        + "], but sequence " + b + " has " + (x[b] == null ? "no" : x[b].length) + " time steps");
            }
            for (int t = 0; t < time; t++) {
                double[] row = x[b][t];
                if (row == null || row.length != features) {
                    throw new IllegalArgumentException(what + ": expected " + features + " features per step, but ["
                            + b + "][" + t + "] has " + (row == null ? "none" : row.length));
                }
                for (int f = 0; f < features; f++) {
                    double v = row[f];
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException(what + ": [" + b + "][" + t + "][" + f + "] is " + v
                                + "; expected finite numbers");
                    }
                    flat[(t * batch + b) * features + f] = v;
                }
            }
        }
        return flat;
    }

    /** Flat {@code [time][batch][features]} → {@code [batch][time][features]}. */
    static double[][][] batchMajor(double[] flat, int time, int batch, int features) {
        double[][][] x = new double[batch][time][features];
        for (int t = 0; t < time; t++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(flat, (t * batch + b) * features, x[b][t], 0, features);
            }
        }
        return x;
    }

    /** {@code [a][b][c]} → flat, checking the shape. */
    static double[] flatten(double[][][] x, int a, int b, int c, String what) {
        if (x.length != a) {
            throw new IllegalArgumentException(what + ": expected [" + a + "][" + b + "][" + c + "] ([layers * directions][batch][hidden]), got "
                    + x.length + " in the first dimension");
        }
        double[] flat = new double[a * b * c];
        for (int i = 0; i < a; i++) {
            if (x[i].length != b) {
                throw new IllegalArgumentException(what + ": expected batch " + b + " in [" + i + "], got " + x[i].length);
            }
            for (int j = 0; j < b; j++) {
                if (x[i][j].length != c) {
                    throw new IllegalArgumentException(what + ": expected " + c + " values in [" + i + "][" + j + "], got " + x[i][j].length);
                }
                System.arraycopy(x[i][j], 0, flat, (i * b + j) * c, c);
            }
        }
        return flat;
    }

    static double[][][] unflatten(double[] flat, int a, int b, int c) {
        double[][][] x = new double[a][b][c];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(flat, (i * b + j) * c, x[i][j], 0, c);
            }
        }
        return x;
    }
}
