package workbook.scratch;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients, with the update rules of PyTorch's {@code torch.optim}.
 * <pre>{@code
 * Optimizer adam = Optimizer.adam(0.001);
 * Optimizer sgd = Optimizer.sgd(0.1, 0.9);   // with momentum
 * Optimizer adagrad = Optimizer.adagrad(0.1);
 * }</pre>
 */
public abstract class Optimizer {
    /** The step size; a {@code Fit} with a learning rate replaces it for the length of one fit. */
    protected double learningRate;
    /** Per-parameter state (momentum, sums of squares), created on first use. */
    private final Map<Parameter, double[][]> state = new IdentityHashMap<>();

    protected Optimizer(double learningRate) {
        this.learningRate = checked(learningRate);
    }

    private static double checked(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        return learningRate;
    }

    /** Sets the step size (the state, e.g. Adam's moments, stays); returns the step size in use before. */
    double useLearningRate(double rate) {
        double previous = learningRate;
        learningRate = checked(rate);
        return previous;
    }

    /** Plain gradient descent θ ← θ − lr ∇θ. */
    public static Optimizer sgd(double learningRate) {
        return new Sgd(learningRate, 0.0);
    }

    /** SGD with momentum as PyTorch: v ← μ v + ∇θ; θ ← θ − lr v. */
    public static Optimizer sgd(double learningRate, double momentum) {
        return new Sgd(learningRate, momentum);
    }

    /** Adagrad (PyTorch defaults, eps 1e-10): s ← s + ∇θ²; θ ← θ − lr ∇θ / (√s + eps). */
    public static Optimizer adagrad(double learningRate) {
        return new Adagrad(learningRate);
    }

    /** Adam with β1 = 0.9, β2 = 0.999, eps = 1e-8 (PyTorch defaults). */
    public static Optimizer adam(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8);
    }

    /** One update of every parameter from its current gradient. */
    public final void step(List<Parameter> parameters) {
        beforeStep();
        for (Parameter p : parameters) {
            double[][] s = state.computeIfAbsent(p, q -> newState(q.size()));
            update(p.value(), p.gradient(), s);
        }
    }

    protected void beforeStep() {
    }

    protected abstract double[][] newState(int size);

    protected abstract void update(double[] theta, double[] gradient, double[][] state);

    static final class Sgd extends Optimizer {
        private final double momentum;

        Sgd(double learningRate, double momentum) {
            super(learningRate);
            if (momentum < 0 || momentum >= 1) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
            this.momentum = momentum;
        }

        @Override
        protected double[][] newState(int size) {
            return new double[][] {momentum > 0 ? new double[size] : null, {0}};
        }

        @Override
        protected void update(double[] theta, double[] gradient, double[][] state) {
            if (momentum == 0) {
                for (int k = 0; k < theta.length; k++) {
                    theta[k] -= learningRate * gradient[k];
                }
                return;
            }
            double[] v = state[0];
            boolean first = state[1][0] == 0;
            state[1][0] = 1;
            for (int k = 0; k < theta.length; k++) {
                // v ← μ v + g (PyTorch starts v at the first gradient)
                v[k] = first ? gradient[k] : momentum * v[k] + gradient[k];
                theta[k] -= learningRate * v[k];
            }
        }
    }

    static final class Adagrad extends Optimizer {
        Adagrad(double learningRate) {
            super(learningRate);
        }

        @Override
        protected double[][] newState(int size) {
            return new double[][] {new double[size]};
        }

        @Override
        protected void update(double[] theta, double[] gradient, double[][] state) {
            double[] sum = state[0];
            for (int k = 0; k < theta.length; k++) {
                double g = gradient[k];
                // s ← s + g²;  θ ← θ − lr g / (√s + eps)
                sum[k] += g * g;
                theta[k] -= learningRate * g / (Math.sqrt(sum[k]) + 1e-10);
            }
        }
    }

    static final class Adam extends Optimizer {
        private final double beta1;
        private final double beta2;
        private final double eps;
        private int t;

        Adam(double learningRate, double beta1, double beta2, double eps) {
            super(learningRate);
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
        }

        @Override
        protected void beforeStep() {
            t++;
        }

        @Override
        protected double[][] newState(int size) {
            return new double[][] {new double[size], new double[size]};
        }

        @Override
        protected void update(double[] theta, double[] gradient, double[][] state) {
            double[] m = state[0];
            double[] v = state[1];
            double correction1 = 1 - Math.pow(beta1, t);
            double correction2 = 1 - Math.pow(beta2, t);
            for (int k = 0; k < theta.length; k++) {
                double g = gradient[k];
                // m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²
                m[k] = beta1 * m[k] + (1 - beta1) * g;
                v[k] = beta2 * v[k] + (1 - beta2) * g * g;
                // θ ← θ − lr m̂ / (√v̂ + eps),  m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)
                theta[k] -= learningRate * (m[k] / correction1) / (Math.sqrt(v[k] / correction2) + eps);
            }
        }
    }
}
