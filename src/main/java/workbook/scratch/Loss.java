package workbook.scratch;

/**
 * A loss over rows of predictions (one row per sequence, or per step and sequence), returning the loss and
 * writing ∂L/∂prediction. Both losses average as PyTorch does by default ({@code reduction="mean"}).
 */
public interface Loss {

    /** Returns L; writes ∂L/∂prediction into {@code gradient} (same shape as {@code prediction}, {@code [rows][cols]}). */
    double compute(double[][] prediction, double[][] target, double[][] gradient);

    /** Mean squared error over all elements: L = (1/N) Σ (ŷ − y)², PyTorch's {@code nn.MSELoss()}. */
    Loss MSE = (prediction, target, gradient) -> {
        int n = prediction.length * prediction[0].length;
        double sum = 0;
        for (int r = 0; r < prediction.length; r++) {
            for (int j = 0; j < prediction[r].length; j++) {
                double e = prediction[r][j] - target[r][j];
                sum += e * e;
                // ∂L/∂ŷ = 2 (ŷ − y) / N
                gradient[r][j] = 2.0 * e / n;
            }
        }
        return sum / n;
    };

    /**
     * Softmax cross-entropy on logits with one-hot (or probability) targets, averaged over rows:
     * p = softmax(ŷ), L = −(1/rows) Σ y log p, PyTorch's {@code nn.CrossEntropyLoss()}.
     */
    Loss CROSS_ENTROPY = (logits, target, gradient) -> {
        int rows = logits.length;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double[] z = logits[r];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(v - max);
            }
            double logSum = max + Math.log(sum);
            for (int j = 0; j < z.length; j++) {
                double y = target[r][j];
                double logP = z[j] - logSum;
                if (y != 0.0) {
                    total -= y * logP;
                }
                // ∂L/∂ŷ = (p − y) / rows
                gradient[r][j] = (Math.exp(logP) - y) / rows;
            }
        }
        return total / rows;
    };
}
