package workbook.classic;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Anomaly detection by scores and thresholds, and its evaluation against labels.
 *
 * <pre>{@code
 * double threshold = Detection.quantileThreshold(trainErrors, 0.99);   // from normal data only
 * boolean[] flagged = Detection.flag(testErrors, threshold);
 * Detection.Confusion c = Detection.confusion(flagged, labels);       // c.precision(), c.recall(), c.f1()
 * }</pre>
 */
public final class Detection {

    private Detection() {
    }

    /** Counts of a detector's flags against the labels (1 = anomaly). */
    public record Confusion(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        /** Of the flagged points, the share that are anomalies; NaN when nothing was flagged. */
        public double precision() {
            int flagged = truePositives + falsePositives;
            return flagged == 0 ? Double.NaN : (double) truePositives / flagged;
        }

        /** Of the anomalies, the share that were flagged; NaN when there are none. */
        public double recall() {
            int anomalies = truePositives + falseNegatives;
            return anomalies == 0 ? Double.NaN : (double) truePositives / anomalies;
        }

        /** Harmonic mean of precision and recall, 2TP / (2TP + FP + FN); 0 when no anomaly was found, NaN when there are none and none flagged. */
        public double f1() {
            int denominator = 2 * truePositives + falsePositives + falseNegatives;
            return denominator == 0 ? Double.NaN : 2.0 * truePositives / denominator;
        }

        @Override
        public String toString() {
            return String.format("TP %d, FP %d, FN %d, TN %d: precision %.3f, recall %.3f, F1 %.3f", truePositives,
                    falsePositives, falseNegatives, trueNegatives, precision(), recall(), f1());
        }
    }

    /** Flags and labels side by side; {@code labels} holds 0 (normal) or 1 (anomaly). */
    public static Confusion confusion(boolean[] flagged, int[] labels) {
        if (flagged == null || labels == null || flagged.length != labels.length) {
            throw new IllegalArgumentException("flags and labels must have the same length, got "
                    + (flagged == null ? "null" : flagged.length) + " flags and " + (labels == null ? "null" : labels.length) + " labels");
        }
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, got " + labels[i] + " at index " + i);
            }
            if (flagged[i]) {
                if (labels[i] == 1) tp++; else fp++;
            } else {
                if (labels[i] == 1) fn++; else tn++;
            }
        }
        return new Confusion(tp, fp, fn, tn);
    }

    /** True where the score is above the threshold; NaN scores (no score yet) are never flagged. */
    public static boolean[] flag(double[] scores, double threshold) {
        if (scores == null) {
            throw new IllegalArgumentException("flag: the scores are null");
        }
        boolean[] out = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = scores[i] > threshold;
        }
        return out;
    }

    /**
     * The {@code q}-quantile of scores from normal data, with linear interpolation between order statistics
     * (numpy's default {@code np.quantile}, type 7). About a share {@code 1 - q} of normal points score above it.
     */
    public static double quantileThreshold(double[] normalScores, double q) {
        SeriesChecks.atLeast(normalScores, 1, "quantileThreshold", "a quantile of nothing is undefined");
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("quantile must be between 0 and 1 (exclusive), got " + q);
        }
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(normalScores, 100 * q);
    }

    /** {@code mean + k · std} of scores from normal data (sample standard deviation, n - 1). */
    public static double meanStdThreshold(double[] normalScores, double k) {
        SeriesChecks.atLeast(normalScores, 2, "meanStdThreshold", "a standard deviation needs two points");
        double mean = SeriesChecks.mean(normalScores);
        double sum = 0;
        for (double s : normalScores) {
            sum += (s - mean) * (s - mean);
        }
        return mean + k * Math.sqrt(sum / (normalScores.length - 1));
    }

    /**
     * Rolling z-score from the past only: {@code |y_t - mean| / std} of the {@code window} values before t (sample
     * std). NaN for the first {@code window} points, and where the past window is constant.
     */
    public static double[] rollingZScores(double[] y, int window) {
        SeriesChecks.finite(y, "rollingZScores");
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2, got " + window);
        }
        if (window >= y.length) {
            throw new IllegalArgumentException("window " + window + " is longer than the series (" + y.length
                    + " points) minus one");
        }
        double[] z = new double[y.length];
        java.util.Arrays.fill(z, 0, window, Double.NaN);
        for (int t = window; t < y.length; t++) {
            double mean = 0;
            for (int i = t - window; i < t; i++) {
                mean += y[i] / window;
            }
            double ss = 0;
            for (int i = t - window; i < t; i++) {
                ss += (y[i] - mean) * (y[i] - mean);
            }
            double std = Math.sqrt(ss / (window - 1));
            z[t] = std == 0 ? Double.NaN : Math.abs(y[t] - mean) / std;
        }
        return z;
    }
}
