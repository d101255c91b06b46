package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Losses written out, so that masking is explicit (DJL's sequenceMask is missing in the PyTorch engine). */
public final class Losses {

    private Losses() {
    }

    /**
     * Mean of −log softmax(logits)[label] over the positions where {@code mask} is 1 (all when mask is null).
     *
     * @param logits (..., classes)
     * @param labels int64 of shape (...)
     * @param mask   float of shape (...) or null
     */
    public static NDArray crossEntropy(NDArray logits, NDArray labels, NDArray mask) {
        NDArray logProbabilities = logits.logSoftmax(-1);
        NDArray picked = logProbabilities.gather(labels.toType(DataType.INT64, false).expandDims(-1), -1).squeeze(-1);
        if (mask == null) {
            return picked.mean().neg();
        }
        return picked.mul(mask).sum().neg().div(mask.sum());
    }
}
