package workbook.check;

import workbook.scratch.Parameter;
import workbook.scratch.Recurrent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checkers for notebook 03 (the recurrent cell). Each compares the student's function with the from-scratch
 * {@link Recurrent} on several inputs, edge cases included, and prints a {@link Check} verdict
 * ({@code PASSED exercise N: ...} or {@code NOT YET exercise N: <input, expected, got>}).
 * <pre>{@code
 * Chapter03.exercise1((w, x, hPrevious) -> { ... return h; });
 * }</pre>
 */
public final class Chapter03 {

    private static final double TOLERANCE = 1e-9;

    private Chapter03() {
    }

    /** The weights of a one-layer tanh RNN under the equation's names: W_ih {@code [H][D]}, W_hh {@code [H][H]}, b_ih, b_hh {@code [H]}. */
    public record RnnWeights(double[][] wIh, double[][] wHh, double[] bIh, double[] bHh) {

        /** PyTorch-style initialisation U(−1/√H, 1/√H) from a seed. */
        public static RnnWeights random(int inputSize, int hidden, long seed) {
            Map<String, Object> dict = Recurrent.rnn(inputSize, hidden).seed(seed).build().stateDict();
            return new RnnWeights((double[][]) dict.get("weight_ih_l0"), (double[][]) dict.get("weight_hh_l0"),
                    (double[]) dict.get("bias_ih_l0"), (double[]) dict.get("bias_hh_l0"));
        }

        public int inputSize() {
            return wIh[0].length;
        }

        public int hiddenSize() {
            return wHh.length;
        }

        /** A from-scratch network holding these weights. */
        Recurrent toRecurrent() {
            Recurrent rnn = Recurrent.rnn(inputSize(), hiddenSize()).build();
            Map<String, Object> dict = new LinkedHashMap<>();
            dict.put("weight_ih_l0", wIh);
            dict.put("weight_hh_l0", wHh);
            dict.put("bias_ih_l0", bIh);
            dict.put("bias_hh_l0", bHh);
            rnn.loadStateDict(dict);
            return rnn;
        }

        /** A deep copy, so that a student's function cannot change the reference's inputs. */
        RnnWeights copy() {
            return new RnnWeights(deepCopy(wIh), deepCopy(wHh), bIh.clone(), bHh.clone());
        }
    }

    /** One step h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh). */
    @FunctionalInterface
    public interface RnnStep {
        double[] apply(RnnWeights w, double[] x, double[] hPrevious);
    }

    /** Every hidden state {@code [T][H]} of a sequence {@code xs [T][D]}, from h_0 = 0. */
    @FunctionalInterface
    public interface RnnUnroll {
        double[][] apply(RnnWeights w, double[][] xs);
    }

    /** The number of trainable numbers of a stacked tanh RNN with PyTorch's two bias vectors per layer. */
    @FunctionalInterface
    public interface ParameterCount {
        long count(int inputSize, int hidden, int layers);
    }

    /** One step's input: the weights, x_t and h_{t-1}. */
    private record Step(RnnWeights w, double[] x, double[] hPrevious) {
    }

    /** Exercise 1: one step of the RNN cell. */
    public static void exercise1(RnnStep step) {
        check1(step);
    }

    /** Exercise 1's check; true when it passed (the verdict line is printed either way). */
    static boolean check1(RnnStep step) {
        RnnWeights large = RnnWeights.random(2, 3, 5);
        for (double[] row : large.wIh()) {
            row[0] *= 20;
            row[1] *= 20;
        }
        return Check.exercise(1, "your RNN step").tolerance(TOLERANCE)
                .on("input 1, hidden 2, h_{t-1} = 0", new Step(RnnWeights.random(1, 2, 1), new double[] {0.7}, new double[2]))
                .on("input 1, hidden 2, h_{t-1} = [0.5, -0.3]", new Step(RnnWeights.random(1, 2, 2), new double[] {-1.2}, new double[] {0.5, -0.3}))
                .on("input 2, hidden 3, large inputs (tanh saturates)", new Step(large, new double[] {3.0, -2.5}, new double[] {0.9, -0.9, 0.1}))
                .on("input 1, hidden 1, x = 0", new Step(RnnWeights.random(1, 1, 3), new double[] {0.0}, new double[] {0.4}))
                .describedAs(c -> "x = " + Check.describe(c.x()) + ", h_{t-1} = " + Check.describe(c.hPrevious()))
                .compare(c -> step.apply(c.w().copy(), c.x().clone(), c.hPrevious().clone()),
                        c -> c.w().toRecurrent().forward(new double[][][] {{c.x()}}, new double[][][] {{c.hPrevious()}}, null).outputs()[0][0]);
    }

