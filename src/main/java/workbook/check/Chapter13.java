package workbook.check;

import workbook.djl.AttentionModel;
import workbook.model.Fit;
import workbook.scratch.TrainingDivergedException;

import java.util.Locale;

/**
 * Checkers for the exercises of notebook 13 (attention). Each runs the student's function and a reference on
 * several inputs, edge cases included, and prints one verdict line through {@link Check}.
 *
 * <pre>{@code
 * Chapter13.AttentionWeights softmax = scores -> ...;   // alpha_j = exp(e_j) / sum_k exp(e_k)
 * Chapter13.exercise1(softmax);
 * }</pre>
 * Exercise 3 is judged by its outcome: the checker trains what the student chose and scores it on sequences only
 * the checker draws.
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

    /** Exercise 3: an attention model on a budget, as the student sizes and trains it. */
    public record AttentionChoice(int hidden, int epochs, double learningRate) {
    }

    /** Exercise 3: the student's code, given the training sequences only, chooses. */
    @FunctionalInterface
    public interface AttentionDesign {
        AttentionChoice design(AttentionModel.Examples training);
    }

    /** The length of exercise 3's sequences: the longest in the notebook. */
    static final int LENGTH = 12;
    /** Units times epochs the student may spend: a quarter of the notebook's 64 units for 20 epochs. */
    static final int BUDGET = 64 * 20 / 4;
    /** The goal: this share of the held-out sequences reversed without a single wrong token. */
    static final double GOAL = 0.5;
    /** The held-out sequences: drawn with a seed the notebook never uses (its training set is 1, its test set 2). */
    static final long HELD_OUT_SEED = 3;

    /**
     * Exercise 3: the checker trains an attention model of the chosen size (seed 42, the notebook's batches of 128
     * and clipping) on the notebook's 3,000 training sequences of length {@value #LENGTH} and passes when it reverses
     * at least {@value #GOAL} of 200 held-out sequences, which only the checker draws, without a wrong token.
     */
    public static void exercise3(AttentionDesign design) {
        check3(design);
    }

    static boolean check3(AttentionDesign design) {
        AttentionChoice chosen = Check.chosen(3, () -> design.design(AttentionModel.reversalTask(3000, LENGTH, 8, 1)));
        if (chosen == null) {
            return false;
        }
        if (chosen.hidden() < 1 || chosen.hidden() > 64) {
            return Check.notYet(3, "hidden must lie in 1..64 units, got " + chosen.hidden());
        }
        if (chosen.epochs() < 1 || chosen.epochs() > 20) {
            return Check.notYet(3, "epochs must lie in 1..20, got " + chosen.epochs());
        }
        if (!(chosen.learningRate() > 0 && chosen.learningRate() <= 0.1)) {
            return Check.notYet(3, "learningRate must lie in (0, 0.1], got " + chosen.learningRate());
        }
        if (chosen.hidden() * chosen.epochs() > BUDGET) {
            return Check.notYet(3, "hidden x epochs = " + chosen.hidden() * chosen.epochs() + " is over the budget of "
                    + BUDGET + " (a quarter of the notebook's 64 units x 20 epochs)");
        }
        AttentionModel.Examples training = AttentionModel.reversalTask(3000, LENGTH, 8, 1);
        AttentionModel.Examples heldOut = AttentionModel.reversalTask(200, LENGTH, 8, HELD_OUT_SEED);
        double accuracy;
        try (AttentionModel model = new AttentionModel(8, 8, chosen.hidden())) {
            model.fit(training, Fit.epochs(chosen.epochs()).batchSize(128).learningRate(chosen.learningRate())
                    .clipGradientNorm(5.0).seed(42).progress(false));
            accuracy = model.sequenceAccuracy(heldOut);
        } catch (TrainingDivergedException e) {
            return Check.notYet(3, chosen + ": " + e.getMessage() + "; try a smaller learning rate");
        }
        String summary = String.format(Locale.ROOT, "%s: %d of %d held-out sequences of length %d reversed without "
                + "a wrong token (%.3f); the goal: %.2f or more", chosen, Math.round(accuracy * heldOut.size()),
                heldOut.size(), LENGTH, accuracy, GOAL);
        if (accuracy >= GOAL) {
            return Check.passed(3, summary);
        }
        return Check.notYet(3, summary + ". Within the budget, fewer units trained for longer, or more units for "
                + "fewer epochs: which does the attention need more?");
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
