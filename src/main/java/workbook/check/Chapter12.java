package workbook.check;

import tech.tablesaw.api.Table;
import workbook.classic.Detection;
import workbook.data.Columns;
import workbook.data.Datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checkers for the exercises of notebook 12 (anomaly detection). Each runs the student's function and the
 * workbook's reference ({@link Detection}) on several inputs, edge cases included, and prints one verdict line
 * through {@link Check}.
 *
 * <pre>{@code
 * Chapter12.PrecisionRecall scores = (flags, labels) -> ...;   // {precision, recall, F1}
 * Chapter12.exercise1(scores);
 * }</pre>
 */
public final class Chapter12 {

    private Chapter12() {
    }

    /** Exercise 1: {precision, recall, F1} of flags against labels (1 = anomaly). */
    @FunctionalInterface
    public interface PrecisionRecall {
        double[] scores(boolean[] flags, int[] labels);
    }

    /** Exercise 2: the {@code q}-quantile of normal scores, linear between order statistics. */
    @FunctionalInterface
    public interface QuantileThreshold {
        double threshold(double[] normalScores, double q);
    }

    /** Inputs of exercise 1. */
    public record Flagged(boolean[] flags, int[] labels) {
    }

    /** Inputs of exercise 2. */
    public record Quantile(double[] normalScores, double q) {
    }

    /** Exercise 1: precision = TP / (TP + FP) (NaN if nothing flagged), recall = TP / (TP + FN), F1 = 2TP / (2TP + FP + FN). */
    public static void exercise1(PrecisionRecall answer) {
        check1(answer);
    }

    static boolean check1(PrecisionRecall answer) {
        return Check.exercise(1, "precision, recall and F1").tolerance(1e-9)
                .on("two of three anomalies found, one false alarm",
                        new Flagged(new boolean[]{true, true, false, false, true, false}, new int[]{1, 0, 1, 0, 1, 0}))
                .on("one of four found, no false alarm",
                        new Flagged(new boolean[]{true, false, false, false, false, false}, new int[]{1, 1, 1, 1, 0, 0}))
                .on("nothing flagged (precision undefined: NaN)",
                        new Flagged(new boolean[]{false, false, false, false}, new int[]{0, 1, 1, 0}))
                .on("everything flagged", new Flagged(new boolean[]{true, true, true, true, true}, new int[]{0, 0, 1, 0, 0}))
                .on("an event flagged late", eventFlaggedLate())
                .compare(in -> answer.scores(in.flags().clone(), in.labels().clone()), Chapter12::reference1);
    }

    /** Exercise 2: Detection.quantileThreshold (numpy's default linear interpolation); q outside (0, 1) throws. */
    public static void exercise2(QuantileThreshold answer) {
        check2(answer);
    }

    static boolean check2(QuantileThreshold answer) {
        return Check.exercise(2, "quantileThreshold(normalScores, q)").tolerance(1e-9)
                .on("the median of an odd count", new Quantile(new double[]{5, 1, 3}, 0.5))
                .on("between two order statistics", new Quantile(new double[]{3, 1, 4, 1, 5, 9, 2, 6}, 0.9))
                .on("a low quantile", new Quantile(new double[]{3, 1, 4, 1, 5, 9, 2, 6}, 0.25))
                .on("a single score", new Quantile(new double[]{2.5}, 0.99))
                .on("1000 residual-like scores at 0.999", new Quantile(residualLike(), 0.999))
                .on("q = 1.5 (not a quantile)", new Quantile(new double[]{1, 2, 3}, 1.5))
                .compare(in -> answer.threshold(in.normalScores().clone(), in.q()),
                        in -> Detection.quantileThreshold(in.normalScores(), in.q()));
    }

    /** The anomaly scores a student can choose from in exercise 3. */
    public enum Score {
        /** {@link Detection#rollingZScores}: distance from the mean of the last {@code window} readings, in their standard deviations. */
        ROLLING_Z,
        /** {@link Detection#persistenceScores}, then the largest of the last {@code window} of them (1: the change alone). */
        CHANGES
    }

    /** Exercise 3: a detector, as the student configures it; the threshold is its {@code quantile} of the validation scores. */
    public record Detector(Score score, int window, double quantile) {
    }

    /** Exercise 3: the student's code, given each mote's readings before the test period only, returns a detector. */
    @FunctionalInterface
    public interface DetectorDesign {
        Detector design(List<double[][]> readingsBeforeTest);
    }

    /** The motes, the periods and the baseline of exercise 3: the notebook's. */
    static final int[] MOTES = {1, 4};
    static final int TRAIN_END = 1500, TEST_START = 2000;
    static final double SECONDS_PER_READING = 5;
    static final Detector BASELINE = new Detector(Score.ROLLING_Z, 60, 0.999);
    /** How far above the baseline's F1 a detector must score to pass, and the most false alarms a day it may raise. */
    static final double MARGIN = 0.05, MAX_FALSE_ALARMS_PER_DAY = 200;

