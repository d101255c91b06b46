package workbook.scratch;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Checks hand-written gradients against central differences, one number at a time: the five-point
 * stencil {@code (−L(θ+2ε) + 8 L(θ+ε) − 8 L(θ−ε) + L(θ−2ε)) / 12ε}, whose error shrinks as ε⁴, so ε can stay large
 * enough (1e-4) that rounding does not swamp it. Each tensor (a weight, the input, h0) is compared as a whole:
 * {@code ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖)}, which is not fooled by single entries that are zero
 * up to rounding. In double precision a correct backward pass gives about 1e-9 or less; a wrong one 1e-3 or more.
 * <pre>{@code
 * GradientCheck.Result r = GradientCheck.check(model, x, y);   // a Model and its loss
 * GradientCheck.Result r = GradientCheck.check(lstm, x, h0, c0); // a Recurrent: outputs, final states, x, h0, c0
 * System.out.println(r);   // "max relative error 3.1e-11 (weight_hh_l0), max absolute error 2.0e-12, over 412 numbers"
 * }</pre>
 */
public final class GradientCheck {

    /** The step ε of the central difference. */
    public static final double EPSILON = 1e-4;

    /**
     * The worst tensor: its relative error {@code ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖)}, its name, the largest
     * absolute difference of a single number in any tensor, and how many numbers were checked.
     */
    public record Result(double maxRelativeError, String worst, double maxAbsoluteError, int checked) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "max relative error %.2e (%s), max absolute error %.2e, over %d numbers",
                    maxRelativeError, worst, maxAbsoluteError, checked);
        }
    }

    private GradientCheck() {
    }

    /** Checks every parameter of a model (recurrent layers and head) for the model's own loss on (x, y), y {@code [n][outputs]}. */
    public static Result check(Model model, double[][][] x, double[][] y) {
        model.zeroGradients();
        model.lossAndGradients(x, y);
        return checkParameters(model.parameters(), () -> model.lossAndGradients(x, y), new Worst());
    }

    /** The same for an every-step model, y {@code [n][time][outputs]}. */
    public static Result check(Model model, double[][][] x, double[][][] y) {
        model.zeroGradients();
        model.lossAndGradients(x, y);
        return checkParameters(model.parameters(), () -> model.lossAndGradients(x, y), new Worst());
    }

    /**
     * Checks a recurrent network under the loss {@code L = Σ R ⊙ outputs + Σ R_h ⊙ h_n (+ Σ R_c ⊙ c_n)} with fixed random R,
     * so every path is exercised: all parameters, the input x, and the initial states h0, c0 (which may be null = zeros).
     */
    public static Result check(Recurrent net, double[][][] x, double[][][] h0, double[][][] c0) {
        SequenceOutput out = net.forward(x, h0, c0);
        SplittableRandom random = new SplittableRandom(7);
        double[][][] r = randomLike(out.outputs(), random);
        double[][][] rh = randomLike(out.finalHidden(), random);
        double[][][] rc = out.finalCell() == null ? null : randomLike(out.finalCell(), random);
        net.zeroGradients();
        SequenceGradients g = net.backward(r, rh, rc);
        // the loss is evaluated with the current contents of x, h0 and c0, which the check perturbs in place
        DoubleSupplier loss = () -> {
            SequenceOutput o = net.forward(x, h0, c0);
            return dot(r, o.outputs()) + dot(rh, o.finalHidden()) + (rc == null ? 0 : dot(rc, o.finalCell()));
        };
        // keep the analytic gradients: the forwards of the check below do not touch them, but keep them apart anyway
        double[][] analytic = new double[net.parameters().size()][];
        for (int k = 0; k < analytic.length; k++) {
            analytic[k] = net.parameters().get(k).gradient().clone();
        }
        Worst worst = new Worst();
        for (int k = 0; k < analytic.length; k++) {
            Parameter p = net.parameters().get(k);
            checkArray(p.value(), analytic[k], loss, p.name(), worst);
        }
        checkNested(x, g.input(), loss, "input", worst);
        if (h0 != null) {
            checkNested(h0, g.initialHidden(), loss, "h0", worst);
        }
        if (c0 != null) {
            checkNested(c0, g.initialCell(), loss, "c0", worst);
        }
        return worst.result();
    }

    private static Result checkParameters(List<Parameter> parameters, DoubleSupplier loss, Worst worst) {
        double[][] analytic = new double[parameters.size()][];
        for (int k = 0; k < analytic.length; k++) {
            analytic[k] = parameters.get(k).gradient().clone();
        }
        for (int k = 0; k < analytic.length; k++) {
            Parameter p = parameters.get(k);
            checkArray(p.value(), analytic[k], loss, p.name(), worst);
        }
        return worst.result();
    }

    private static void checkNested(double[][][] values, double[][][] analytic, DoubleSupplier loss, String name, Worst worst) {
        for (int a = 0; a < values.length; a++) {
            for (int b = 0; b < values[a].length; b++) {
                checkArray(values[a][b], analytic[a][b], loss, name + "[" + a + "][" + b + "]", worst);
            }
        }
    }

    private static void checkArray(double[] values, double[] analytic, DoubleSupplier loss, String name, Worst worst) {
        double[] numeric = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            double saved = values[k];
            double[] at = new double[4];
            double[] steps = {2 * EPSILON, EPSILON, -EPSILON, -2 * EPSILON};
            for (int s = 0; s < 4; s++) {
                values[k] = saved + steps[s];
                at[s] = loss.getAsDouble();
            }
            values[k] = saved;
            // five-point central difference: (−L(θ+2ε) + 8 L(θ+ε) − 8 L(θ−ε) + L(θ−2ε)) / 12ε
            numeric[k] = (-at[0] + 8 * at[1] - 8 * at[2] + at[3]) / (12 * EPSILON);
        }
        worst.see(name, analytic, numeric);
    }

    private static double[][][] randomLike(double[][][] shape, SplittableRandom random) {
        double[][][] r = new double[shape.length][][];
        for (int a = 0; a < shape.length; a++) {
            r[a] = new double[shape[a].length][];
            for (int b = 0; b < shape[a].length; b++) {
                r[a][b] = random.doubles(shape[a][b].length, -1, 1).toArray();
            }
        }
        return r;
    }

    private static double dot(double[][][] a, double[][][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                for (int k = 0; k < a[i][j].length; k++) {
                    sum += a[i][j][k] * b[i][j][k];
                }
            }
        }
        return sum;
    }

    private static final class Worst {
        double error = -1;
        String where = "nothing";
        double absolute;
        int count;

        void see(String name, double[] analytic, double[] numeric) {
            double diff = 0;
            double a = 0;
            double n = 0;
            for (int k = 0; k < analytic.length; k++) {
                double d = analytic[k] - numeric[k];
                diff += d * d;
                a += analytic[k] * analytic[k];
                n += numeric[k] * numeric[k];
                absolute = Math.max(absolute, Math.abs(d));
            }
            count += analytic.length;
            double e = a + n == 0 ? 0 : Math.sqrt(diff) / (Math.sqrt(a) + Math.sqrt(n));
            if (!(e <= error)) {
                error = e;
                where = name;
            }
        }

        Result result() {
            return new Result(error, where, absolute, count);
        }
    }
}
