package workbook.classic;

import java.util.HashMap;
import java.util.Map;

/**
 * A symbol n-gram language model: p(next | the previous n−1 symbols), counted on training ids. The baseline a
 * recurrent language model has to beat to show that it uses more than the last few symbols.
 * <pre>{@code
 * NgramModel bigram = NgramModel.fit(vocabulary.encode(trainText), vocabulary.size(), 2);
 * double ppl = bigram.perplexity(vocabulary.encode(heldOutText));
 * }</pre>
 * Smoothing is Witten–Bell interpolation, which needs no tuning: with c(h) the count of context h, c(h, w) the
 * count of w after it and T(h) the number of distinct symbols seen after it,
 * <pre>
 *   p(w | h) = (c(h, w) + T(h) · p(w | h')) / (c(h) + T(h)),
 * </pre>
 * where h' is h without its oldest symbol; a context never seen in training falls back to p(w | h'). The
 * recursion ends at the add-one unigram of {@link UnigramModel}, so every symbol of the vocabulary gets a
 * positive probability and the probabilities after any context sum to 1. Order 1 is that unigram.
 */
public final class NgramModel {

    private final int order;
    private final int vocabularySize;
    private final UnigramModel unigram;
    /** Per context length k = 1..order−1: context key → [c(h), T(h)]. */
    private final Map<Long, int[]>[] contexts;
    /** Per context length k: (context key · V + symbol) → c(h, w). */
    private final Map<Long, Integer>[] followers;

    @SuppressWarnings("unchecked")
    private NgramModel(int[] ids, int vocabularySize, int order) {
        this.order = order;
        this.vocabularySize = vocabularySize;
        this.unigram = UnigramModel.fit(ids, vocabularySize);
        contexts = new Map[order];
        followers = new Map[order];
        for (int k = 1; k < order; k++) {
            contexts[k] = new HashMap<>();
            followers[k] = new HashMap<>();
            for (int t = k; t < ids.length; t++) {
                long context = key(ids, t - k, t);
                int[] stats = contexts[k].computeIfAbsent(context, c -> new int[2]);
                stats[0]++;
                if (followers[k].merge(context * vocabularySize + ids[t], 1, Integer::sum) == 1) {
                    stats[1]++;   // a symbol not seen after this context before
                }
            }
        }
    }

    /**
     * Counts the n-grams of {@code ids} (0..vocabularySize−1) up to length {@code order}: 1 = unigram,
     * 2 = bigram (the previous symbol as context), and so on.
     */
    public static NgramModel fit(int[] ids, int vocabularySize, int order) {
        if (order < 1) {
            throw new IllegalArgumentException("order must be at least 1 (1 = unigram, 2 = bigram), got " + order);
        }
        if (vocabularySize >= 1 && Math.pow(vocabularySize, order) >= Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("order " + order + " over " + vocabularySize
                    + " symbols is too long a context for this model (" + vocabularySize + "^" + order
                    + " keys do not fit a long)");
        }
        UnigramModel.fit(ids, vocabularySize);   // checks the ids and the vocabulary size, with their messages
        return new NgramModel(ids, vocabularySize, order);
    }

    public int order() {
        return order;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    /** p(symbol | context), using the last order−1 ids of {@code context} (fewer if it is shorter). */
    public double probability(int[] context, int symbol) {
        checkId(symbol, context.length, "symbol");
        for (int j = 0; j < context.length; j++) {
            checkId(context[j], j, "context id");
        }
        return probability(context, context.length, symbol);
    }

    /** p(ids[position] | the ids before it), with at most order−1 of them as context. */
    private double probability(int[] ids, int position, int symbol) {
        double p = unigram.probability(symbol);
        int longest = Math.min(order - 1, position);
        for (int k = 1; k <= longest; k++) {
            long context = key(ids, position - k, position);
            int[] stats = contexts[k].get(context);
            if (stats == null) {
                break;   // a longer context that contains this unseen one is unseen too
            }
            int count = followers[k].getOrDefault(context * vocabularySize + symbol, 0);
            p = (count + stats[1] * p) / (stats[0] + stats[1]);
        }
        return p;
    }

    /**
     * Mean −ln p over {@code ids}, in nats per symbol: each symbol predicted from the ids before it (the first
     * ones from shorter contexts).
     */
    public double crossEntropy(int[] ids) {
        if (ids == null || ids.length == 0) {
            throw new IllegalArgumentException("cross-entropy needs at least one id, got " + (ids == null ? "null" : "none"));
        }
        double sum = 0;
        for (int t = 0; t < ids.length; t++) {
            checkId(ids[t], t, "id");
            sum -= Math.log(probability(ids, t, ids[t]));
        }
        return sum / ids.length;
    }

    /** exp(cross-entropy): the number of equally likely symbols the model is, on average, choosing between. */
    public double perplexity(int[] ids) {
        return Math.exp(crossEntropy(ids));
    }

    /** The ids from..to−1 as one number, most recent symbol last (unique for contexts of equal length). */
    private long key(int[] ids, int from, int to) {
        long key = 0;
        for (int j = from; j < to; j++) {
            key = key * vocabularySize + ids[j];
        }
        return key;
    }

    private void checkId(int id, int position, String what) {
        if (id < 0 || id >= vocabularySize) {
            throw new IllegalArgumentException(what + " " + id + " at position " + position
                    + " is outside the vocabulary (ids 0.." + (vocabularySize - 1) + ")");
        }
    }

    @Override
    public String toString() {
        return "NgramModel[order " + order + ", " + vocabularySize + " symbols]";
    }
}
