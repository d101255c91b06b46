package workbook.classic;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multinomial naive Bayes on word counts, the classic bag-of-words baseline for text classification: each class
 * has a prior p(c) and a word distribution p(w | c) (add-one smoothed over the training vocabulary); a sentence
 * gets the class with the largest ln p(c) + Σ_w ln p(w | c). Word order is ignored entirely, which is
 * exactly what makes it a useful baseline for a sequence model.
 * <pre>{@code
 * NaiveBayes bayes = NaiveBayes.fit(trainTokens, trainLabels);
 * int label = bayes.predict(WordTokenizer.tokenize("not good at all"));
 * }</pre>
 * Words never seen in training are skipped (they carry no evidence).
 */
public final class NaiveBayes {

    private final int classes;
    private final double[] logPrior;
    private final Map<String, double[]> logLikelihood;
    private final double[] logUnseen;

    private NaiveBayes(int classes, double[] logPrior, Map<String, double[]> logLikelihood, double[] logUnseen) {
        this.classes = classes;
        this.logPrior = logPrior;
        this.logLikelihood = logLikelihood;
        this.logUnseen = logUnseen;
    }

    /** Fits on tokenized sentences and their labels 0..k-1. */
    public static NaiveBayes fit(List<List<String>> sentences, int[] labels) {
        if (sentences == null || labels == null || sentences.size() != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("expected one label per sentence and at least one sentence, got "
                    + (sentences == null ? "null" : sentences.size()) + " sentences and "
                    + (labels == null ? "null" : labels.length) + " labels");
        }
        int classes = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + "; class labels start at 0");
            }
            classes = Math.max(classes, labels[i] + 1);
        }
        final int classCount = classes;
        double[] documents = new double[classes];
        double[] totalWords = new double[classes];
        Map<String, double[]> counts = new HashMap<>();
        Set<String> vocabulary = new HashSet<>();
        for (int i = 0; i < labels.length; i++) {
            documents[labels[i]]++;
            for (String word : sentences.get(i)) {
                counts.computeIfAbsent(word, w -> new double[classCount])[labels[i]]++;
                totalWords[labels[i]]++;
                vocabulary.add(word);
            }
        }
        int v = vocabulary.size();
        double[] logPrior = new double[classes];
        double[] logUnseen = new double[classes];
        for (int c = 0; c < classes; c++) {
            logPrior[c] = Math.log(documents[c] / labels.length);
            logUnseen[c] = Math.log(1.0 / (totalWords[c] + v));
        }
        Map<String, double[]> logLikelihood = new HashMap<>();
        for (Map.Entry<String, double[]> entry : counts.entrySet()) {
            double[] l = new double[classes];
            for (int c = 0; c < classes; c++) {
                // p(w | c) = (count(w, c) + 1) / (words in c + V)
                l[c] = Math.log((entry.getValue()[c] + 1) / (totalWords[c] + v));
            }
            logLikelihood.put(entry.getKey(), l);
        }
        return new NaiveBayes(classes, logPrior, logLikelihood, logUnseen);
    }

    /** ln p(c) + Σ ln p(w | c) per class (unnormalised log-posterior); unseen words skipped. */
    public double[] scores(List<String> tokens) {
        double[] scores = logPrior.clone();
        for (String word : tokens) {
            double[] l = logLikelihood.get(word);
            if (l != null) {
                for (int c = 0; c < classes; c++) {
                    scores[c] += l[c];
                }
            }
        }
        return scores;
    }

    /** The class with the largest score (the smaller label on a tie). */
    public int predict(List<String> tokens) {
        double[] s = scores(tokens);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (s[c] > s[best]) {
                best = c;
            }
        }
        return best;
    }

    /** p(w | c), smoothed; for a word never seen in training, the smoothed probability of a zero count. */
    public double wordProbability(String word, int label) {
        double[] l = logLikelihood.get(word);
        return Math.exp(l == null ? logUnseen[label] : l[label]);
    }

    public int classes() {
        return classes;
    }
}
