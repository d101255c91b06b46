package workbook.scratch;

/** Conversions between the readers' nested arrays and the time-major rows inside, with shape checks that say what they expected. */
final class Shapes {

    private Shapes() {
    }

    /** {@code [batch][time][features]} → rows {@code [time * batch][features]} (row {@code t * batch + b}), checking every row and every value. */
    static double[][] timeMajor(double[][][] x, int time, int features, String what, int batch) {
        if (x.length != batch) {
            throw new IllegalArgumentException(what + ": expected batch " + batch + ", got " + x.length);
        }
        double[][] rows = new double[time * batch][];
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
                    if (!Double.isFinite(row[f])) {
                        throw new IllegalArgumentException(what + ": [" + b + "][" + t + "][" + f + "] is " + row[f]
                                + "; expected finite numbers");
                    }
                }
                rows[t * batch + b] = row.clone();
            }
        }
        return rows;
    }

    /** Rows {@code [time * batch][features]} → {@code [batch][time][features]} (copies). */
    static double[][][] batchMajor(double[][] rows, int time, int batch) {
        double[][][] x = new double[batch][time][];
        for (int t = 0; t < time; t++) {
            for (int b = 0; b < batch; b++) {
                x[b][t] = rows[t * batch + b].clone();
            }
        }
        return x;
    }

    /** States {@code [layers * directions][batch][hidden]} → rows {@code [layers * directions * batch][hidden]}, checking the shape. */
    static double[][] stateRows(double[][][] x, int states, int batch, int hidden, String what) {
        if (x.length != states) {
            throw new IllegalArgumentException(what + ": expected [" + states + "][" + batch + "][" + hidden
                    + "] ([layers * directions][batch][hidden]), got " + x.length + " in the first dimension");
        }
        double[][] rows = new double[states * batch][];
        for (int i = 0; i < states; i++) {
            if (x[i].length != batch) {
                throw new IllegalArgumentException(what + ": expected batch " + batch + " in [" + i + "], got " + x[i].length);
            }
            for (int b = 0; b < batch; b++) {
                if (x[i][b].length != hidden) {
                    throw new IllegalArgumentException(what + ": expected " + hidden + " values in [" + i + "][" + b + "], got " + x[i][b].length);
                }
                rows[i * batch + b] = x[i][b].clone();
            }
        }
        return rows;
    }

    /** Rows {@code [states * batch][hidden]} → {@code [states][batch][hidden]} (copies). */
    static double[][][] states(double[][] rows, int states, int batch) {
        double[][][] x = new double[states][batch][];
        for (int i = 0; i < states; i++) {
            for (int b = 0; b < batch; b++) {
                x[i][b] = rows[i * batch + b].clone();
            }
        }
        return x;
    }
}