    /**
     * Exercise 3: the student's detector, scored on the test period of motes 1 and 4 (readings 2001 to the end), must
     * reach an F1 at least {@link #MARGIN} above the rolling z-score (60 readings, threshold at the 0.999-quantile)
     * and raise at most {@link #MAX_FALSE_ALARMS_PER_DAY} false alarms a day.
     * The student's code receives the readings before the test period only; the checker computes the scores, sets
     * the threshold on the validation readings and counts on the labelled test readings it alone holds.
     */
    public static void exercise3(DetectorDesign design) {
        check3(design);
    }

    static boolean check3(DetectorDesign design) {
        List<double[][]> rows = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        if (!Check.onShippedData(3)) {
            return false;
        }
        Table sensors = Datasets.sensorNetwork();
        for (int mote : MOTES) {
            Table readings = sensors.where(sensors.intColumn("mote_id").isEqualTo(mote)).sortAscendingOn("reading");
            rows.add(Columns.matrix(readings, List.of("temperature", "humidity")));
            labels.add(readings.intColumn("label").asIntArray());
        }
        List<double[][]> beforeTest = rows.stream().map(r -> deepCopy(Arrays.copyOf(r, TEST_START))).toList();
        Detector chosen = Check.chosen(3, () -> design.design(beforeTest));
        if (chosen == null) {
            return false;
        }
        String invalid = invalid(chosen);
        if (invalid != null) {
            return Check.notYet(3, invalid);
        }
        Detection.Verdict baseline = evaluate(BASELINE, rows, labels);
        Detection.Verdict verdict = evaluate(chosen, rows, labels);
        String result = String.format(java.util.Locale.ROOT, "%s on the held-out test readings: F1 %.3f (precision %.3f, "
                        + "recall %.3f, %.0f false alarms a day); the rolling z-score (60 readings): F1 %.3f",
                chosen, verdict.f1(), verdict.precision(), verdict.recall(), verdict.falseAlarmsPerDay(), baseline.f1());
        String goal = String.format(java.util.Locale.ROOT, "the goal: F1 %.3f or more (%.2f above it) with at most %.0f "
                + "false alarms a day", baseline.f1() + MARGIN, MARGIN, MAX_FALSE_ALARMS_PER_DAY);
        if (verdict.f1() < baseline.f1() + MARGIN) {
            return Check.notYet(3, result + "; " + goal + ". Look at what happens inside an event in section 4: which "
                    + "score stays high for its whole length?");
        }
        if (verdict.falseAlarmsPerDay() > MAX_FALSE_ALARMS_PER_DAY) {
            return Check.notYet(3, result + "; " + goal + ": too many false alarms (a shorter window, or a higher "
                    + "quantile, raises fewer)");
        }
        return Check.passed(3, result + "; " + goal);
    }

    /** The verdict of a detector on the test period, threshold from the validation period. */
    static Detection.Verdict evaluate(Detector detector, List<double[][]> rows, List<int[]> labels) {
        List<double[]> scores = rows.stream().map(r -> scores(detector, r)).toList();
        return Detection.evaluate(scores, labels, TRAIN_END, TEST_START, detector.quantile(), SECONDS_PER_READING);
    }

    static double[] scores(Detector detector, double[][] rows) {
        if (detector.score() == Score.ROLLING_Z) {
            return Detection.rollingZScores(rows, detector.window());
        }
        double[] changes = Detection.persistenceScores(rows, TRAIN_END);
        double[] largest = new double[changes.length];
        for (int t = 0; t < changes.length; t++) {
            largest[t] = Double.NaN;
            for (int s = Math.max(0, t - detector.window() + 1); s <= t; s++) {
                if (!Double.isNaN(changes[s]) && !(changes[s] <= largest[t])) {
                    largest[t] = changes[s];
                }
            }
        }
        return largest;
    }

    /** Why a detector cannot be scored, or null when it can. */
    static String invalid(Detector detector) {
        if (detector.score() == null) {
            return "the detector needs a score, Score.ROLLING_Z or Score.CHANGES, got null";
        }
        int smallest = detector.score() == Score.ROLLING_Z ? 2 : 1;
        if (detector.window() < smallest || detector.window() > TRAIN_END) {
            return "the window of " + detector.score() + " must lie in " + smallest + ".." + TRAIN_END + " readings, got "
                    + detector.window();
        }
        if (!(detector.quantile() > 0 && detector.quantile() < 1)) {
            return "the quantile must lie strictly between 0 and 1, got " + detector.quantile();
        }
        return null;
    }

    private static double[][] deepCopy(double[][] rows) {
        return Arrays.stream(rows).map(double[]::clone).toArray(double[][]::new);
    }

    static double[] reference1(Flagged in) {
        Detection.Confusion c = Detection.confusion(in.flags(), in.labels());
        return new double[]{c.precision(), c.recall(), c.f1()};
    }

    private static Flagged eventFlaggedLate() {
        int[] labels = new int[40];
        Arrays.fill(labels, 10, 30, 1);
        boolean[] flags = new boolean[40];
        for (int i = 25; i < 33; i++) {
            flags[i] = true;   // the last 5 readings of the event, then 3 after it
        }
        flags[2] = true;
        return new Flagged(flags, labels);
    }

    private static double[] residualLike() {
        java.util.Random random = new java.util.Random(12);
        double[] scores = new double[1000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.abs(random.nextGaussian());
        }
        return scores;
    }
}
