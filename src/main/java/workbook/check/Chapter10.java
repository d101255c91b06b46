package workbook.check;

import workbook.classic.NgramModel;
import workbook.data.CharVocabulary;
import workbook.data.Datasets;
import workbook.scratch.CharRnn;
import workbook.scratch.TrainingDivergedException;


/**
 * Checkers for notebook 10 (a character language model): perplexity from the probabilities a model gave the
 * true characters, softmax at a temperature, the parameter count of a one-hot LSTM language model, and a
 * from-scratch RNN configured by the student, judged by its perplexity on held-out text. Each checker prints one
 * {@link Check} verdict.
 */
public final class Chapter10 {

    private Chapter10() {
    }

    /** Perplexity of a text from p(true next character) at every position. */
    @FunctionalInterface
    public interface Perplexity {
        double apply(double[] probabilities);
    }

    /** Probabilities softmax(logits / temperature). */
    @FunctionalInterface
    public interface TemperatureSoftmax {
        double[] apply(double[] logits, double temperature);
    }

    /** Parameters of one-hot input → LSTM(hidden) → dense(vocabulary), with PyTorch's/DJL's two bias vectors. */
    @FunctionalInterface
    public interface ParameterCount {
        long apply(int vocabulary, int hidden);
    }

    /** Exercise 4: the from-scratch character RNN as the student configures it (Adagrad, seed 42, min-char-rnn's clipping). */
    public record RnnChoice(int hidden, int sequenceLength, double learningRate) {
    }

    /** Exercise 4: the student's code, given the training text only (the book without its last 34,000 characters), chooses. */
    @FunctionalInterface
    public interface RnnDesign {
        RnnChoice design(String trainingText);
    }

    /** The notebook's held-out part: the book's last 34,000 characters. */
    static final int HELD_OUT = 34_000;
    /** What the checker trains: this many characters, whatever the sequence length. */
    static final int BUDGET = 100_000;
    static final int MAX_HIDDEN = 150, MIN_SEQUENCE = 5, MAX_SEQUENCE = 200;
    /** The goal: a held-out perplexity at least this much (relative) below the bigram's. */
    static final double IMPROVEMENT = 0.20;

    /**
     * Exercise 4: the checker builds the student's RNN on the training text, trains it on {@link #BUDGET} characters
     * and measures its perplexity on the book's last 34,000 characters, which only the checker holds; it passes when
     * that is at least {@link #IMPROVEMENT} below the perplexity of the bigram counts on the same text.
     */
    public static void exercise4(RnnDesign design) {
        check4(design);
    }

    static boolean check4(RnnDesign design) {
        if (!Check.onShippedData(4)) {
            return false;
        }
        String book = Datasets.pridePrejudice();
        String trainText = book.substring(0, book.length() - HELD_OUT);
        RnnChoice chosen = Check.chosen(4, () -> design.design(trainText));
        if (chosen == null) {
            return false;
        }
        if (chosen.hidden() < 1 || chosen.hidden() > MAX_HIDDEN) {
            return Check.notYet(4, "hidden must lie in 1.." + MAX_HIDDEN + " units (a larger one does not train within "
                    + "the notebook's time), got " + chosen.hidden());
        }
        if (chosen.sequenceLength() < MIN_SEQUENCE || chosen.sequenceLength() > MAX_SEQUENCE) {
            return Check.notYet(4, "sequenceLength must lie in " + MIN_SEQUENCE + ".." + MAX_SEQUENCE + " characters (shorter "
                    + "chunks mean so many updates that the run does not fit the notebook's time), got " + chosen.sequenceLength());
        }
        if (!(chosen.learningRate() > 0 && chosen.learningRate() <= 10)) {
            return Check.notYet(4, "learningRate must lie in (0, 10], got " + chosen.learningRate());
        }
        CharVocabulary vocabulary = CharVocabulary.of(trainText);
        String heldOut = vocabulary.retainKnown(book.substring(book.length() - HELD_OUT));
        double bigram = NgramModel.fit(vocabulary.encode(trainText), vocabulary.size(), 2).perplexity(vocabulary.encode(heldOut));
        CharRnn rnn = CharRnn.builder(trainText).hidden(chosen.hidden()).sequenceLength(chosen.sequenceLength())
                .learningRate(chosen.learningRate()).seed(42).build();
        try {
            rnn.train(BUDGET / chosen.sequenceLength());
        } catch (TrainingDivergedException e) {
            return Check.notYet(4, chosen + ": " + e.getMessage());
        }
        double perplexity = rnn.perplexity(heldOut);
        double needed = (1 - IMPROVEMENT) * bigram;
        String summary = String.format(java.util.Locale.ROOT, "%s, trained on %,d characters: held-out perplexity %.2f; "
                        + "bigram counts: %.2f; the goal: %.2f or less (%.0f%% below the bigram)", chosen,
                rnn.charactersTrained(), perplexity, bigram, needed, 100 * IMPROVEMENT);
        if (perplexity <= needed) {
            return Check.passed(4, summary);
        }
        return Check.notYet(4, summary + ". Watch the smoothed loss of a short run on your training text: does it "
                + "fall quickly, or crawl, or jump about?");
    }

