package workbook.djl;

import workbook.data.CharVocabulary;
import workbook.display.Interruption;
import workbook.model.CellKind;
import workbook.model.Fit;
import workbook.model.Output;

import java.util.Arrays;
import java.util.Random;

/**
 * A character-level language model: a recurrent layer reads one-hot characters and predicts the next
 * character at every step (many-to-many, softmax over the vocabulary).
 *
 * <pre>{@code
 * try (CharLanguageModel lm = CharLanguageModel.on(text).cell(CellKind.LSTM).hidden(128).sequenceLength(32).build()) {
 *     History h = lm.fit(Fit.epochs(5));
 *     double ppl = lm.validationPerplexity();
 *     String s = lm.sample("The ", 200, 0.8, 1);
 * }
 * }</pre>
 * The first 90% of the text trains, the last 10% validates (chronological, no overlap).
 */
public final class CharLanguageModel implements AutoCloseable {

    private final CharVocabulary vocabulary;
    private final int sequenceLength;
    private final RecurrentModel model;
    private final TrainData train;
    private final TrainData validation;

    private CharLanguageModel(Builder b) {
        vocabulary = CharVocabulary.of(b.text);
        sequenceLength = b.sequenceLength;
        int split = (int) (b.text.length() * 0.9);
        if (split < sequenceLength + 1 || b.text.length() - split < sequenceLength + 1) {
            throw new IllegalArgumentException("the text has " + b.text.length() + " characters; with sequence length "
                    + sequenceLength + " it needs at least " + 10 * (sequenceLength + 1)
                    + " (90% training, 10% validation, each holding one sequence)");
        }
        // The text is held as one id per character; one-hot rows exist only for the batch being trained.
        int[] ids = vocabulary.encode(b.text);
        train = sequences(ids, 0, split);
        validation = sequences(ids, split, ids.length);
        model = RecurrentModel.of(b.kind, b.hidden).layers(b.layers).dropout(b.dropout)
                .output(Output.EVERY_STEP).classes(vocabulary.size()).seed(b.seed)
                .inputFeatures(vocabulary.size()).build();
    }

    public static Builder on(String text) {
        return new Builder(text);
    }

    /**
     * The recipe of notebook 10, which reaches a held-out perplexity near 4 on <i>Pride and Prejudice</i> in a few
     * epochs on a CPU: one-hot characters into an LSTM with 128 hidden units, sequences of 64 characters.
     * Train it with {@link #recipeFit(int)}; change the seed with {@code .seed(...)}.
     */
    public static Builder recipe(String text) {
        return on(text).cell(CellKind.LSTM).hidden(128).sequenceLength(64);
    }

    /** The training of {@link #recipe}: Adam with learning rate 0.02 on batches of 64 sequences, global-norm clipping at 5. */
    public static Fit recipeFit(int epochs) {
        return Fit.epochs(epochs).batchSize(64).learningRate(0.02).clipGradientNorm(5);
    }

    /** Options: LSTM, hidden 128, 1 layer, sequence length 32, no dropout, the default seed (42, {@link Seeds#use}). */
    public static final class Builder {
        private final String text;
        private CellKind kind = CellKind.LSTM;
        private int hidden = 128;
        private int layers = 1;
        private int sequenceLength = 32;
        private double dropout;
        private long seed = workbook.model.DefaultSeed.get();

        private Builder(String text) {
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("the text is empty: a language model needs characters to learn from");
            }
            this.text = text;
        }

        public Builder cell(CellKind kind) {
            this.kind = kind;
            return this;
        }

        /** @deprecated the kind is {@link workbook.model.CellKind} now. */
        @Deprecated
        public Builder cell(workbook.djl.CellKind kind) {
            return cell(kind.toCellKind());
        }

        public Builder hidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        public Builder layers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Characters per training sequence (truncated BPTT length). */
        public Builder sequenceLength(int sequenceLength) {
            this.sequenceLength = sequenceLength;
            return this;
        }

        public Builder dropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public CharLanguageModel build() {
            return new CharLanguageModel(this);
        }
    }

    /** Non-overlapping chunks of {@code ids[from, to)}: inputs are ids 0..L-1, labels ids 1..L; one-hot per batch. */
    private TrainData sequences(int[] ids, int from, int to) {
        int count = (to - from - 1) / sequenceLength;
        int[][] inputs = new int[count][];
        int[][] labels = new int[count][];
        for (int i = 0; i < count; i++) {
            int start = from + i * sequenceLength;
            inputs[i] = Arrays.copyOfRange(ids, start, start + sequenceLength);
            labels[i] = Arrays.copyOfRange(ids, start + 1, start + sequenceLength + 1);
        }
        return TrainData.ofOneHotStepClasses(inputs, vocabulary.size(), labels);
    }

    /** Trains on the first 90% of the text, validating on the rest. */
    public History fit(Fit fit) {
        return model.fit(train, validation, fit);
    }

    /** @deprecated the options are {@link workbook.model.Fit} now. */
    @Deprecated
    public History fit(workbook.djl.Fit fit) {
        return fit(fit.toFit());
    }

    /** exp(mean cross-entropy per character) on the validation text; the vocabulary size for a uniform guess. */
    public double validationPerplexity() {
        return Math.exp(model.evaluate(validation));
    }

    /**
     * Perplexity on any text written in this model's characters (e.g. held-out text the model never saw), read
     * as in training: consecutive chunks of {@code sequenceLength} characters, each from a zero state.
     */
    public double perplexity(String text) {
        if (text == null || text.length() < sequenceLength + 1) {
            throw new IllegalArgumentException("perplexity needs a text of at least " + (sequenceLength + 1)
                    + " characters (one sequence of " + sequenceLength + " and the character after it), got "
                    + (text == null ? "null" : text.length() + " characters"));
        }
        return Math.exp(model.evaluate(sequences(vocabulary.encode(text), 0, text.length())));
    }

    /** Perplexity on the training text. */
    public double trainPerplexity() {
        return Math.exp(model.evaluate(train));
    }

    /**
     * Continues {@code prompt} by {@code length} characters, each drawn from softmax(logits / temperature):
     * low temperatures repeat the likeliest characters, high ones approach uniform noise. The model reads
     * the last {@code sequenceLength} characters, the context length it was trained on.
     */
    public String sample(String prompt, int length, double temperature, long seed) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (prompt == null || prompt.isEmpty()) {
            throw new IllegalArgumentException("the prompt is empty: give at least one character to start from");
        }
        Random rng = new Random(seed);
        StringBuilder text = new StringBuilder(prompt);
        for (int n = 0; n < length; n++) {
            Interruption.checkpoint("sampling, character " + n);
            String context = text.substring(Math.max(0, text.length() - sequenceLength));
            double[][][] logits = model.predictSteps(new double[][][] {vocabulary.oneHot(context)}, null);
            text.append(vocabulary.sample(logits[0][context.length() - 1], temperature, rng::nextDouble));
        }
        return text.toString();
    }

    /** The characters of the text, in id order. */
    public String vocabulary() {
        return vocabulary.characters();
    }

    public RecurrentModel model() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