    /** A sequence and the weights that read it. */
    private record Sequence(RnnWeights w, double[][] xs) {
    }

    /** Exercise 2: the whole sequence, h_1 .. h_T. */
    public static void exercise2(RnnUnroll unroll) {
        check2(unroll);
    }

    /** Exercise 2's check; true when it passed (the verdict line is printed either way). */
    static boolean check2(RnnUnroll unroll) {
        return Check.exercise(2, "your unrolled RNN").tolerance(TOLERANCE)
                .on("a sequence of one step", new Sequence(RnnWeights.random(1, 2, 11), new double[][] {{0.5}}))
                .on("5 steps, input 1, hidden 2", new Sequence(RnnWeights.random(1, 2, 12), new double[][] {{1.0}, {0.5}, {-1.0}, {0.0}, {2.0}}))
                .on("4 steps, input 2, hidden 3", new Sequence(RnnWeights.random(2, 3, 13), new double[][] {{1, -1}, {0.5, 0.2}, {-0.3, 0.9}, {0, 0}}))
                .describedAs(c -> "xs = " + Check.describe(c.xs()))
                .hint((c, expected, got) -> whichStep((double[][]) expected, got))
                .compare(c -> unroll.apply(c.w().copy(), deepCopy(c.xs())),
                        c -> c.w().toRecurrent().forward(new double[][][] {deepCopy(c.xs())}).outputs()[0]);
    }

    /** Which hidden state is the first wrong one, and what a right first step with a wrong second one suggests. */
    private static String whichStep(double[][] expected, Object got) {
        if (!(got instanceof double[][] states) || states.length != expected.length) {
            return "expected " + expected.length + " hidden states (one per step), got "
                    + (got instanceof double[][] states ? states.length : Check.describe(got));
        }
        for (int t = 0; t < expected.length; t++) {
            if (!Check.same(expected[t], states[t], TOLERANCE)) {
                return "h at step " + (t + 1) + " is the first that differs"
                        + (t > 0 ? "; step 1 was right: is h_{t-1} carried from step to step?" : "");
            }
        }
        return null;
    }

    /** A stacked RNN's sizes. */
    private record Shape(int inputSize, int hidden, int layers) {
    }

    /** Exercise 3: how many parameters a stacked RNN has (and that the sequence length is not among the arguments). */
    public static void exercise3(ParameterCount count) {
        check3(count);
    }

    /** Exercise 3's check; true when it passed (the verdict line is printed either way). */
    static boolean check3(ParameterCount count) {
        return Check.exercise(3, "your count of a stacked RNN's parameters")
                .on(describe(1, 1, 1), new Shape(1, 1, 1))
                .on(describe(1, 16, 1), new Shape(1, 16, 1))
                .on(describe(3, 8, 2), new Shape(3, 8, 2))
                .on(describe(10, 64, 3), new Shape(10, 64, 3))
                .describedAs(s -> "count(" + s.inputSize() + ", " + s.hidden() + ", " + s.layers() + ")")
                .hint((s, expected, got) -> s.layers() > 1 ? "layers after the first read the previous layer's h, not x"
                        : "PyTorch keeps two bias vectors, b_ih and b_hh")
                .compare(s -> count.count(s.inputSize(), s.hidden(), s.layers()),
                        s -> Recurrent.rnn(s.inputSize(), s.hidden()).layers(s.layers()).build().parameters().stream()
                                .mapToLong(Parameter::size).sum());
    }

    private static String describe(int inputSize, int hidden, int layers) {
        return "input " + inputSize + ", hidden " + hidden + ", " + layers + (layers == 1 ? " layer" : " layers");
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
