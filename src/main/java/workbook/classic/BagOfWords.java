package workbook.classic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a bag-of-words classifier such as {@link NaiveBayes} counts in a tokenized sentence: its words, and
 * optionally its word pairs ("not good"), its words after a negation marked as such ("NOT_good" after "not", "no",
 * "never" or a word ending in "n't"), each feature once per sentence ({@code presence}) instead of as often as it
 * occurs, and only the features seen at least {@code minCount} times in the training sentences.
 * <pre>{@code
 * BagOfWords.Fitted features = new BagOfWords(1, true, true, false).fit(trainTokens);
 * NaiveBayes bayes = NaiveBayes.fit(features.applyAll(trainTokens), trainLabels);
 * int label = bayes.predict(features.apply(WordTokenizer.tokenize("not good at all")));
 * }</pre>
 */
public record BagOfWords(int minCount, boolean bigrams, boolean negation, boolean presence) {

    public BagOfWords {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1 (training occurrences a feature needs), got " + minCount);
        }
    }

    /** The plain bag of words: every word, as often as it occurs. */
    public static BagOfWords words() {
        return new BagOfWords(1, false, false, false);
    }

    /** Every feature of one sentence, before {@code minCount} and {@code presence} apply. */
    List<String> allFeatures(List<String> tokens) {
        List<String> features = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            String word = tokens.get(t);
            features.add(word);
            if (t > 0 && bigrams) {
                features.add(tokens.get(t - 1) + " " + word);
            }
            if (t > 0 && negation && isNegation(tokens.get(t - 1))) {
                features.add("NOT_" + word);
            }
        }
        return features;
    }

    static boolean isNegation(String word) {
        return word.equals("not") || word.equals("no") || word.equals("never") || word.endsWith("n't");
    }

    /** Counts the features of the training sentences, to keep those seen at least {@code minCount} times. */
    public Fitted fit(List<List<String>> trainTokens) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> sentence : trainTokens) {
            for (String feature : allFeatures(sentence)) {
                counts.merge(feature, 1, Integer::sum);
            }
        }
        Set<String> kept = new HashSet<>();
        counts.forEach((feature, count) -> {
            if (count >= minCount) {
                kept.add(feature);
            }
        });
        return new Fitted(this, Set.copyOf(kept));
    }

    /** The options with the features they keep; turns sentences into the features a classifier counts. */
    public record Fitted(BagOfWords options, Set<String> kept) {

        public List<String> apply(List<String> tokens) {
            List<String> features = new ArrayList<>();
            for (String feature : options.allFeatures(tokens)) {
                if (kept.contains(feature)) {
                    features.add(feature);
                }
            }
            return options.presence() ? new ArrayList<>(new LinkedHashSet<>(features)) : features;
        }

        /** {@link #apply} for each sentence. */
        public List<List<String>> applyAll(List<List<String>> sentences) {
            return sentences.stream().map(this::apply).toList();
        }
    }
}
