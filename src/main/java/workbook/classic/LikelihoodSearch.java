package workbook.classic;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import workbook.display.Interruption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * The maximum-likelihood search shared by {@link ArimaModel} and {@link SarimaModel}: Nelder-Mead
 * over unconstrained parameters from several starts, then restarts from the best point until the
 * likelihood stops improving.
 *
 * <p>The exact likelihood can have several local maxima (typically one with an MA root on the unit
 * circle), so the search starts from a given estimate, from zero and from a few fixed
 * pseudo-random points, and keeps the best. Nelder-Mead can stall before the optimum; restarting
 * from the best point until the likelihood stops improving makes it reliable.
 */
final class LikelihoodSearch {

    private static final int MAX_EVALUATIONS = 40_000;
    private static final int MAX_RESTARTS = 20;

    private LikelihoodSearch() {
    }

    /** The best point and its negative log-likelihood, with the number of evaluations spent. */
    record Optimum(double[] point, double value, int evaluations) {
    }

    /**
     * The starting points: {@code estimate}, zero, and {@code randomStarts} points with N(0, 1.5²)
     * entries from index {@code firstRandom} on (the entries before it, e.g. a scaled mean, stay 0).
     */
    static List<double[]> starts(double[] estimate, int firstRandom, int randomStarts) {
        int dimension = estimate.length;
        List<double[]> starts = new ArrayList<>();
        starts.add(estimate);
        starts.add(new double[dimension]);
        Random random = new Random(20240501L);
        for (int i = 0; i < randomStarts; i++) {
            double[] u = new double[dimension];
            for (int j = firstRandom; j < dimension; j++) {
                u[j] = 1.5 * random.nextGaussian();
            }
            starts.add(u);
        }
        return starts;
    }

    /**
     * Minimises the negative log-likelihood; evaluations that throw (a numerically degenerate
     * corner of the parameter space) count as the worst value.
     */
    static Optimum minimise(ToDoubleFunction<double[]> negativeLogLikelihood, List<double[]> starts, String name) {
        int[] evaluations = {0};
        ObjectiveFunction objective = new ObjectiveFunction(u -> {
            evaluations[0]++;
            try {
                return negativeLogLikelihood.applyAsDouble(u);
            } catch (RuntimeException e) {
                return Double.MAX_VALUE;
            }
        });
        PointValuePair best = null;
        for (int i = 0; i < starts.size(); i++) {
            Interruption.checkpoint(name + " fit, start " + i);
            PointValuePair candidate = nelderMead(objective, starts.get(i), 0.5, 1e-8, name);
            if (best == null || candidate.getValue() < best.getValue()) {
                best = candidate;
            }
        }
        for (int restart = 0; ; restart++) {
            if (restart == MAX_RESTARTS) {
                throw new ModelFitException(name + " did not converge: the likelihood was still improving after "
                        + MAX_RESTARTS + " restarts");
            }
            PointValuePair next = nelderMead(objective, best.getPoint(), 0.05, 1e-12, name);
            boolean improved = next.getValue() < best.getValue() - 1e-9;
            if (next.getValue() < best.getValue()) {
                best = next;
            }
            if (!improved) {
                break;
            }
        }
        if (!Double.isFinite(best.getValue()) || best.getValue() == Double.MAX_VALUE) {
            throw new ModelFitException(name + ": the likelihood could not be evaluated at any tried parameters");
        }
        return new Optimum(best.getPoint(), best.getValue(), evaluations[0]);
    }

    private static PointValuePair nelderMead(ObjectiveFunction f, double[] start, double step, double tolerance, String name) {
        double[] steps = new double[start.length];
        Arrays.fill(steps, step);
        try {
            return new SimplexOptimizer(tolerance, tolerance).optimize(new MaxEval(MAX_EVALUATIONS), f, GoalType.MINIMIZE,
                    new InitialGuess(start), new NelderMeadSimplex(steps));
        } catch (TooManyEvaluationsException e) {
            throw new ModelFitException(name + " did not converge: the likelihood was still improving after "
                    + MAX_EVALUATIONS + " evaluations (try a smaller order)", e);
        }
    }
}
