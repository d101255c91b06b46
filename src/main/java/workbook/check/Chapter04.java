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

    /** Exercise 1's check; true when it passed (the verdict line is printed either way). */
    static boolean check1(CrossEntropy crossEntropy) {
        record Case(String name, double[] logits, int target) {
        }
        List<Case> cases = List.of(
                new Case("three classes, the right one most likely", new double[] {2.0, 0.5, -1.0}, 0),
                new Case("three classes, a wrong one most likely", new double[] {2.0, 0.5, -1.0}, 2),
                new Case("equal logits (loss = log 4)", new double[] {0.3, 0.3, 0.3, 0.3}, 1),
                new Case("large logits (e^1000 overflows a double)", new double[] {1000.0, 998.0, -5.0}, 1));
        for (Case c : cases) {
            double[][] target = new double[1][c.logits().length];
            target[0][c.target()] = 1.0;
            double expected = Loss.CROSS_ENTROPY.compute(new double[][] {c.logits().clone()}, target, new double[1][c.logits().length]);
            double got;
            try {
                got = crossEntropy.apply(c.logits().clone(), c.target());
            } catch (RuntimeException e) {
                return Chapter03.thrown(1, c.name(), e);
            }
            if (!Check.same(expected, got, TOLERANCE)) {
                return Check.notYet(1, "on \"" + c.name() + "\" (logits " + Check.describe(c.logits()) + ", true class " + c.target()
                        + "): expected " + expected + ", got " + got
                        + (Double.isFinite(got) ? "" : " (subtract the largest logit before exponentiating)"));
            }
        }
        return Check.passed(1, "your cross-entropy matches Loss.CROSS_ENTROPY on " + cases.size() + " inputs, large logits included");
    }

    /** Exercise 2: ∂L/∂h_{t-1} from ∂L/∂h_t, checked against the from-scratch BPTT. */
    public static void exercise2(StepBackward stepBackward) {
        check2(stepBackward);
    }

    /** Exercise 2's check; true when it passed (the verdict line is printed either way). */
    static boolean check2(StepBackward stepBackward) {
        record Case(String name, Chapter03.RnnWeights w, double[] x, double[] hPrevious, double[] dh) {
        }
        List<Case> cases = List.of(
                new Case("input 1, hidden 2", Chapter03.RnnWeights.random(1, 2, 21), new double[] {0.8}, new double[] {0.1, -0.4}, new double[] {1.0, 0.0}),
                new Case("input 2, hidden 3", Chapter03.RnnWeights.random(2, 3, 22), new double[] {-1.0, 0.5}, new double[] {0.3, 0.2, -0.6}, new double[] {0.5, -1.0, 2.0}),
                new Case("a saturated unit (tanh' ≈ 0)", Chapter03.RnnWeights.random(1, 2, 23), new double[] {40.0}, new double[] {0.0, 0.0}, new double[] {1.0, 1.0}),
                new Case("zero incoming gradient", Chapter03.RnnWeights.random(1, 2, 24), new double[] {0.2}, new double[] {0.5, 0.5}, new double[] {0.0, 0.0}));
        for (Case c : cases) {
            Recurrent rnn = c.w().toRecurrent();
            rnn.forward(new double[][][] {{c.x().clone()}}, new double[][][] {{c.hPrevious().clone()}}, null);
            double[] expected = rnn.backward(new double[][][] {{c.dh().clone()}}).initialHidden()[0][0];
            double[] got;
            try {
                got = stepBackward.apply(c.w().copy(), c.x().clone(), c.hPrevious().clone(), c.dh().clone());
            } catch (RuntimeException e) {
                return Chapter03.thrown(2, c.name(), e);
            }
            if (!Check.same(expected, got, TOLERANCE)) {
                return Check.notYet(2, "on \"" + c.name() + "\" (x = " + Check.describe(c.x()) + ", h_{t-1} = " + Check.describe(c.hPrevious())
                        + ", ∂L/∂h_t = " + Check.describe(c.dh()) + "): expected ∂L/∂h_{t-1} = " + Check.describe(expected)
                        + ", got " + Check.describe(got));
            }
        }
        return Check.passed(2, "your step of BPTT matches the from-scratch backward pass on " + cases.size() + " inputs");
    }

    /** Exercise 3: clipping by the global norm, against {@link GradientClipping#clipGlobalNorm}. */
    public static void exercise3(ClipGlobalNorm clip) {
        check3(clip);
    }

    /** Exercise 3's check; true when it passed (the verdict line is printed either way). */
    static boolean check3(ClipGlobalNorm clip) {
        record Case(String name, double[][] gradients, double maxNorm) {
        }
        List<Case> cases = List.of(
                new Case("one tensor of norm 5, max 1", new double[][] {{3.0, 4.0}}, 1.0),
                new Case("two tensors, global norm 13, max 6.5", new double[][] {{3.0, 4.0}, {12.0}}, 6.5),
                new Case("already shorter than the max (unchanged)", new double[][] {{0.1, -0.2}, {0.05}}, 1.0),
                new Case("all zeros", new double[][] {{0.0, 0.0}, {0.0}}, 1.0));
        for (Case c : cases) {
            double[][] expected = Reference.clip(c.gradients(), c.maxNorm());
            double[][] got;
            try {
                got = clip.apply(deepCopy(c.gradients()), c.maxNorm());
            } catch (RuntimeException e) {
                return Chapter03.thrown(3, c.name(), e);
            }
            if (!Check.same(expected, got, 1e-6)) {
                return Check.notYet(3, "on \"" + c.name() + "\" (gradients " + Check.describe(c.gradients()) + ", max norm " + c.maxNorm()
                        + "): expected " + Check.describe(expected) + ", got " + Check.describe(got));
            }
        }
        return Check.passed(3, "your clipping matches GradientClipping.clipGlobalNorm on " + cases.size() + " inputs");
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
