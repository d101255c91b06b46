package workbook.check;

import workbook.classic.Detection;

import java.util.Arrays;

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
