package workbook.scratch;

/**
 * A loss over {@code rows} predictions of {@code cols} values each, returning the loss and writing
 * ∂L/∂prediction. Both losses average as PyTorch does by default ({@code reduction="mean"}).
 */
public interface Loss {

    /** Returns L; writes ∂L/∂prediction into {@code gradient} (same layout as prediction, {@code [rows][cols]}). */
    double compute(double[] prediction, double[] target, int rows, int cols, double[] gradient);

    /** Mean squared error over all elements: L = (1/N) Σ (ŷ − y)², PyTorch's {@code nn.MSELoss()}. */
    Loss MSE = (prediction, target, rows, cols, gradient) -> {
        int n = rows * cols;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double e = prediction[k] - target[k];
            sum += e * e;
            // ∂L/∂ŷ = 2 (ŷ − y) / N
            gradient[k] = 2.0 * e / n;
        }
        return sum / n;
    };

    /**
     * Softmax cross-entropy on logits with one-hot (or probability) targets, averaged over rows:
     * p = softmax(ŷ), L = −(1/rows) Σ y log p, PyTorch's {@code nn.CrossEntropyLoss()}.
     */
    Loss CROSS_ENTROPY = (logits, target, rows, cols, gradient) -> {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, logits[row + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(logits[row + j] - max);
            }
            double logSum = max + Math.log(sum);
            for (int j = 0; j < cols; j++) {
                double y = target[row + j];
                double logP = logits[row + j] - logSum;
                if (y != 0.0) {
                    total -= y * logP;
                }
                // ∂L/∂ŷ = (p − y) / rows
                gradient[row + j] = (Math.exp(logP) - y) / rows;
            }
        }
        return total / rows;
    };
}
