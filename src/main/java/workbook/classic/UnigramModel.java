package workbook.classic;

/**
 * The simplest language model: every symbol is drawn independently with its training frequency, whatever
 * came before. Its perplexity is the bar a sequence model has to clear — whatever it gains beyond it comes
 * from context.
 * <pre>{@code
 * UnigramModel unigram = UnigramModel.fit(vocabulary.encode(trainText), vocabulary.size());
 * double ppl = unigram.perplexity(vocabulary.encode(heldOutText));
 * }</pre>
 * Probabilities are add-one (Laplace) smoothed, p(k) = (count(k) + 1) / (n + V), so a symbol the training
 * ids never showed still gets a finite loss.
 */
public final class UnigramModel {

    private final double[] probabilities;

    private UnigramModel(double[] probabilities) {
        this.probabilities = probabilities;
    }

    /** Counts the ids 0..vocabularySize-1 in {@code ids}. */
    public static UnigramModel fit(int[] ids, int vocabularySize) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("vocabulary size must be at least 1, got " + vocabularySize);
        }
        if (ids == null || ids.length == 0) {
            throw new IllegalArgumentException("a unigram model needs at least one training id, got "
                    + (ids == null ? "null" : "none"));
        }
        double[] counts = new double[vocabularySize];
        for (int i = 0; i < ids.length; i++) {
            checkId(ids[i], i, vocabularySize);
            counts[ids[i]]++;
        }
        for (int k = 0; k < vocabularySize; k++) {
            counts[k] = (counts[k] + 1) / (ids.length + vocabularySize);
        }
        return new UnigramModel(counts);
    }

    public int vocabularySize() {
        return probabilities.length;
    }

    /** p(k), smoothed. */
    public double probability(int id) {
        checkId(id, 0, probabilities.length);
        return probabilities[id];
    }

    /** Mean −ln p(id) over {@code ids}, in nats per symbol. */
    public double crossEntropy(int[] ids) {
        if (ids == null || ids.length == 0) {
            throw new IllegalArgumentException("cross-entropy needs at least one id, got " + (ids == null ? "null" : "none"));
        }
        double sum = 0;
        for (int i = 0; i < ids.length; i++) {
            checkId(ids[i], i, probabilities.length);
            sum -= Math.log(probabilities[ids[i]]);
        }
        return sum / ids.length;
    }

    /** exp(cross-entropy): the number of equally likely symbols the model is, on average, choosing between. */
    public double perplexity(int[] ids) {
        return Math.exp(crossEntropy(ids));
    }

    /** A copy of the smoothed probabilities, by id. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    private static void checkId(int id, int position, int size) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("id " + id + " at position " + position + " is outside the vocabulary (ids 0.."
                    + (size - 1) + ")");
        }
    }
}
