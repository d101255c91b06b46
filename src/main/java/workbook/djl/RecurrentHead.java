package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import workbook.model.Output;

/**
 * What a {@link RecurrentModel}'s dense head predicts and how it is scored: the steps it sees ({@link Output}),
 * real values (mean squared error) or class logits (softmax cross-entropy), and its units. It checks targets
 * against that, computes a batch's loss and lays out predictions as arrays.
 */
final class RecurrentHead {

    final Output output;
    final boolean classification;
    final int units;

    RecurrentHead(Output output, boolean classification, int units) {
        this.output = output;
        this.classification = classification;
        this.units = units;
    }

    /** The loss of one batch: MSE for regression, cross-entropy for classes; padded steps do not count. */
    NDArray loss(NDArray pred, NDList inputs, NDArray target) {
        NDArray lengths = inputs.size() > 1 ? inputs.get(1) : null;
        long steps = inputs.get(0).getShape().get(1);
        NDArray mask = output == Output.EVERY_STEP && lengths != null ? stepMask(lengths, steps) : null;
        if (!classification) {
            NDArray aligned = target.getShape().equals(pred.getShape()) ? target : target.reshape(pred.getShape());
            NDArray squared = pred.sub(aligned).square();
            if (mask != null) {
                NDArray m3 = mask.expandDims(2);
                return squared.mul(m3).sum().div(m3.sum().mul(units));
            }
            return squared.mean();
        }
        return Losses.crossEntropy(pred, target.reshape(labelShape(pred)), mask);
    }

    private static Shape labelShape(NDArray logits) {
        Shape s = logits.getShape();
        return s.slice(0, s.dimension() - 1);
    }

    private static NDArray stepMask(NDArray lengths, long steps) {
        return lengths.getManager().arange(steps).reshape(1, steps).lt(lengths.reshape(-1, 1))
                .toType(DataType.FLOAT32, false);
    }

    /** Refuses targets this head cannot score: values for classes, a label per step for the last step, ... */
    void checkTargets(TrainData data, String role) {
        boolean classes = data.target != TrainData.Target.VALUES;
        if (classes != classification) {
            throw new IllegalArgumentException("the " + role + " data has " + (classes ? "class labels" : "real targets")
                    + " but the model was built for " + (classification ? "classification" : "regression")
                    + (classes ? " (use classes(n) instead of outputs(n))" : " (use outputs(n) instead of classes(n))"));
        }
        if ((data.target == TrainData.Target.STEP_CLASSES) != (output == Output.EVERY_STEP && classes)) {
            throw new IllegalArgumentException("the " + role + " data has " + (data.target == TrainData.Target.STEP_CLASSES
                    ? "a label per step" : "a label per sequence") + " but the model's output is " + output);
        }
        if (data.target == TrainData.Target.VALUES) {
            int expected = output == Output.LAST_STEP ? units : units * data.steps;
            if (data.yWidth != expected) {
                throw new IllegalArgumentException("the " + role + " targets have " + data.yWidth
                        + " values per sequence, expected " + expected + (output == Output.LAST_STEP
                        ? " (the head's units)" : " (units × steps)"));
            }
        }
        if (data.labels != null) {
            for (long l : data.labels) {
                if (l >= units) {
                    throw new IllegalArgumentException("the " + role + " data has class label " + l
                            + " but the model has only " + units + " classes");
                }
            }
        }
    }

    /** The head's flat output for {@code samples} sequences as [sample][unit]. */
    double[][] lastStep(float[] flat, int samples) {
        double[][] result = new double[samples][units];
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < units; j++) {
                result[i][j] = flat[i * units + j];
            }
        }
        return result;
    }

    /** The head's flat output for {@code samples} sequences of {@code steps} as [sample][step][unit]. */
    double[][][] everyStep(float[] flat, int samples, int steps) {
        double[][][] result = new double[samples][steps][units];
        for (int i = 0; i < samples; i++) {
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < units; j++) {
                    result[i][t][j] = flat[(i * steps + t) * units + j];
                }
            }
        }
        return result;
    }
}
