package workbook.check;

import workbook.scratch.Parameter;
import workbook.scratch.Recurrent;

import java.util.LinkedHashMap;
import java.util.List;
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

    private record StepCase(String name, RnnWeights w, double[] x, double[] hPrevious) {
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
        List<StepCase> cases = List.of(
                new StepCase("input 1, hidden 2, h_{t-1} = 0", RnnWeights.random(1, 2, 1), new double[] {0.7}, new double[2]),
                new StepCase("input 1, hidden 2, h_{t-1} = [0.5, -0.3]", RnnWeights.random(1, 2, 2), new double[] {-1.2}, new double[] {0.5, -0.3}),
                new StepCase("input 2, hidden 3, large inputs (tanh saturates)", large, new double[] {3.0, -2.5}, new double[] {0.9, -0.9, 0.1}),
                new StepCase("input 1, hidden 1, x = 0", RnnWeights.random(1, 1, 3), new double[] {0.0}, new double[] {0.4}));
        for (StepCase c : cases) {
            double[] expected = c.w().toRecurrent().forward(new double[][][] {{c.x()}}, new double[][][] {{c.hPrevious()}}, null).outputs()[0][0];
            double[] got;
            try {
                got = step.apply(c.w().copy(), c.x().clone(), c.hPrevious().clone());
            } catch (RuntimeException e) {
                return thrown(1, c.name(), e);
            }
            if (!Check.same(expected, got, TOLERANCE)) {
                return Check.notYet(1, "on \"" + c.name() + "\" (x = " + Check.describe(c.x()) + ", h_{t-1} = "
                        + Check.describe(c.hPrevious()) + "): expected " + Check.describe(expected) + ", got " + Check.describe(got));
            }
        }
        return Check.passed(1, "your RNN step matches the from-scratch cell on " + cases.size() + " inputs");
    }

    /** Exercise 2: the whole sequence, h_1 .. h_T. */
    public static void exercise2(RnnUnroll unroll) {
        check2(unroll);
    }

    /** Exercise 2's check; true when it passed (the verdict line is printed either way). */
    static boolean check2(RnnUnroll unroll) {
        record Case(String name, RnnWeights w, double[][] xs) {
        }
        List<Case> cases = List.of(
                new Case("a sequence of one step", RnnWeights.random(1, 2, 11), new double[][] {{0.5}}),
                new Case("5 steps, input 1, hidden 2", RnnWeights.random(1, 2, 12), new double[][] {{1.0}, {0.5}, {-1.0}, {0.0}, {2.0}}),
                new Case("4 steps, input 2, hidden 3", RnnWeights.random(2, 3, 13), new double[][] {{1, -1}, {0.5, 0.2}, {-0.3, 0.9}, {0, 0}}));
        for (Case c : cases) {
            double[][] expected = c.w().toRecurrent().forward(new double[][][] {deepCopy(c.xs())}).outputs()[0];
            double[][] got;
            try {
                got = unroll.apply(c.w().copy(), deepCopy(c.xs()));
            } catch (RuntimeException e) {
                return thrown(2, c.name(), e);
            }
            if (got == null || got.length != expected.length) {
                return Check.notYet(2, "on \"" + c.name() + "\": expected " + expected.length + " hidden states (one per step), got "
                        + (got == null ? "null" : got.length));
            }
            for (int t = 0; t < expected.length; t++) {
                if (!Check.same(expected[t], got[t], TOLERANCE)) {
                    return Check.notYet(2, "on \"" + c.name() + "\", h at step " + (t + 1) + ": expected " + Check.describe(expected[t])
                            + ", got " + Check.describe(got[t])
                            + (t > 0 ? " (step 1 was right: is h_{t-1} carried from step to step?)" : ""));
                }
            }
        }
        return Check.passed(2, "your unrolled RNN matches the from-scratch forward pass on " + cases.size() + " sequences");
    }

    /** Exercise 3: how many parameters a stacked RNN has (and that the sequence length is not among the arguments). */
    public static void exercise3(ParameterCount count) {
        check3(count);
    }

    /** Exercise 3's check; true when it passed (the verdict line is printed either way). */
    static boolean check3(ParameterCount count) {
        int[][] cases = {{1, 1, 1}, {1, 16, 1}, {3, 8, 2}, {10, 64, 3}};
        for (int[] c : cases) {
            long expected = Recurrent.rnn(c[0], c[1]).layers(c[2]).build().parameters().stream().mapToLong(Parameter::size).sum();
            long got;
            try {
                got = count.count(c[0], c[1], c[2]);
            } catch (RuntimeException e) {
                return thrown(3, describe(c), e);
            }
            if (got != expected) {
                return Check.notYet(3, "on " + describe(c) + ": expected " + expected + ", got " + got
                        + (c[2] > 1 ? " (layers after the first read the previous layer's h, not x)" : " (PyTorch keeps two bias vectors, b_ih and b_hh)"));
            }
        }
        return Check.passed(3, "your count matches the from-scratch network's parameters on " + cases.length + " shapes");
    }

    /** NOT YET for an exception: the placeholder gets "not answered yet", anything else names the input. */
    static boolean thrown(int exercise, String input, RuntimeException e) {
        String hint = Check.hintForException(exercise, e);
        return Check.notYet(exercise, hint.startsWith("not answered") ? hint : "on \"" + input + "\": " + hint);
    }

    private static String describe(int[] c) {
        return "input " + c[0] + ", hidden " + c[1] + ", " + c[2] + (c[2] == 1 ? " layer" : " layers");
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
