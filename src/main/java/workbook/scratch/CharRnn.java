package workbook.scratch;

import workbook.data.CharVocabulary;
import workbook.display.Interruption;
import workbook.model.DefaultSeed;
import workbook.model.Output;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A character-level language model in the spirit of Karpathy's min-char-rnn: one-hot characters in, a
 * vanilla tanh RNN, a dense layer to one logit per character, softmax cross-entropy, Adagrad. Training walks
 * through the text in chunks of {@code sequenceLength} characters (truncated BPTT): the hidden state is carried
 * from one chunk to the next, gradients stop at the chunk's start, and the weights are updated after every chunk.
 * <pre>{@code
 * CharRnn rnn = CharRnn.builder(text).hidden(100).sequenceLength(25).learningRate(0.1).seed(42).build();
 * double[] loss = rnn.train(2_000);            // 2,000 chunks of 25 characters; smoothed loss per chunk
 * System.out.println(rnn.sample("E", 200, 0.8, 1)); // 200 characters at temperature 0.8
 * }</pre>
 */
public final class CharRnn {
    private final String text;
    private final CharVocabulary vocabulary;
    private final int sequenceLength;
    private final Model model;
    /** Steps on one chunk at a time, clipping at the builder's norm. */
    private final Training training;
    private final Recurrent rnn;
    private final int vocabularySize;
    private final double[][] x;
    private final double[][] y;
    private double[][] hidden;
    private int position;
    private long charactersTrained;
    private double smoothLoss = Double.NaN;

