package workbook.check;

import workbook.classic.Baselines;
import workbook.scratch.Optimizer;
import workbook.scratch.Parameter;
import workbook.scratch.Recurrent;

import java.util.List;

/**
 * Checkers for notebook 04b (the training loop). The references are the library's own code: {@link Optimizer#sgd(double,
 * double)} for the momentum update, {@link Baselines#seasonalMean(int)} for climatology; each checker prints a
 * {@link Check} verdict.
 */
public final class Chapter04b {

    private Chapter04b() {
    }

    /**
     * One update of SGD with momentum on one parameter vector, in place: {@code velocity} ← μ·velocity + gradient, then
     * {@code theta} ← theta − learning rate · velocity. The velocity starts at zero.
     */
    @FunctionalInterface
    public interface MomentumStep {
        void apply(double[] theta, double[] gradient, double[] velocity, double learningRate, double momentum);
    }

    /** Climatology: the forecast for each of the next {@code horizon} steps is the mean of the history's values at the same position in the season. */
    @FunctionalInterface
    public interface SeasonalMean {
        double[] apply(double[] history, int season, int horizon);
    }

    /** Exercise 1: SGD with momentum, against the library's {@code Optimizer.sgd(learningRate, momentum)}. */
    public static void exercise1(MomentumStep step) {
        check1(step);
    }

    /** A run of updates: the starting values, one gradient per update, the learning rate and the momentum. */
    record Updates(double[] start, double[][] gradients, double learningRate, double momentum) {
    }

    /** Exercise 1's check; true when it passed (the verdict line is printed either way). */
    static boolean check1(MomentumStep step) {
        return Check.exercise(1, "your momentum update").tolerance(1e-12)
                .on("one update (velocity = the gradient)", new Updates(new double[] {1.0, -2.0}, new double[][] {{0.5, -1.0}}, 0.1, 0.9))
                .on("three updates, the same gradient (velocity grows)", new Updates(new double[] {0.0},
                        new double[][] {{1.0}, {1.0}, {1.0}}, 0.1, 0.9))
                .on("four updates, the gradient changes sign", new Updates(new double[] {0.3, 0.7, -0.2},
                        new double[][] {{1.0, -0.5, 0.0}, {-1.0, 0.25, 2.0}, {0.5, 0.5, -1.0}, {-0.2, 0.0, 0.1}}, 0.05, 0.5))
                .on("momentum 0 (plain SGD)", new Updates(new double[] {2.0, 3.0}, new double[][] {{1.0, 2.0}, {3.0, -4.0}}, 0.5, 0.0))
                .compare(u -> answer(step, u), Chapter04b::reference);
    }

    private static double[] answer(MomentumStep step, Updates u) {
        double[] theta = u.start().clone();
        double[] velocity = new double[theta.length];
        for (double[] gradient : u.gradients()) {
            step.apply(theta, gradient.clone(), velocity, u.learningRate(), u.momentum());
        }
        return theta;
    }

    private static double[] reference(Updates u) {
        // borrow a parameter of the right size: a recurrent layer's input bias, b_ih [H]
        Parameter p = Recurrent.rnn(1, u.start().length).build().parameters().get(2);
        System.arraycopy(u.start(), 0, p.value(), 0, p.size());
        Optimizer sgd = u.momentum() > 0 ? Optimizer.sgd(u.learningRate(), u.momentum()) : Optimizer.sgd(u.learningRate());
        for (double[] gradient : u.gradients()) {
            System.arraycopy(gradient, 0, p.gradient(), 0, p.size());
            sgd.step(List.of(p));
        }
        return p.value().clone();
    }

    /** Exercise 2: climatology, against {@code Baselines.seasonalMean(season)}. */
    public static void exercise2(SeasonalMean seasonalMean) {
        check2(seasonalMean);
    }

    /** A history, its season and how many steps to forecast. */
    record Question(double[] history, int season, int horizon) {
    }

    /** Exercise 2's check; true when it passed (the verdict line is printed either way). */
    static boolean check2(SeasonalMean seasonalMean) {
        return Check.exercise(2, "your seasonal mean")
                .on("two seasons of 4, one step", new Question(new double[] {1, 5, 9, 3, 3, 7, 11, 5}, 4, 1))
                .on("history ends inside a season", new Question(new double[] {1, 5, 9, 3, 3, 7, 11, 5, 2, 6}, 4, 2))
                .on("horizon longer than a season", new Question(new double[] {10, 20, 30, 12, 22, 32, 14, 24, 34}, 3, 5))
                .on("season 1 (the mean of all values)", new Question(new double[] {2, 4, 9}, 1, 2))
                .on("less than one season of history (must throw IllegalArgumentException)", new Question(new double[] {1, 2}, 3, 1))
                .compare(q -> seasonalMean.apply(q.history().clone(), q.season(), q.horizon()),
                        q -> Baselines.seasonalMean(q.season()).forecast(q.history().clone(), q.horizon()));
    }
}
