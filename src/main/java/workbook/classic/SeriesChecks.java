package workbook.classic;

/** The input checks every classical method shares, with messages that name the problem. */
final class SeriesChecks {

    private SeriesChecks() {
    }

    /** Fails on a null or non-finite value, naming its index. */
    static double[] finite(double[] y, String what) {
        if (y == null) {
            throw new IllegalArgumentException(what + ": the series is null");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException(what + ": value at index " + i + " is " + y[i]
                        + " (remove or fill missing values explicitly before modelling)");
            }
        }
        return y;
    }

    /** Fails unless the series has at least {@code minimum} points. */
    static double[] atLeast(double[] y, int minimum, String what, String because) {
        finite(y, what);
        if (y.length < minimum) {
            throw new IllegalArgumentException(what + " needs at least " + minimum + " points (" + because
                    + "); the series has " + y.length);
        }
        return y;
    }

    static double mean(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s / y.length;
    }
}