    /** The reference perplexity: exp(−mean ln p), computed on logarithms so that long texts do not underflow. */
    static double perplexity(double[] probabilities) {
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("perplexity of no characters is undefined");
        }
        double sum = 0;
        for (double p : probabilities) {
            sum += Math.log(p);
        }
        return Math.exp(-sum / probabilities.length);
    }

    /** The reference softmax at a temperature: the one the character models sample from. */
    static double[] softmax(double[] logits, double temperature) {
        return CharVocabulary.softmax(logits, temperature);
    }

    /** The reference count: LSTM 4H·V + 4H·H + 4H + 4H, head H·V + V. */
    static long parameterCount(int vocabulary, int hidden) {
        long v = vocabulary;
        long h = hidden;
        return 4 * h * v + 4 * h * h + 2 * 4 * h + h * v + v;
    }

    /** Exercise 1: perplexity from the probabilities of the true characters. */
    public static void exercise1(Perplexity perplexity) {
        check1(perplexity);
    }

    /** Exercise 1's check; true when it passed (the verdict line is printed either way). */
    static boolean check1(Perplexity perplexity) {
        double[] uniform = new double[75];
        java.util.Arrays.fill(uniform, 1.0 / 75);
        double[] longText = new double[10_000];
        java.util.Arrays.fill(longText, 0.2);
        return Check.exercise(1, "your perplexity exp(−mean ln p)")
                .on("a certain model (every p = 1)", new double[] {1, 1, 1})
                .on("uniform over 75 characters", uniform)
                .on("three different probabilities", new double[] {0.5, 0.25, 0.125})
                .on("10,000 characters at p = 0.2 (their product underflows to 0)", longText)
                .on("one character the model called impossible (p = 0)", new double[] {0.5, 0.0, 0.5})
                .on("no characters (an empty array: a mean over nothing is undefined)", new double[0])
                .describedAs(p -> "probabilities " + Check.describe(p))
                .hint((p, expected, got) -> Check.same(1 / (Double) expected, got, 1e-9)
                        ? "that is 1 / perplexity: perplexity is exp of MINUS the mean log-probability" : null)
                .hint((p, expected, got) -> p.length == longText.length
                        ? "multiplying 10,000 probabilities underflows; average their logarithms instead" : null)
                .compare(p -> perplexity.apply(p.clone()), Chapter10::perplexity);
    }

    /** Exercise 2: softmax at a temperature. */
    public static void exercise2(TemperatureSoftmax softmax) {
        check2(softmax);
    }

    /** Exercise 2's check; true when it passed (the verdict line is printed either way). */
    static boolean check2(TemperatureSoftmax softmax) {
        record Args(double[] logits, double temperature) {
        }
        return Check.exercise(2, "softmax(logits / temperature)").tolerance(1e-12)
                .on("temperature 1", new Args(new double[] {2.0, 1.0, 0.0}, 1.0))
                .on("temperature 0.5 (sharper)", new Args(new double[] {2.0, 1.0, 0.0}, 0.5))
                .on("temperature 3 (flatter)", new Args(new double[] {2.0, 1.0, 0.0, -1.0}, 3.0))
                .on("large logits (e^1000 overflows a double)", new Args(new double[] {1000.0, 999.0, 990.0}, 0.7))
                .on("temperature 0 (not a valid temperature)", new Args(new double[] {1.0, 2.0}, 0.0))
                .compare(a -> softmax.apply(a.logits().clone(), a.temperature()), a -> softmax(a.logits(), a.temperature()));
    }

    /** Exercise 3: the parameters of a one-hot LSTM language model. */
    public static void exercise3(ParameterCount count) {
        check3(count);
    }

    /** Exercise 3's check; true when it passed (the verdict line is printed either way). */
    static boolean check3(ParameterCount count) {
        record Sizes(int vocabulary, int hidden) {
        }
        return Check.exercise(3, "your count of the LSTM language model's parameters")
                .on("vocabulary 75, hidden 64", new Sizes(75, 64))
                .on("vocabulary 75, hidden 128", new Sizes(75, 128))
                .on("vocabulary 5000, hidden 64", new Sizes(5000, 64))
                .on("vocabulary 2, hidden 1", new Sizes(2, 1))
                .describedAs(c -> "count(" + c.vocabulary() + ", " + c.hidden() + ")")
                .hint((c, expected, got) -> countHint(c.vocabulary(), c.hidden(), (Long) expected, (Long) got))
                .compare(c -> count.apply(c.vocabulary(), c.hidden()), c -> parameterCount(c.vocabulary(), c.hidden()));
    }

    /** What a count that is off by a typical amount forgot, or null. */
    private static String countHint(long v, long h, long expected, long got) {
        if (got == expected - 4 * h) {
            return "PyTorch and DJL keep two bias vectors per gate block, b_ih and b_hh";
        }
        if (got == expected - (h * v + v)) {
            return "the dense head from the hidden state to one logit per character has parameters too";
        }
        if (got * 4 == (4 * h * v + 4 * h * h + 8 * h) * 3 + 4 * (h * v + v)) {
            return "an LSTM has four gate blocks, i, f, g, o; three is a GRU";
        }
        return null;
    }
}
