package workbook.djl;

import workbook.data.WordVocabulary;
import workbook.model.CellKind;
import workbook.model.Fit;

import java.util.List;

/**
 * The whole recipe for classifying tokenized sentences with a recurrent network, so that it can be rerun with
 * other seeds or other data: a vocabulary of the training words seen at least {@code minCount} times (rarer ones
 * become {@code <unk>}), ids padded to {@code maxLength} with their lengths (masking), a trainable embedding, a
 * recurrent layer, and a dense head with one logit per class, trained with early stopping on the validation part.
 *
 * <pre>{@code
 * SentenceClassifier.Recipe recipe = SentenceClassifier.Recipe.lstm(16, 16).bidirectional(true)
 *         .minCount(2).maxLength(30).fit(Fit.epochs(15).learningRate(0.003).patience(2));
 * try (SentenceClassifier classifier = recipe.train(trainTokens, trainLabels, validationTokens, validationLabels, 42)) {
 *     int[] predicted = classifier.predict(testTokens);
 * }
 * }</pre>
 */
public final class SentenceClassifier implements AutoCloseable {

    /**
     * What to build and how to train it; immutable, every method returns a changed copy.
     *
     * @param embedding numbers per word vector
     * @param minCount  training occurrences a word needs to get its own vector
     * @param maxLength steps per padded sentence (longer ones are cut)
     */
    public record Recipe(CellKind kind, int embedding, int hidden, boolean bidirectional, int minCount, int maxLength,
                         Fit fit) {

        public Recipe {
            if (embedding < 1 || hidden < 1 || minCount < 1 || maxLength < 1) {
                throw new IllegalArgumentException("embedding, hidden, minCount and maxLength must be at least 1, got "
                        + embedding + ", " + hidden + ", " + minCount + ", " + maxLength);
            }
        }

        /** An LSTM over word vectors of {@code embedding} numbers: one direction, minCount 1, 30 steps, 10 epochs. */
        public static Recipe lstm(int embedding, int hidden) {
            return new Recipe(CellKind.LSTM, embedding, hidden, false, 1, 30, Fit.epochs(10));
        }

        public Recipe kind(CellKind kind) {
            return new Recipe(kind, embedding, hidden, bidirectional, minCount, maxLength, fit);
        }

        /** @deprecated the kind is {@link workbook.model.CellKind} now. */
        @Deprecated
        public Recipe kind(workbook.djl.CellKind kind) {
            return kind(kind.toCellKind());
        }

        public Recipe bidirectional(boolean bidirectional) {
            return new Recipe(kind, embedding, hidden, bidirectional, minCount, maxLength, fit);
        }

        public Recipe minCount(int minCount) {
            return new Recipe(kind, embedding, hidden, bidirectional, minCount, maxLength, fit);
        }

        public Recipe maxLength(int maxLength) {
            return new Recipe(kind, embedding, hidden, bidirectional, minCount, maxLength, fit);
        }

        /** Training options; their seed is replaced by the one given to {@link #train}. */
        public Recipe fit(Fit fit) {
            return new Recipe(kind, embedding, hidden, bidirectional, minCount, maxLength, fit);
        }

        /** @deprecated the options are {@link workbook.model.Fit} now. */
        @Deprecated
        public Recipe fit(workbook.djl.Fit fit) {
            return fit(fit.toFit());
        }

        /** Builds the vocabulary on the training sentences and trains a model seeded with {@code seed}. */
        public SentenceClassifier train(List<List<String>> trainTokens, int[] trainLabels,
                List<List<String>> validationTokens, int[] validationLabels, long seed) {
            return new SentenceClassifier(this, trainTokens, trainLabels, validationTokens, validationLabels, seed);
        }
    }

    private final Recipe recipe;
    private final WordVocabulary vocabulary;
    private final RecurrentModel model;
    private final History history;

    private SentenceClassifier(Recipe recipe, List<List<String>> trainTokens, int[] trainLabels,
            List<List<String>> validationTokens, int[] validationLabels, long seed) {
        if (trainTokens == null || trainLabels == null || trainTokens.size() != trainLabels.length) {
            throw new IllegalArgumentException("expected one label per training sentence, got "
                    + (trainTokens == null ? "null" : trainTokens.size()) + " sentences and "
                    + (trainLabels == null ? "null" : trainLabels.length) + " labels");
        }
        this.recipe = recipe;
        this.vocabulary = WordVocabulary.build(trainTokens, recipe.minCount());
        int classes = Math.max(2, java.util.Arrays.stream(trainLabels).max().orElse(1) + 1);
        this.model = RecurrentModel.of(recipe.kind(), recipe.hidden()).bidirectional(recipe.bidirectional())
                .embedding(vocabulary.size(), recipe.embedding()).classes(classes).seed(seed).build();
        try {
            WordVocabulary.Padded train = vocabulary.pad(trainTokens, recipe.maxLength());
            TrainData validation = null;
            if (validationTokens != null && !validationTokens.isEmpty()) {
                WordVocabulary.Padded v = vocabulary.pad(validationTokens, recipe.maxLength());
                validation = TrainData.ofTokenClasses(v.ids(), validationLabels, v.lengths());
            }
            this.history = model.fit(TrainData.ofTokenClasses(train.ids(), trainLabels, train.lengths()), validation,
                    recipe.fit().seed(seed));
        } catch (RuntimeException e) {
            model.close();   // the native memory of a model nobody will get to close
            throw e;
        }
    }

    /** Each sentence's logits, one per class. */
    public double[][] logits(List<List<String>> tokens) {
        WordVocabulary.Padded padded = vocabulary.pad(tokens, recipe.maxLength());
        return model.predict(padded.ids(), padded.lengths());
    }

    /** Each sentence's class: the largest logit. */
    public int[] predict(List<List<String>> tokens) {
        return workbook.classic.Classification.argmax(logits(tokens));
    }

    public Recipe recipe() {
        return recipe;
    }

    public WordVocabulary vocabulary() {
        return vocabulary;
    }

    /** The trained network: a way down to its weights and to {@link RecurrentModel#predict(int[][], int[])}. */
    public RecurrentModel model() {
        return model;
    }

    public History history() {
        return history;
    }

    @Override
    public void close() {
        model.close();
    }
}
