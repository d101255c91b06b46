package workbook.check;

import workbook.model.CellKind;
import workbook.scratch.Recurrent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Checkers for the exercises of notebook 07 (deep and bidirectional networks). The references are the
 * workbook's from-scratch networks ({@link Recurrent}), themselves checked against PyTorch.
 *
 * <pre>{@code
 * Chapter07.exercise1((kind, input, hidden, layers, bidirectional) -> ...);
 * Chapter07.exercise2((forwardNet, backwardNet, sequence) -> ...);
 * }</pre>
 */
public final class Chapter07 {

    private static final double TOLERANCE = 1e-9;

    private Chapter07() {
    }

    /** Parameters of a stack of layers with biases. */
    @FunctionalInterface
    public interface StackedParameterCount {
        long count(CellKind kind, int inputSize, int hiddenSize, int layers, boolean bidirectional);
    }

    /**
     * A bidirectional layer built from two one-direction networks: {@code sequence} is {@code [time][features]},
     * the answer {@code [time][2 · hidden]} (the forward network's h_t, then the backward network's h_t).
     */
    @FunctionalInterface
    public interface Bidirectional {
        double[][] outputs(Recurrent forwardNet, Recurrent backwardNet, double[][] sequence);
    }

    record Stack(CellKind kind, int inputSize, int hiddenSize, int layers, boolean bidirectional) {
    }

    /** One checker input (a class, so hints stay short). */
    static final class Pair {
        private final Recurrent forwardNet;
        private final Recurrent backwardNet;
        private final Recurrent bidirectional;
        private final double[][] sequence;

        Pair(Recurrent forwardNet, Recurrent backwardNet, Recurrent bidirectional, double[][] sequence) {
            this.forwardNet = forwardNet;
            this.backwardNet = backwardNet;
            this.bidirectional = bidirectional;
            this.sequence = sequence;
        }

        Recurrent forwardNet() {
            return forwardNet;
        }

        Recurrent backwardNet() {
            return backwardNet;
        }

        Recurrent bidirectional() {
            return bidirectional;
        }

        double[][] sequence() {
            return sequence;
        }

        @Override
        public String toString() {
            return bidirectional.describe() + ", " + sequence.length + " steps";
        }
    }

    /** Exercise 1: parameters of stacked, possibly bidirectional layers, against counting real networks. */
    public static void exercise1(StackedParameterCount count) {
        Check.exercise(1, "parameterCount(kind, input, hidden, layers, bidirectional)")
                .on("one LSTM layer, input 1, hidden 32", new Stack(CellKind.LSTM, 1, 32, 1, false))
                .on("GRU, 2 layers, input 3, hidden 8", new Stack(CellKind.GRU, 3, 8, 2, false))
                .on("RNN, 1 layer, bidirectional, input 4, hidden 5", new Stack(CellKind.RNN_TANH, 4, 5, 1, true))
                .on("LSTM, 3 layers, bidirectional, input 2, hidden 16", new Stack(CellKind.LSTM, 2, 16, 3, true))
                .on("GRU, 2 layers, bidirectional, hidden 1", new Stack(CellKind.GRU, 6, 1, 2, true))
                .compare(s -> count.count(s.kind(), s.inputSize(), s.hiddenSize(), s.layers(), s.bidirectional()),
                        s -> Chapter06.countParameters(Recurrent.of(s.kind(), s.inputSize(), s.hiddenSize())
                                .layers(s.layers()).bidirectional(s.bidirectional()).build()));
    }

    /**
     * Exercise 1 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise1}
     */
    @Deprecated
    public static void checkStackedParameterCount(StackedParameterCount count) {
        exercise1(count);
    }

    /** Exercise 2: a bidirectional layer's outputs from two one-direction networks. */
    public static void exercise2(Bidirectional answer) {
        Check.exercise(2, "bidirectional outputs [time][2 · hidden]")
                .tolerance(TOLERANCE)
                .on("an RNN, input 2, hidden 3, 5 steps", pair(CellKind.RNN_TANH, 2, 3, 5, 1))
                .on("a GRU, input 1, hidden 4, 7 steps", pair(CellKind.GRU, 1, 4, 7, 2))
                .on("an LSTM, input 3, hidden 2, 6 steps", pair(CellKind.LSTM, 3, 2, 6, 3))
                .on("a single step", pair(CellKind.LSTM, 2, 3, 1, 4))
                .compare(p -> answer.outputs(p.forwardNet(), p.backwardNet(), copy(p.sequence())),
                        p -> p.bidirectional().forward(new double[][][] {p.sequence()}).outputs()[0]);
    }

    /**
     * Exercise 2 under its former name, kept because notebooks that readers and students already have call it.
     * @deprecated use {@link #exercise2}
     */
    @Deprecated
    public static void checkBidirectional(Bidirectional answer) {
        exercise2(answer);
    }

    /** A bidirectional network and the two one-direction networks holding its forward and reverse weights. */
    static Pair pair(CellKind kind, int input, int hidden, int steps, long seed) {
        Recurrent both = Recurrent.of(kind, input, hidden).bidirectional(true).seed(seed).build();
        Map<String, Object> forwardWeights = new LinkedHashMap<>();
        Map<String, Object> backwardWeights = new LinkedHashMap<>();
        both.stateDict().forEach((name, value) -> {
            if (name.endsWith("_reverse")) {
                backwardWeights.put(name.substring(0, name.length() - "_reverse".length()), value);
            } else {
                forwardWeights.put(name, value);
            }
        });
        Recurrent forwardNet = Recurrent.of(kind, input, hidden).build();
        forwardNet.loadStateDict(forwardWeights);
        Recurrent backwardNet = Recurrent.of(kind, input, hidden).build();
        backwardNet.loadStateDict(backwardWeights);
        Random random = new Random(seed);
        double[][] sequence = new double[steps][input];
        for (double[] step : sequence) {
            for (int i = 0; i < input; i++) {
                step[i] = random.nextGaussian();
            }
        }
        return new Pair(forwardNet, backwardNet, both, sequence);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
