package workbook.check;

import workbook.model.CellKind;
import workbook.scratch.Recurrent;
import workbook.scratch.SequenceOutput;

import java.util.Map;
import java.util.Random;

/**
 * Checkers for the exercises of notebook 06 (GRU). The references are the workbook's from-scratch
 * networks ({@link Recurrent}), themselves checked against PyTorch.
 *
 * <pre>{@code
 * Chapter06.GruStep myStep = (x, h, w) -> ...;   // PyTorch's GRU: gates r, z, n; h' = (1 - z) n + z h
 * Chapter06.exercise1(myStep);
 * }</pre>
 */
public final class Chapter06 {

    private static final double TOLERANCE = 1e-9;

    private Chapter06() {
    }

    /** One GRU layer's weights as PyTorch stores them: rows of W_ih, W_hh and the biases are the gates r, z, n. */
    public record GruWeights(double[][] wIh, double[][] wHh, double[] bIh, double[] bHh) {

        /** The weights of a one-layer, one-direction scratch GRU. */
        public static GruWeights of(Recurrent gru) {
            if (gru.cellKind() != CellKind.GRU || gru.layerCount() != 1 || gru.directions() != 1) {
                throw new IllegalArgumentException("expected a one-layer, one-direction GRU, got " + gru.describe());
            }
            Map<String, Object> d = gru.stateDict();
            return new GruWeights((double[][]) d.get("weight_ih_l0"), (double[][]) d.get("weight_hh_l0"),
                    (double[]) d.get("bias_ih_l0"), (double[]) d.get("bias_hh_l0"));
        }

        public int hidden() {
            return wHh[0].length;
        }
    }

    /** One step of a GRU in PyTorch's convention: from x_t and h_{t-1} to h_t. */
    @FunctionalInterface
    public interface GruStep {
        double[] step(double[] x, double[] h, GruWeights w);
    }

    /** The number of weights and biases of a one-layer, one-direction cell with biases. */
    @FunctionalInterface
    public interface ParameterCount {
        long count(CellKind kind, int inputSize, int hiddenSize);
    }

    /** One checker input (a class, so hints stay short). */
    static final class StepCase {
        private final double[] x;
        private final double[] h;
        private final GruWeights weights;

        StepCase(double[] x, double[] h, GruWeights weights) {
            this.x = x;
            this.h = h;
            this.weights = weights;
        }

        double[] x() {
            return x;
        }

        double[] h() {
            return h;
        }

        GruWeights weights() {
            return weights;
        }

        @Override
        public String toString() {
            return "x = " + Check.describe(x) + ", h = " + Check.describe(h) + ", weights of a GRU(input " + x.length
                    + ", hidden " + weights.hidden() + ")";
        }
    }

    record Sizes(CellKind kind, int inputSize, int hiddenSize) {
    }

    /** Exercise 1: one GRU step, compared with the from-scratch GRU. */
    public static void exercise1(GruStep step) {
        Check.exercise(1, "one GRU step h_t (PyTorch's convention)")
                .tolerance(TOLERANCE)
                .on("the first step (h zero), input 3, hidden 4", stepCase(3, 4, 1, 0.0))
                .on("a later step, input 2, hidden 5", stepCase(2, 5, 2, 1.0))
                .on("hidden size 1", stepCase(1, 1, 3, 1.0))
                .on("input size 4, hidden 2", stepCase(4, 2, 4, 2.0))
                .compare(c -> step.step(c.x().clone(), c.h().clone(), c.weights()), Chapter06::referenceStep);
    }

    /**
     * Exercise 1 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise1}
     */
    @Deprecated
    public static void checkGruStep(GruStep step) {
        exercise1(step);
    }

    /** Exercise 2: parameters of a one-layer RNN, GRU or LSTM, compared with counting a built network's. */
    public static void exercise2(ParameterCount count) {
        Check.exercise(2, "parameterCount(kind, input, hidden)")
                .on("GRU, input 1, hidden 32", new Sizes(CellKind.GRU, 1, 32))
                .on("LSTM, input 5, hidden 3", new Sizes(CellKind.LSTM, 5, 3))
                .on("RNN, input 7, hidden 1", new Sizes(CellKind.RNN_TANH, 7, 1))
                .on("GRU, input 10, hidden 64", new Sizes(CellKind.GRU, 10, 64))
                .on("LSTM, input 1, hidden 1", new Sizes(CellKind.LSTM, 1, 1))
                .compare(s -> count.count(s.kind(), s.inputSize(), s.hiddenSize()),
                        s -> countParameters(Recurrent.of(s.kind(), s.inputSize(), s.hiddenSize()).build()));
    }

    /**
     * Exercise 2 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise2}
     */
    @Deprecated
    public static void checkParameterCount(ParameterCount count) {
        exercise2(count);
    }

    /** Every weight and bias of a network, counted. */
    public static long countParameters(Recurrent network) {
        return network.parameterCount();
    }


    static double[] referenceStep(StepCase c) {
        Recurrent gru = Recurrent.gru(c.x().length, c.weights().hidden()).build();
        gru.loadStateDict(Map.of("weight_ih_l0", c.weights().wIh(), "weight_hh_l0", c.weights().wHh(),
                "bias_ih_l0", c.weights().bIh(), "bias_hh_l0", c.weights().bHh()));
        SequenceOutput out = gru.forward(new double[][][] {{c.x()}}, new double[][][] {{c.h()}}, null);
        return out.finalHidden()[0][0];
    }

    static StepCase stepCase(int input, int hidden, long seed, double stateScale) {
        Random random = new Random(seed);
        GruWeights w = GruWeights.of(Recurrent.gru(input, hidden).seed(seed).build());
        double[] x = new double[input];
        double[] h = new double[hidden];
        for (int i = 0; i < input; i++) {
            x[i] = random.nextGaussian();
        }
        for (int j = 0; j < hidden; j++) {
            h[j] = stateScale * random.nextGaussian();
        }
        return new StepCase(x, h, w);
    }
}