    private CharRnn(Builder b) {
        this.text = b.text;
        vocabulary = CharVocabulary.of(text);
        vocabularySize = vocabulary.size();
        sequenceLength = b.sequenceLength;
        rnn = Recurrent.rnn(vocabularySize, b.hidden).seed(b.seed).build();
        model = Model.builder(rnn).outputs(vocabularySize).output(Output.EVERY_STEP).loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.adagrad(b.learningRate)).seed(b.seed).build();
        training = new Training(model.trainable(), b.clipNorm, 0, 1);
        x = new double[sequenceLength][vocabularySize];
        y = new double[sequenceLength][vocabularySize];
    }

    /** Starts a model of this text; its characters are the vocabulary. */
    public static Builder builder(String text) {
        return new Builder(text);
    }

    /** Options with min-char-rnn's defaults: hidden 100, sequence length 25, Adagrad learning rate 0.1, clipping at norm 5. */
    public static final class Builder {
        private final String text;
        private int hidden = 100;
        private int sequenceLength = 25;
        private double learningRate = 0.1;
        private double clipNorm = 5.0;
        private long seed = DefaultSeed.get();

        private Builder(String text) {
            if (text == null || text.length() < 2) {
                throw new IllegalArgumentException("a character model needs a text of at least 2 characters, got "
                        + (text == null ? "null" : text.length() + " characters"));
            }
            this.text = text;
        }

        public Builder hidden(int size) {
            this.hidden = size;
            return this;
        }

        public Builder sequenceLength(int length) {
            if (length < 1) {
                throw new IllegalArgumentException("sequence length must be at least 1, got " + length);
            }
            this.sequenceLength = length;
            return this;
        }

        public Builder learningRate(double rate) {
            this.learningRate = rate;
            return this;
        }

        /** Global gradient-norm clipping (0 = none). */
        public Builder clipGradientNorm(double maxNorm) {
            this.clipNorm = maxNorm;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public CharRnn build() {
            if (text.length() < sequenceLength + 1) {
                throw new IllegalArgumentException("sequence length " + sequenceLength + " needs a text of at least "
                        + (sequenceLength + 1) + " characters, got " + text.length());
            }
            return new CharRnn(this);
        }
    }

    /** The characters the model knows, in index order. */
    public char[] vocabulary() {
        return vocabulary.characters().toCharArray();
    }

    public Model model() {
        return model;
    }

    public long charactersTrained() {
        return charactersTrained;
    }

    /**
     * Trains on the next {@code chunks} chunks of the text (wrapping to the start, with a fresh state, at the end).
     * Returns the smoothed loss per character after each chunk (0.999 · previous + 0.001 · this chunk, as min-char-rnn).
     */
    public double[] train(int chunks) {
        double[] losses = new double[chunks];
        for (int k = 0; k < chunks; k++) {
            if (position + sequenceLength + 1 > text.length()) {
                position = 0;
                hidden = null;
            }
            for (int t = 0; t < sequenceLength; t++) {
                // x_t = one-hot(text[p + t]), target = one-hot(text[p + t + 1])
                Arrays.fill(x[t], 0.0);
                Arrays.fill(y[t], 0.0);
                x[t][vocabulary.id(text.charAt(position + t))] = 1.0;
                y[t][vocabulary.id(text.charAt(position + t + 1))] = 1.0;
            }
            double loss = training.step(x, y, sequenceLength, 1, hidden, null, 1, k + 1);
            hidden = rnn.finalHidden();
            smoothLoss = Double.isNaN(smoothLoss) ? loss : 0.999 * smoothLoss + 0.001 * loss;
            losses[k] = smoothLoss;
            position += sequenceLength;
            charactersTrained += sequenceLength;
            Interruption.checkpoint("chunk " + (k + 1) + " of " + chunks);
        }
        return losses;
    }

    /**
     * exp(mean −ln p(next character)) over {@code text}: the model reads it from a zero state and carries the
     * state through to the end, as it does in training; nothing is learned. A uniform guess scores the
     * vocabulary size, a perfect model 1.
     */
    public double perplexity(String text) {
        return perplexity(text, 1000);
    }

    /** {@link #perplexity(String)} reading {@code chunk} characters per forward call (the result does not depend on it). */
    double perplexity(String text, int chunk) {
        if (text == null || text.length() < 2) {
            throw new IllegalArgumentException("perplexity needs a text of at least 2 characters (one to read, one to predict), got "
                    + (text == null ? "null" : text.length() + " characters"));
        }
        double[][] h = null;
        double negativeLogLikelihood = 0;
        int predicted = 0;
        for (int start = 0; start + 1 < text.length(); start += chunk) {
            int steps = Math.min(chunk, text.length() - 1 - start);
            double[][] rows = new double[steps][vocabularySize];
            for (int t = 0; t < steps; t++) {
                rows[t][vocabulary.id(text.charAt(start + t))] = 1.0;
            }
            double[][] top = rnn.forwardRows(rows, steps, 1, h, null);
            h = rnn.finalHidden();
            double[][] logits = model.head().forward(top, 0, steps);
            for (int t = 0; t < steps; t++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : logits[t]) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (double v : logits[t]) {
                    sum += Math.exp(v - max);
                }
                // −ln p(next) = ln Σ_j e^{z_j} − z_next
                negativeLogLikelihood += max + Math.log(sum) - logits[t][vocabulary.id(text.charAt(start + t + 1))];
            }
            predicted += steps;
            Interruption.checkpoint("perplexity, " + predicted + " of " + (text.length() - 1) + " characters");
        }
        return Math.exp(negativeLogLikelihood / predicted);
    }

    /**
     * Generates {@code length} characters after feeding {@code prime} (characters of the vocabulary), sampling each
     * next character from softmax(logits / temperature): below 1 more conservative, above 1 more surprising.
     */
    public String sample(String prime, int length, double temperature, long seed) {
        if (prime == null || prime.isEmpty()) {
            throw new IllegalArgumentException("sampling needs at least one character to start from");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] h = null;
        double[][] one = new double[1][vocabularySize];
        StringBuilder out = new StringBuilder(length);
        int next = -1;
        for (int k = 0; k < prime.length() + length - 1; k++) {
            int ch = k < prime.length() ? vocabulary.id(prime.charAt(k)) : next;
            Arrays.fill(one[0], 0.0);
            one[0][ch] = 1.0;
            double[][] top = rnn.forwardRows(one, 1, 1, h, null);
            h = rnn.finalHidden();
            if (k < prime.length() - 1) {
                continue;
            }
            double[] logits = model.head().forward(top, 0, 1)[0];
            char sampled = vocabulary.sample(logits, temperature, random::nextDouble);
            next = vocabulary.id(sampled);
            out.append(sampled);
            Interruption.checkpoint("sampled " + out.length() + " characters");
        }
        return out.toString();
    }
}
