package workbook.check;

import workbook.scratch.Parameter;
import workbook.scratch.Recurrent;

import java.util.Arrays;

/**
 * Checkers for the exercises of notebook 14 (the FAQ lab). Each runs the student's function and a reference on
 * several inputs, edge cases included, and prints one verdict line through {@link Check}.
 *
 * <pre>{@code
 * Chapter14.ParameterCount count = (kind, input, hidden, layers, bidirectional) -> ...;
 * Chapter14.exercise1(count);
 * }</pre>
 */
public final class Chapter14 {

    private Chapter14() {
    }

    /** Exercise 1: weights and biases of a (possibly stacked, possibly bidirectional) recurrent layer. */
    @FunctionalInterface
    public interface ParameterCount {
        long count(Recurrent.Kind kind, int input, int hidden, int layers, boolean bidirectional);
    }

    /** Exercise 2: the shortest padded length that leaves at least {@code fraction} of the sentences uncut. */
    @FunctionalInterface
    public interface PaddingLength {
        int length(int[] sentenceLengths, double fraction);
    }

    /** Inputs of exercise 1. */
    public record Architecture(Recurrent.Kind kind, int input, int hidden, int layers, boolean bidirectional) {
    }

    /** Inputs of exercise 2. */
    public record Coverage(int[] sentenceLengths, double fraction) {
    }

    /** Exercise 1: the count is checked against the weights of real from-scratch networks. */
    public static void exercise1(ParameterCount answer) {
        check1(answer);
    }

    static boolean check1(ParameterCount answer) {
        return Check.exercise(1, "parameterCount(kind, input, hidden, layers, bidirectional)")
                .on("GRU, 1 layer", new Architecture(Recurrent.Kind.GRU, 5, 32, 1, false))
                .on("LSTM, 1 layer", new Architecture(Recurrent.Kind.LSTM, 5, 32, 1, false))
                .on("LSTM, 2 layers", new Architecture(Recurrent.Kind.LSTM, 3, 16, 2, false))
                .on("GRU, bidirectional", new Architecture(Recurrent.Kind.GRU, 4, 8, 1, true))
                .on("LSTM, 3 layers, bidirectional", new Architecture(Recurrent.Kind.LSTM, 7, 10, 3, true))
                .on("plain RNN, 2 layers, bidirectional", new Architecture(Recurrent.Kind.RNN_TANH, 1, 6, 2, true))
                .compare(in -> answer.count(in.kind(), in.input(), in.hidden(), in.layers(), in.bidirectional()),
                        Chapter14::countInRealNetwork);
    }

    /** Exercise 2: smallest L with #(length ≤ L) ≥ fraction · n; fraction outside (0, 1] or no sentences throws. */
    public static void exercise2(PaddingLength answer) {
        check2(answer);
    }

    static boolean check2(PaddingLength answer) {
        return Check.exercise(2, "paddingLength(sentenceLengths, fraction)")
                .on("90% of ten lengths", new Coverage(new int[]{12, 3, 7, 25, 9, 4, 14, 6, 8, 40}, 0.9))
                .on("half of them", new Coverage(new int[]{12, 3, 7, 25, 9, 4, 14, 6, 8, 40}, 0.5))
                .on("all of them", new Coverage(new int[]{5, 2, 9, 3}, 1.0))
                .on("a fraction between two sentences", new Coverage(new int[]{5, 2, 9, 3, 7, 1, 8}, 0.6))
                .on("all sentences of one length", new Coverage(new int[]{6, 6, 6, 6, 6}, 0.95))
                .on("one sentence", new Coverage(new int[]{11}, 0.5))
                .on("1000 sentences at 0.95", new Coverage(skewedLengths(), 0.95))
                .on("fraction 0 (not a coverage)", new Coverage(new int[]{3, 4, 5}, 0.0))
                .compare(in -> answer.length(in.sentenceLengths().clone(), in.fraction()),
                        in -> reference2(in.sentenceLengths(), in.fraction()));
    }

    /** Builds the network and counts the numbers in its parameters. */
    static long countInRealNetwork(Architecture a) {
        Recurrent.Builder builder = switch (a.kind()) {
            case LSTM -> Recurrent.lstm(a.input(), a.hidden());
            case GRU -> Recurrent.gru(a.input(), a.hidden());
            case RNN_RELU -> Recurrent.rnnRelu(a.input(), a.hidden());
            case RNN_TANH -> Recurrent.rnn(a.input(), a.hidden());
        };
        Recurrent network = builder.layers(a.layers()).bidirectional(a.bidirectional()).build();
        long total = 0;
        for (Parameter p : network.parameters()) {
            total += p.value().length;
        }
        return total;
    }

    static int reference2(int[] sentenceLengths, double fraction) {
        if (sentenceLengths.length == 0) {
            throw new IllegalArgumentException("no sentences");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must lie in (0, 1], got " + fraction);
        }
        int[] sorted = sentenceLengths.clone();
        Arrays.sort(sorted);
        // the smallest count k with k ≥ fraction · n; the small slack guards against products like 0.07 · 100 = 7.000000000000001
        int needed = (int) Math.ceil(fraction * sorted.length - 1e-9);
        return sorted[Math.max(needed, 1) - 1];
    }

    private static int[] skewedLengths() {
        java.util.Random random = new java.util.Random(14);
        int[] lengths = new int[1000];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = 1 + (int) Math.round(Math.exp(2.3 + 0.6 * random.nextGaussian()));
        }
        return lengths;
    }
}
