package workbook.data;

/**
 * Rescales each column of a {@code [time][column]} matrix with statistics fitted on the training
 * part only (fit on all the data and the test period leaks into training).
 */
public interface Scaler {

    /** The number of columns the scaler was fitted on. */
    int columnCount();

    /** The scaled copy of {@code rows}. */
    default double[][] transform(double[][] rows) {
        return applyPerValue(rows, false);
    }

    /** Undoes {@link #transform}. */
    default double[][] inverse(double[][] rows) {
        return applyPerValue(rows, true);
    }

    private double[][] applyPerValue(double[][] rows, boolean inverse) {
        String what = getClass().getSimpleName();
        int k = columns(rows, what);
        if (k != columnCount()) {
            throw new IllegalArgumentException(what + " was fitted on " + columnCount() + " columns, got " + k);
        }
        double[][] out = new double[rows.length][k];
        for (int t = 0; t < rows.length; t++) {
            for (int j = 0; j < k; j++) {
                out[t][j] = inverse ? inverse(rows[t][j], j) : transform(rows[t][j], j);
            }
        }
        return out;
    }

    /** Scales one value of column {@code column}. */
    double transform(double value, int column);

    /** Undoes the scaling of one value of column {@code column}, e.g. a forecast back to prices. */
    double inverse(double value, int column);

    /** The number of rows the statistics were fitted on (the training rows). */
    int fittedRows();

    /** Scales a single series (one column). */
    default double[] transform(double[] series) {
        double[] out = new double[series.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = transform(series[i], 0);
        }
        return out;
    }

    /** Undoes {@link #transform(double[])}. */
    default double[] inverse(double[] series) {
        double[] out = new double[series.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = inverse(series[i], 0);
        }
        return out;
    }

    /** The kinds of scaling the window generator offers. */
    enum Kind {
        NONE, STANDARD, MIN_MAX;

        /** Fits this kind of scaler on the training rows. */
        public Scaler fit(double[][] trainRows) {
            return switch (this) {
                case NONE -> StandardScaler.identity(trainRows);
                case STANDARD -> StandardScaler.fit(trainRows);
                case MIN_MAX -> MinMaxScaler.fit(trainRows);
            };
        }
    }

    /** Checks a matrix before fitting or scaling. */
    static int columns(double[][] rows, String what) {
        if (rows.length == 0) {
            throw new IllegalArgumentException(what + ": no rows");
        }
        int k = rows[0].length;
        for (int t = 0; t < rows.length; t++) {
            if (rows[t].length != k) {
                throw new IllegalArgumentException(what + ": row " + t + " has " + rows[t].length + " columns, row 0 has " + k);
            }
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(rows[t][j])) {
                    throw new IllegalArgumentException(what + ": value at row " + t + ", column " + j + " is " + rows[t][j]);
                }
            }
        }
        return k;
    }

    /** Wraps a single series as a one-column matrix. */
    static double[][] column(double[] series) {
        double[][] rows = new double[series.length][1];
        for (int i = 0; i < series.length; i++) {
            rows[i][0] = series[i];
        }
        return rows;
    }
}
