package workbook.check;

import workbook.model.CellKind;
import workbook.scratch.Recurrent;
import workbook.scratch.SequenceOutput;

import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Checkers for the exercises of notebook 05 (LSTM). The references are the workbook's from-scratch
 * LSTM ({@link Recurrent#lstm}), itself checked against PyTorch.
 *
 * <pre>{@code
 * Chapter05.LstmStep myStep = (x, previous, w) -> ...;   // one LSTM step, PyTorch's gate order i, f, g, o
 * Chapter05.exercise1(myStep);
 * }</pre>
 */
public final class Chapter05 {

    private static final double TOLERANCE = 1e-9;

    private Chapter05() {
    }

    /** One LSTM layer's weights as PyTorch stores them: rows of W_ih, W_hh and the biases are the gates i, f, g, o. */
    public record LstmWeights(double[][] wIh, double[][] wHh, double[] bIh, double[] bHh) {

        /** The weights of a one-layer, one-direction scratch LSTM (its {@code weight_ih_l0}, ...). */
        public static LstmWeights of(Recurrent lstm) {
            if (lstm.cellKind() != CellKind.LSTM || lstm.layerCount() != 1 || lstm.directions() != 1) {
                throw new IllegalArgumentException("expected a one-layer, one-direction LSTM, got " + lstm.describe());
            }
            Map<String, Object> d = lstm.stateDict();
            return new LstmWeights((double[][]) d.get("weight_ih_l0"), (double[][]) d.get("weight_hh_l0"),
                    (double[]) d.get("bias_ih_l0"), (double[]) d.get("bias_hh_l0"));
        }

        public int hidden() {
            return wHh[0].length;
        }
    }

    /** The LSTM's state between steps: hidden state h and cell state c. */
    public record State(double[] h, double[] c) {
    }

    /** One step of an LSTM: from x_t and (h_{t-1}, c_{t-1}) to (h_t, c_t). */
    @FunctionalInterface
    public interface LstmStep {
        State step(double[] x, State previous, LstmWeights w);
    }

    /** One checker input: a step's input, the previous state and the weights (a class, so hints stay short). */
    static final class StepCase {
        private final double[] x;
        private final State previous;
        private final LstmWeights weights;

        StepCase(double[] x, State previous, LstmWeights weights) {
            this.x = x;
            this.previous = previous;
            this.weights = weights;
        }

        double[] x() {
            return x;
        }

        State previous() {
            return previous;
        }

        LstmWeights weights() {
            return weights;
        }

        @Override
        public String toString() {
            return "x = " + Check.describe(x) + ", h = " + Check.describe(previous.h()) + ", c = "
                    + Check.describe(previous.c()) + ", weights of an LSTM(input " + x.length + ", hidden "
                    + weights.hidden() + ")";
        }
    }

    /** Exercise 1: one LSTM step, compared with the from-scratch LSTM on several sizes and states. */
    public static void exercise1(LstmStep step) {
        Check.exercise(1, "one LSTM step (h_t, c_t)")
                .tolerance(TOLERANCE)
                .on("the first step (h and c zero), input 3, hidden 4", stepCase(3, 4, 1, 0.0, 1.0))
                .on("a later step, input 2, hidden 5", stepCase(2, 5, 2, 1.0, 1.0))
                .on("hidden size 1", stepCase(1, 1, 3, 1.0, 1.0))
                .on("large inputs (saturated gates)", stepCase(3, 3, 4, 1.0, 20.0))
                .compare(c -> step.step(c.x().clone(), copy(c.previous()), c.weights()), Chapter05::referenceStep);
    }

    /**
     * Exercise 1 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise1}
     */
    @Deprecated
    public static void checkLstmStep(LstmStep step) {
        exercise1(step);
    }

    /** Exercise 2: the b_ih vector (4 · hidden values) that starts the forget gate at {@code value}, all else 0. */
    public static void exercise2(IntFunction<double[]> forgetBiasOfHidden) {
        Check.exercise(2, "forgetBias(hidden) with the forget gate's slice set to 1")
                .on("hidden 1", 1)
                .on("hidden 3", 3)
                .on("hidden 16", 16)
                .compare(forgetBiasOfHidden::apply, Chapter05::referenceForgetBias);
    }

    /**
     * Exercise 2 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise2}
     */
    @Deprecated
    public static void checkForgetBias(IntFunction<double[]> forgetBiasOfHidden) {
        exercise2(forgetBiasOfHidden);
    }

    static double[] referenceForgetBias(int hidden) {
        double[] b = new double[4 * hidden];
        // PyTorch's gate order i, f, g, o: the forget gate is the second block of `hidden` rows
        java.util.Arrays.fill(b, hidden, 2 * hidden, 1.0);
        return b;
    }

    static State referenceStep(StepCase c) {
        int input = c.x().length;
        int hidden = c.weights().hidden();
        Recurrent lstm = Recurrent.lstm(input, hidden).build();
        lstm.loadStateDict(Map.of("weight_ih_l0", c.weights().wIh(), "weight_hh_l0", c.weights().wHh(),
                "bias_ih_l0", c.weights().bIh(), "bias_hh_l0", c.weights().bHh()));
        SequenceOutput out = lstm.forward(new double[][][] {{c.x()}}, new double[][][] {{c.previous().h()}},
                new double[][][] {{c.previous().c()}});
        return new State(out.finalHidden()[0][0], out.finalCell()[0][0]);
    }

    static StepCase stepCase(int input, int hidden, long seed, double stateScale, double inputScale) {
        Random random = new Random(seed);
        LstmWeights w = LstmWeights.of(Recurrent.lstm(input, hidden).seed(seed).build());
        return new StepCase(gaussian(random, input, inputScale),
                new State(gaussian(random, hidden, stateScale), gaussian(random, hidden, stateScale)), w);
    }

    private static double[] gaussian(Random random, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * random.nextGaussian();
        }
        return v;
    }

    private static State copy(State s) {
        return new State(s.h().clone(), s.c().clone());
    }
}
