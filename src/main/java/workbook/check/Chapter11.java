package workbook.check;

import workbook.classic.BagOfWords;
import workbook.classic.Classification;
import workbook.classic.NaiveBayes;
import workbook.data.Datasets;
import workbook.data.SentenceSplit;

import java.util.List;

/**
 * Checkers for notebook 11 (sentiment classification): the majority-class baseline, fitted on the training
 * labels only, padding id sequences to one length, and a bag of words chosen by the student, judged by naive
 * Bayes's accuracy on the held-out test sentences. Each checker prints one {@link Check} verdict.
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
        record Labels(int[] train, int[] test) {
        }
        return Check.exercise(1, "your majority-class baseline").tolerance(1e-12)
                .on("mostly positive training labels", new Labels(new int[] {1, 1, 0, 1}, new int[] {1, 0, 0, 1, 1}))
                .on("training majority differs from the test majority", new Labels(new int[] {0, 0, 0, 1}, new int[] {1, 1, 1, 0}))
                .on("three classes", new Labels(new int[] {2, 2, 0, 1, 2}, new int[] {2, 0, 2, 1}))
                .on("one test sentence", new Labels(new int[] {0, 1, 1}, new int[] {0}))
                .describedAs(c -> "training labels " + Check.describe(c.train()) + ", test labels " + Check.describe(c.test()))
                .hint((c, expected, got) -> Check.same(majorityAccuracy(c.test(), c.test()), got, 1e-12)
                        ? "that is the majority of the TEST labels: the baseline may only learn from the training labels" : null)
                .compare(c -> answer.apply(c.train().clone(), c.test().clone()), c -> majorityAccuracy(c.train(), c.test()));
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

    /** Exercise 3: the student's code, given the training sentences (tokens) and their labels only, chooses a bag of words. */
    @FunctionalInterface
    public interface FeatureDesign {
        BagOfWords design(List<List<String>> trainTokens, int[] trainLabels);
    }

    /** The notebook's split: a fifth of the distinct sentences for the test, a tenth of the rest for validation, seed 42. */
    static final double TEST_SHARE = 0.2, VALIDATION_SHARE = 0.1;
    static final long SPLIT_SEED = 42;
    static final int MAX_MIN_COUNT = 10;
    /** The goal: a test accuracy at least this much above naive Bayes on plain word counts. */
    static final double MARGIN = 0.02;

    /**
     * Exercise 3: naive Bayes on the student's bag of words, fitted on the notebook's training part, must reach a test
     * accuracy at least {@link #MARGIN} above naive Bayes on plain word counts. The student's code receives the
     * training sentences and labels only; the checker alone holds the test part.
     */
    public static void exercise3(FeatureDesign design) {
        check3(design);
    }

    static boolean check3(FeatureDesign design) {
        if (!Check.onShippedData(3)) {
            return false;
        }
        SentenceSplit split = SentenceSplit.random(Datasets.sentiment(), TEST_SHARE, VALIDATION_SHARE, SPLIT_SEED);
        List<List<String>> trainTokens = SentenceSplit.tokens(split.train());
        List<List<String>> testTokens = SentenceSplit.tokens(split.test());
        int[] trainLabels = SentenceSplit.labels(split.train());
        int[] testLabels = SentenceSplit.labels(split.test());
        List<List<String>> studentCopy = trainTokens.stream().map(List::copyOf).toList();
        BagOfWords chosen = Check.chosen(3, () -> design.design(studentCopy, trainLabels.clone()));
        if (chosen == null) {
            return false;
        }
        if (chosen.minCount() > MAX_MIN_COUNT) {
            return Check.notYet(3, "minCount must lie in 1.." + MAX_MIN_COUNT + " training occurrences (with more, most "
                    + "sentences keep no feature at all), got " + chosen.minCount());
        }
        double baseline = testAccuracy(BagOfWords.words(), trainTokens, trainLabels, testTokens, testLabels);
        double accuracy = testAccuracy(chosen, trainTokens, trainLabels, testTokens, testLabels);
        String summary = String.format(java.util.Locale.ROOT, "naive Bayes on %s: accuracy %.3f on the %d held-out test "
                        + "sentences; on plain word counts: %.3f; the goal: %.3f or more (%.2f above it)", chosen, accuracy,
                testLabels.length, baseline, baseline + MARGIN, MARGIN);
        if (accuracy >= baseline + MARGIN - 1e-12) {
            return Check.passed(3, summary);
        }
        return Check.notYet(3, summary + ". What does a bag of words lose that the hand-written sentences above "
                + "need? Compare your options on a part of the training sentences that you hold back.");
    }

    /** Naive Bayes on {@code words}, fitted on the training sentences, scored on the test sentences. */
    static double testAccuracy(BagOfWords words, List<List<String>> trainTokens, int[] trainLabels,
            List<List<String>> testTokens, int[] testLabels) {
        BagOfWords.Fitted features = words.fit(trainTokens);
        NaiveBayes bayes = NaiveBayes.fit(features.applyAll(trainTokens), trainLabels);
        int[] predicted = testTokens.stream().mapToInt(sentence -> bayes.predict(features.apply(sentence))).toArray();
        return Classification.accuracy(predicted, testLabels);
    }

    private static int[][] copy(int[][] m) {
        int[][] out = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
