package workbook.check;

/**
 * Checkers for the exercises of notebook 13 (attention). Each runs the student's function and a reference on
 * several inputs, edge cases included, and prints one verdict line through {@link Check}.
 *
 * <pre>{@code
 * Chapter13.AttentionWeights softmax = scores -> ...;   // alpha_j = exp(e_j) / sum_k exp(e_k)
 * Chapter13.exercise1(softmax);
 * }</pre>
 */
public final class Chapter13 {

    private Chapter13() {
    }

    /** Exercise 1: attention weights from alignment scores e_1..e_S. */
    @FunctionalInterface
    public interface AttentionWeights {
        double[] weights(double[] scores);
    }

    /** Exercise 2: the context vector from attention weights (S) and encoder states (S rows of H numbers). */
    @FunctionalInterface
    public interface ContextVector {
        double[] context(double[] weights, double[][] encoderStates);
    }

    /** Inputs of exercise 2. */
    public record Attended(double[] weights, double[][] encoderStates) {
    }

    /** Exercise 1: softmax, computed so that large scores neither overflow nor underflow to 0/0. */
    public static void exercise1(AttentionWeights answer) {
        check1(answer);
    }

    static boolean check1(AttentionWeights answer) {
        return Check.exercise(1, "softmax(scores)").tolerance(1e-9)
                .on("three scores", new double[] {2.0, 1.0, 0.1})
                .on("equal scores (uniform weights)", new double[] {0.5, 0.5, 0.5, 0.5})
                .on("a single source position", new double[] {-3.0})
                .on("large scores (exp overflows: subtract the largest first)", new double[] {1000, 1001, 999})
                .on("very negative scores (exp underflows to 0/0)", new double[] {-1000, -1002, -1001})
                .compare(scores -> answer.weights(scores.clone()), Chapter13::softmax);
    }

    /** Exercise 2: context = Σ_j α_j h_j; a weight count that differs from the number of states throws. */
    public static void exercise2(ContextVector answer) {
        check2(answer);
    }

    static boolean check2(ContextVector answer) {
        double[][] states = {{1, 0, 2}, {0, 1, -1}, {3, 3, 0}, {-2, 0.5, 1}};
        return Check.exercise(2, "context(weights, encoderStates)").tolerance(1e-9)
                .on("all weight on position 2", new Attended(new double[] {0, 0, 1, 0}, states))
                .on("uniform weights (the mean state)", new Attended(new double[] {0.25, 0.25, 0.25, 0.25}, states))
                .on("mixed weights", new Attended(new double[] {0.1, 0.6, 0.2, 0.1}, states))
                .on("one position, one number", new Attended(new double[] {1}, new double[][] {{7}}))
                .on("3 weights for 4 states (invalid)", new Attended(new double[] {0.2, 0.3, 0.5}, states))
                .compare(in -> answer.context(in.weights().clone(), deepCopy(in.encoderStates())),
                        in -> context(in.weights(), in.encoderStates()));
    }

    /** The reference softmax: chapter 10's at temperature 1. */
    static double[] softmax(double[] scores) {
        return Chapter10.softmax(scores, 1.0);
    }

    static double[] context(double[] weights, double[][] encoderStates) {
        if (weights.length != encoderStates.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + encoderStates.length
                    + " encoder states: need one weight per source position");
        }
        double[] c = new double[encoderStates[0].length];
        for (int j = 0; j < weights.length; j++) {
            for (int k = 0; k < c.length; k++) {
                c[k] += weights[j] * encoderStates[j][k];
            }
        }
        return c;
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
