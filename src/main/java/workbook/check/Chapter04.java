package workbook.check;

import workbook.scratch.GradientClipping;
import workbook.scratch.Loss;
import workbook.scratch.Recurrent;

import java.util.List;

/**
 * Checkers for notebook 04 (training with BPTT). The references are the from-scratch {@code workbook.scratch}
 * code (its loss, its backward pass, its clipping); each checker prints a {@link Check} verdict.
 */
public final class Chapter04 {

    private static final double TOLERANCE = 1e-9;

    private Chapter04() {
    }

    /** Softmax cross-entropy of one row of logits against the index of the true class: −log softmax(logits)[target]. */
    @FunctionalInterface
    public interface CrossEntropy {
        double apply(double[] logits, int target);
    }

    /** One step of BPTT: from ∂L/∂h_t to ∂L/∂h_{t-1} for h_t = tanh(W_ih x + b_ih + W_hh h_{t-1} + b_hh). */
    @FunctionalInterface
    public interface StepBackward {
        double[] apply(Chapter03.RnnWeights w, double[] x, double[] hPrevious, double[] dh);
    }

    /** Global-norm clipping of several gradient tensors (each flattened to a vector); returns clipped copies. */
    @FunctionalInterface
    public interface ClipGlobalNorm {
        double[][] apply(double[][] gradients, double maxNorm);
    }

    /** Exercise 1: cross-entropy from logits, stable for large logits. */
    public static void exercise1(CrossEntropy crossEntropy) {
        check1(crossEntropy);
    }

    /** One row of logits and the index of the true class. */
    private record Logits(double[] logits, int target) {
    }

    /** Exercise 1's check; true when it passed (the verdict line is printed either way). */
    static boolean check1(CrossEntropy crossEntropy) {
        return Check.exercise(1, "your cross-entropy (as Loss.CROSS_ENTROPY)").tolerance(TOLERANCE)
                .on("three classes, the right one most likely", new Logits(new double[] {2.0, 0.5, -1.0}, 0))
                .on("three classes, a wrong one most likely", new Logits(new double[] {2.0, 0.5, -1.0}, 2))
                .on("equal logits (loss = log 4)", new Logits(new double[] {0.3, 0.3, 0.3, 0.3}, 1))
                .on("large logits (e^1000 overflows a double)", new Logits(new double[] {1000.0, 998.0, -5.0}, 1))
                .describedAs(c -> "logits " + Check.describe(c.logits()) + ", true class " + c.target())
                .hint((c, expected, got) -> got instanceof Double g && !Double.isFinite(g)
                        ? "subtract the largest logit before exponentiating" : null)
                .compare(c -> crossEntropy.apply(c.logits().clone(), c.target()), c -> {
                    double[][] target = new double[1][c.logits().length];
                    target[0][c.target()] = 1.0;
                    return Loss.CROSS_ENTROPY.compute(new double[][] {c.logits().clone()}, target, new double[1][c.logits().length]);
                });
    }

    /** Exercise 2: ∂L/∂h_{t-1} from ∂L/∂h_t, checked against the from-scratch BPTT. */
    public static void exercise2(StepBackward stepBackward) {
        check2(stepBackward);
    }

    /** One step's input and the gradient arriving at its output h_t. */
    private record Backward(Chapter03.RnnWeights w, double[] x, double[] hPrevious, double[] dh) {
    }

    /** Exercise 2's check; true when it passed (the verdict line is printed either way). */
    static boolean check2(StepBackward stepBackward) {
        return Check.exercise(2, "your step of BPTT (∂L/∂h_{t-1})").tolerance(TOLERANCE)
                .on("input 1, hidden 2", new Backward(Chapter03.RnnWeights.random(1, 2, 21), new double[] {0.8}, new double[] {0.1, -0.4}, new double[] {1.0, 0.0}))
                .on("input 2, hidden 3", new Backward(Chapter03.RnnWeights.random(2, 3, 22), new double[] {-1.0, 0.5}, new double[] {0.3, 0.2, -0.6}, new double[] {0.5, -1.0, 2.0}))
                .on("a saturated unit (tanh' ≈ 0)", new Backward(Chapter03.RnnWeights.random(1, 2, 23), new double[] {40.0}, new double[] {0.0, 0.0}, new double[] {1.0, 1.0}))
                .on("zero incoming gradient", new Backward(Chapter03.RnnWeights.random(1, 2, 24), new double[] {0.2}, new double[] {0.5, 0.5}, new double[] {0.0, 0.0}))
                .describedAs(c -> "x = " + Check.describe(c.x()) + ", h_{t-1} = " + Check.describe(c.hPrevious())
                        + ", ∂L/∂h_t = " + Check.describe(c.dh()))
                .compare(c -> stepBackward.apply(c.w().copy(), c.x().clone(), c.hPrevious().clone(), c.dh().clone()), c -> {
                    Recurrent rnn = c.w().toRecurrent();
                    rnn.forward(new double[][][] {{c.x().clone()}}, new double[][][] {{c.hPrevious().clone()}}, null);
                    return rnn.backward(new double[][][] {{c.dh().clone()}}).initialHidden()[0][0];
                });
    }

    /** Exercise 3: clipping by the global norm, against {@link GradientClipping#clipGlobalNorm}. */
    public static void exercise3(ClipGlobalNorm clip) {
        check3(clip);
    }

    /** Several gradient tensors and the largest global norm allowed. */
    private record Gradients(double[][] gradients, double maxNorm) {
    }

    /** Exercise 3's check; true when it passed (the verdict line is printed either way). */
    static boolean check3(ClipGlobalNorm clip) {
        return Check.exercise(3, "your clipping (as GradientClipping.clipGlobalNorm)").tolerance(1e-6)
                .on("one tensor of norm 5, max 1", new Gradients(new double[][] {{3.0, 4.0}}, 1.0))
                .on("two tensors, global norm 13, max 6.5", new Gradients(new double[][] {{3.0, 4.0}, {12.0}}, 6.5))
                .on("already shorter than the max (unchanged)", new Gradients(new double[][] {{0.1, -0.2}, {0.05}}, 1.0))
                .on("all zeros", new Gradients(new double[][] {{0.0, 0.0}, {0.0}}, 1.0))
                .describedAs(c -> "gradients " + Check.describe(c.gradients()) + ", max norm " + c.maxNorm())
                .compare(c -> clip.apply(deepCopy(c.gradients()), c.maxNorm()), c -> Reference.clip(c.gradients(), c.maxNorm()));
    }

    /** The reference for exercise 3: the scratch package's clipping, applied through a network's parameters. */
    private static final class Reference {
        static double[][] clip(double[][] gradients, double maxNorm) {
            // borrow parameters of a network with matching sizes: one vector parameter per tensor
            List<workbook.scratch.Parameter> parameters = new java.util.ArrayList<>();
            for (double[] g : gradients) {
                workbook.scratch.Parameter p = Recurrent.rnn(1, g.length).build().parameters().get(2);   // bias_ih_l0 [H]
                System.arraycopy(g, 0, p.gradient(), 0, g.length);
                parameters.add(p);
            }
            GradientClipping.clipGlobalNorm(parameters, maxNorm);
            double[][] out = new double[gradients.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = parameters.get(i).gradient().clone();
            }
            return out;
        }
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
