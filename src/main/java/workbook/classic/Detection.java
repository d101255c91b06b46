package workbook.classic;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

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

    /**
     * Rolling z-scores of several columns at once ({@code rows[t][column]}): at each reading the largest
     * {@link #rollingZScores(double[], int) rolling z-score} over the columns; NaN where no column has one.
     */
    public static double[] rollingZScores(double[][] rows, int window) {
        double[] largest = new double[checkedRows(rows, 1, "rollingZScores").length];
        Arrays.fill(largest, Double.NaN);
        for (int c = 0; c < rows[0].length; c++) {
            double[] z = rollingZScores(column(rows, c), window);
            for (int t = 0; t < z.length; t++) {
                if (!Double.isNaN(z[t]) && !(z[t] <= largest[t])) {
                    largest[t] = z[t];
                }
            }
        }
        return largest;
    }

    /**
     * Persistence errors as anomaly scores: the forecast "the next reading equals this one" misses by
     * {@code |y_t - y_{t-1}|}; each column's error is divided by the standard deviation of its changes over the
     * training rows {@code [0, trainEnd)}, and the score is the largest over the columns. NaN at t = 0.
     */
    public static double[] persistenceScores(double[][] rows, int trainEnd) {
        checkedRows(rows, 2, "persistenceScores");
        if (trainEnd < 3 || trainEnd > rows.length) {
            throw new IllegalArgumentException("persistenceScores: trainEnd must lie in 3.." + rows.length
                    + " (the spread of the changes needs at least two of them), got " + trainEnd);
        }
        int columns = rows[0].length;
        double[] spread = new double[columns];
        for (int c = 0; c < columns; c++) {
            double[] changes = new double[trainEnd - 1];
            for (int t = 1; t < trainEnd; t++) {
                changes[t - 1] = rows[t][c] - rows[t - 1][c];
            }
            double mean = SeriesChecks.mean(changes), squares = 0;
            for (double d : changes) {
                squares += (d - mean) * (d - mean);
            }
            spread[c] = Math.sqrt(squares / (changes.length - 1));
            if (spread[c] == 0) {
                throw new IllegalArgumentException("persistenceScores: column " + c
                        + " never changes in the training rows, so its changes have no spread to divide by");
            }
        }
        double[] scores = new double[rows.length];
        scores[0] = Double.NaN;
        for (int t = 1; t < rows.length; t++) {
            for (int c = 0; c < columns; c++) {
                scores[t] = Math.max(scores[t], Math.abs(rows[t][c] - rows[t - 1][c]) / spread[c]);
            }
        }
        return scores;
    }

    /** The labelled events: maximal runs of 1 in {@code labels}, as {start, end} (end exclusive). */
    public static List<int[]> events(int[] labels) {
        List<int[]> events = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= labels.length; i++) {
            boolean anomaly = i < labels.length && labels[i] == 1;
            if (anomaly && start < 0) {
                start = i;
            } else if (!anomaly && start >= 0) {
                events.add(new int[]{start, i});
                start = -1;
            }
        }
        return events;
    }

    /**
     * What a detector did over a test period: point-wise counts; false alarms (flagged normal readings) per day
     * of readings; and per labelled event the number of readings from its start to its first flag (-1: missed).
     */
    public record Verdict(double threshold, Confusion confusion, int readings, double falseAlarmsPerDay, int[] delays) {

        public double precision() {
            return confusion.precision();
        }

        public double recall() {
            return confusion.recall();
        }

        public double f1() {
            return confusion.f1();
        }

        /** How many labelled events got at least one flag. */
        public int eventsDetected() {
            return (int) Arrays.stream(delays).filter(d -> d >= 0).count();
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "threshold %.3f: precision %.3f, recall %.3f, F1 %.3f, %d false alarms (%.1f per day), %d of %d events detected",
                    threshold, precision(), recall(), f1(), confusion.falsePositives(), falseAlarmsPerDay, eventsDetected(),
                    delays.length);
        }
    }

    /**
     * The honest evaluation of one anomaly score on several labelled series (e.g. sensors) at once. Each series is
     * split by time: readings before {@code validationStart} are for training (not used here), readings
     * {@code [validationStart, testStart)} are normal readings that set the threshold, the {@code q}-quantile of
     * their finite scores pooled over all series, and every reading from {@code testStart} to the end of each
     * series is flagged and scored against the labels. Nothing of the test period chooses anything.
     *
     * @param secondsPerReading the sampling interval, to report false alarms per day
     */
    public static Verdict evaluate(List<double[]> scores, List<int[]> labels, int validationStart, int testStart,
                                   double q, double secondsPerReading) {
        if (scores.size() != labels.size() || scores.isEmpty()) {
            throw new IllegalArgumentException("evaluate: one score series per label series, got " + scores.size()
                    + " score series and " + labels.size() + " label series");
        }
        if (!(secondsPerReading > 0)) {
            throw new IllegalArgumentException("evaluate: secondsPerReading must be positive, got " + secondsPerReading);
        }
        List<Double> normal = new ArrayList<>();
        for (int s = 0; s < scores.size(); s++) {
            double[] score = scores.get(s);
            if (score.length != labels.get(s).length) {
                throw new IllegalArgumentException("evaluate: series " + s + " has " + score.length + " scores and "
                        + labels.get(s).length + " labels");
            }
            if (validationStart < 0 || validationStart >= testStart || testStart >= score.length) {
                throw new IllegalArgumentException("evaluate: need 0 <= validationStart < testStart < length, got "
                        + validationStart + ", " + testStart + " and " + score.length + " readings in series " + s);
            }
            for (int t = validationStart; t < testStart; t++) {
                if (labels.get(s)[t] == 1) {
                    throw new IllegalArgumentException("evaluate: the validation period must be normal, but series " + s
                            + " has an anomaly at reading index " + t);
                }
                if (Double.isFinite(score[t])) {
                    normal.add(score[t]);
                }
            }
        }
        double threshold = quantileThreshold(normal.stream().mapToDouble(Double::doubleValue).toArray(), q);
        int tp = 0, fp = 0, fn = 0, tn = 0, readings = 0;
        List<Integer> delays = new ArrayList<>();
        for (int s = 0; s < scores.size(); s++) {
            double[] score = Arrays.copyOfRange(scores.get(s), testStart, scores.get(s).length);
            int[] label = Arrays.copyOfRange(labels.get(s), testStart, labels.get(s).length);
            boolean[] flags = flag(score, threshold);
            Confusion c = confusion(flags, label);
            tp += c.truePositives();
            fp += c.falsePositives();
            fn += c.falseNegatives();
            tn += c.trueNegatives();
            readings += label.length;
            for (int[] event : events(label)) {
                int delay = -1;
                for (int t = event[0]; t < event[1] && delay < 0; t++) {
                    if (flags[t]) {
                        delay = t - event[0];
                    }
                }
                delays.add(delay);
            }
        }
        double days = readings * secondsPerReading / 86_400;
        return new Verdict(threshold, new Confusion(tp, fp, fn, tn), readings, fp / days,
                delays.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * One row per detector: F1, precision, recall and false alarms per day (the value, or with several runs, e.g.
     * seeds, their {@link Spread}: mean ± sd (min–max)), events detected, and per event the readings from its start
     * to the first flag (every value seen over the runs, "missed" where a run never flagged it).
     */
    public static Table summary(String title, Map<String, List<Verdict>> verdictsByDetector) {
        StringColumn detector = StringColumn.create("detector"), f1 = StringColumn.create("F1"),
                precision = StringColumn.create("precision"), recall = StringColumn.create("recall"),
                falseAlarms = StringColumn.create("false alarms / day"), detected = StringColumn.create("events detected"),
                firstFlag = StringColumn.create("first flag after (readings, per event)");
        verdictsByDetector.forEach((name, verdicts) -> {
            if (verdicts.isEmpty()) {
                throw new IllegalArgumentException("summary: no verdicts for detector " + name);
            }
            detector.append(verdicts.size() == 1 ? name : name + " (" + verdicts.size() + " seeds)");
            f1.append(overRuns(verdicts, Verdict::f1, 3));
            precision.append(overRuns(verdicts, Verdict::precision, 3));
            recall.append(overRuns(verdicts, Verdict::recall, 3));
            falseAlarms.append(overRuns(verdicts, Verdict::falseAlarmsPerDay, 0));
            int fewest = verdicts.stream().mapToInt(Verdict::eventsDetected).min().orElseThrow();
            int most = verdicts.stream().mapToInt(Verdict::eventsDetected).max().orElseThrow();
            detected.append((fewest == most ? String.valueOf(most) : fewest + "–" + most) + " of " + verdicts.get(0).delays().length);
            List<String> perEvent = new ArrayList<>();
            for (int e = 0; e < verdicts.get(0).delays().length; e++) {
                TreeSet<Integer> seen = new TreeSet<>();
                for (Verdict v : verdicts) {
                    seen.add(v.delays()[e]);
                }
                perEvent.add(String.join("/", seen.stream().map(d -> d < 0 ? "missed" : String.valueOf(d)).toList()));
            }
            firstFlag.append(String.join(", ", perEvent));
        });
        return Table.create(title, detector, f1, precision, recall, falseAlarms, detected, firstFlag);
    }

    private static String overRuns(List<Verdict> verdicts, ToDoubleFunction<Verdict> score, int decimals) {
        double[] values = verdicts.stream().mapToDouble(score).toArray();
        return values.length == 1 ? String.format(Locale.ROOT, "%." + decimals + "f", values[0])
                : Spread.of(values).format(decimals);
    }

    private static double[][] checkedRows(double[][] rows, int minimum, String what) {
        if (rows == null || rows.length < minimum || rows[0] == null || rows[0].length == 0) {
            throw new IllegalArgumentException(what + ": need at least " + minimum + " rows of at least one column, got "
                    + (rows == null ? "null" : rows.length + " rows"));
        }
        for (int t = 0; t < rows.length; t++) {
            if (rows[t] == null || rows[t].length != rows[0].length) {
                throw new IllegalArgumentException(what + ": every row must have " + rows[0].length + " columns, row " + t
                        + " has " + (rows[t] == null ? "none" : rows[t].length));
            }
            for (int c = 0; c < rows[t].length; c++) {
                if (!Double.isFinite(rows[t][c])) {
                    throw new IllegalArgumentException(what + ": non-finite value " + rows[t][c] + " at row " + t
                            + ", column " + c);
                }
            }
        }
        return rows;
    }

    private static double[] column(double[][] rows, int c) {
        double[] column = new double[rows.length];
        for (int t = 0; t < rows.length; t++) {
            column[t] = rows[t][c];
        }
        return column;
    }
}
