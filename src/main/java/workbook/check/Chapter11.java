package workbook.check;

import java.util.List;

/**
 * Checkers for notebook 11 (sentiment classification): the majority-class baseline, fitted on the training
 * labels only, and padding id sequences to one length. Each checker prints one {@link Check} verdict.
 */
public final class Chapter11 {

    private Chapter11() {
    }

    /** Accuracy on the test labels of always predicting the most common training label. */
    @FunctionalInterface
    public interface MajorityAccuracy {
        double apply(int[] trainLabels, int[] testLabels);
    }

    /** Each id sequence cut or filled with 0 (the padding id) to exactly {@code maxLength} ids. */
    @FunctionalInterface
    public interface Pad {
        int[][] apply(int[][] sequences, int maxLength);
    }

    /** The reference: the training majority (the smaller label on a tie), scored on the test labels. */
    static double majorityAccuracy(int[] trainLabels, int[] testLabels) {
        if (trainLabels.length == 0 || testLabels.length == 0) {
            throw new IllegalArgumentException("need at least one training and one test label");
        }
        int max = 0;
        for (int label : trainLabels) {
            max = Math.max(max, label);
        }
        int[] counts = new int[max + 1];
        for (int label : trainLabels) {
            counts[label]++;
        }
        int majority = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[majority]) {
                majority = c;
            }
        }
        int correct = 0;
        for (int label : testLabels) {
            correct += label == majority ? 1 : 0;
        }
        return correct / (double) testLabels.length;
    }

    /** The reference padding. */
    static int[][] pad(int[][] sequences, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
        int[][] padded = new int[sequences.length][maxLength];
        for (int i = 0; i < sequences.length; i++) {
            System.arraycopy(sequences[i], 0, padded[i], 0, Math.min(sequences[i].length, maxLength));
        }
        return padded;
    }

    /** Exercise 1: the majority-class baseline. */
    public static void exercise1(MajorityAccuracy answer) {
        check1(answer);
    }

    /** Exercise 1's check; true when it passed (the verdict line is printed either way). */
    static boolean check1(MajorityAccuracy answer) {
        record Case(String name, int[] train, int[] test) {
        }
        List<Case> cases = List.of(
                new Case("mostly positive training labels", new int[] {1, 1, 0, 1}, new int[] {1, 0, 0, 1, 1}),
                new Case("training majority differs from the test majority", new int[] {0, 0, 0, 1}, new int[] {1, 1, 1, 0}),
                new Case("three classes", new int[] {2, 2, 0, 1, 2}, new int[] {2, 0, 2, 1}),
                new Case("one test sentence", new int[] {0, 1, 1}, new int[] {0}));
        for (Case c : cases) {
            double expected = majorityAccuracy(c.train(), c.test());
            double got;
            try {
                got = answer.apply(c.train().clone(), c.test().clone());
            } catch (RuntimeException e) {
                return Chapter03.thrown(1, c.name(), e);
            }
            if (!Check.same(expected, got, 1e-12)) {
                String hint = Check.same(majorityAccuracy(c.test(), c.test()), got, 1e-12)
                        ? " (that is the majority of the TEST labels: the baseline may only learn from the training labels)" : "";
                return Check.notYet(1, "on \"" + c.name() + "\" (training labels " + Check.describe(c.train()) + ", test labels "
                        + Check.describe(c.test()) + "): expected " + expected + ", got " + got + hint);
            }
        }
        return Check.passed(1, "your majority-class baseline matches the reference on " + cases.size()
                + " inputs, one whose test majority differs included");
    }

    /** Exercise 2: padding to one length. */
    public static void exercise2(Pad answer) {
        check2(answer);
    }

    /** Exercise 2's check; true when it passed (the verdict line is printed either way). */
    static boolean check2(Pad answer) {
        record Args(int[][] sequences, int maxLength) {
        }
        return Check.exercise(2, "pad(sequences, maxLength)")
                .on("short sequences", new Args(new int[][] {{5, 6}, {7}}, 4))
                .on("one longer than maxLength (cut)", new Args(new int[][] {{1, 2, 3, 4, 5}, {9}}, 3))
                .on("an empty sequence", new Args(new int[][] {{}, {3, 4}}, 2))
                .on("maxLength 0 (not valid)", new Args(new int[][] {{1}}, 0))
                .compare(a -> answer.apply(copy(a.sequences()), a.maxLength()), a -> pad(a.sequences(), a.maxLength()));
    }

    private static int[][] copy(int[][] m) {
        int[][] out = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
