package workbook.data;

import workbook.data.Datasets.LabelledSentence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Labelled sentences split into training, validation and test parts with <em>no sentence in two parts</em>.
 * Two sentences count as the same when their tokens are ({@link WordTokenizer}: case and punctuation do not
 * matter), so "Great phone!" and "great phone." are one sentence. A repeated sentence would otherwise be in
 * training and in test, and the test would reward memorising it.
 *
 * <pre>{@code
 * SentenceSplit split = SentenceSplit.random(Datasets.sentiment(), 0.2, 0.1, 42);
 * split.duplicatesRemoved();        // repeats dropped before splitting (the first occurrence stays)
 * split.train(); split.validation(); split.test();
 * SentenceSplit domains = SentenceSplit.across(Datasets.sentiment(YELP), Datasets.sentiment(AMAZON), 0.1, 42);
 * }</pre>
 *
 * @param duplicatesRemoved sentences dropped because an identical one (same tokens) was kept
 */
public record SentenceSplit(List<LabelledSentence> train, List<LabelledSentence> validation,
                            List<LabelledSentence> test, int duplicatesRemoved) {

    public SentenceSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /**
     * Drops repeats (same tokens), keeps the first occurrence, shuffles with {@code seed}, then takes
     * {@code testShare} of the sentences as the test part and {@code validationShare} of the rest as the
     * validation part (both rounded down); the rest trains.
     */
    public static SentenceSplit random(List<LabelledSentence> sentences, double testShare, double validationShare,
            long seed) {
        checkShare("testShare", testShare);
        checkShare("validationShare", validationShare);
        List<LabelledSentence> distinct = distinct(sentences);
        Collections.shuffle(distinct, new Random(seed));
        int testSize = (int) (distinct.size() * testShare);
        int validationSize = (int) ((distinct.size() - testSize) * validationShare);
        if (distinct.size() - testSize - validationSize < 1 || testSize < 1) {
            throw new IllegalArgumentException(distinct.size() + " distinct sentences leave " + testSize + " to test and "
                    + (distinct.size() - testSize - validationSize) + " to train; each part needs at least one");
        }
        return new SentenceSplit(distinct.subList(testSize + validationSize, distinct.size()),
                distinct.subList(testSize, testSize + validationSize), distinct.subList(0, testSize),
                sentences.size() - distinct.size());
    }

    /**
     * Trains on one collection and tests on another (e.g. restaurant reviews → phone reviews): repeats are dropped
     * within each, a test sentence that also occurs in the training collection is dropped too (counted in
     * {@link #duplicatesRemoved()}), and {@code validationShare} of the shuffled training collection validates.
     */
    public static SentenceSplit across(List<LabelledSentence> trainOn, List<LabelledSentence> testOn,
            double validationShare, long seed) {
        checkShare("validationShare", validationShare);
        List<LabelledSentence> fit = distinct(trainOn);
        Set<String> seen = new HashSet<>();
        fit.forEach(s -> seen.add(key(s)));
        List<LabelledSentence> test = new ArrayList<>();
        for (LabelledSentence s : distinct(testOn)) {
            if (!seen.contains(key(s))) {
                test.add(s);
            }
        }
        Collections.shuffle(fit, new Random(seed));
        int validationSize = (int) (fit.size() * validationShare);
        if (fit.size() - validationSize < 1 || test.isEmpty()) {
            throw new IllegalArgumentException("need at least one training and one test sentence, got "
                    + (fit.size() - validationSize) + " and " + test.size());
        }
        int removed = trainOn.size() - fit.size() + testOn.size() - test.size();
        return new SentenceSplit(fit.subList(validationSize, fit.size()), fit.subList(0, validationSize), test, removed);
    }

    /** The sentences without repeats (same tokens), first occurrences in their original order. */
    public static List<LabelledSentence> distinct(List<LabelledSentence> sentences) {
        if (sentences == null || sentences.isEmpty()) {
            throw new IllegalArgumentException("no sentences to split (" + (sentences == null ? "null" : "empty list") + ")");
        }
        Map<String, LabelledSentence> first = new LinkedHashMap<>();
        for (LabelledSentence s : sentences) {
            first.putIfAbsent(key(s), s);
        }
        return new ArrayList<>(first.values());
    }

    /** What makes two sentences the same: their tokens. */
    private static String key(LabelledSentence s) {
        return String.join(" ", WordTokenizer.tokenize(s.text()));
    }

    private static void checkShare(String name, double share) {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + share);
        }
    }

    /** Each sentence's tokens ({@link WordTokenizer}). */
    public static List<List<String>> tokens(List<LabelledSentence> sentences) {
        List<List<String>> tokens = new ArrayList<>(sentences.size());
        sentences.forEach(s -> tokens.add(WordTokenizer.tokenize(s.text())));
        return tokens;
    }

    /** Each sentence's label. */
    public static int[] labels(List<LabelledSentence> sentences) {
        return sentences.stream().mapToInt(LabelledSentence::label).toArray();
    }
}
