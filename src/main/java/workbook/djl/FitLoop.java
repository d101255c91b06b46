package workbook.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import workbook.display.Displays;
import workbook.display.Interruption;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;

/**
 * The training loop shared by every model in this package: shuffled mini-batches, Adam, global-norm
 * clipping, validation loss per epoch, early stopping with best-weights restore, a live progress line and
 * a clean stop on interrupt. Every temporary array lives in a per-batch scope, so repeated fits do not
 * grow native memory.
 */
final class FitLoop {

    /** The mean loss of the samples {@code indices}, built in {@code batchManager}. */
    interface BatchLoss {
        NDArray loss(NDManager batchManager, int[] indices, boolean training);
    }

    private final NDManager manager;
    private final List<Parameter> parameters;
    private final Fit fit;

    FitLoop(NDManager manager, List<Parameter> parameters, Fit fit) {
        this.manager = manager;
        this.parameters = parameters;
        this.fit = fit;
    }

    History run(int trainSize, BatchLoss train, int validationSize, BatchLoss validation, History history) {
        if (trainSize == 0) {
            throw new IllegalArgumentException("the training data is empty: nothing to fit");
        }
        for (Parameter p : parameters) {
            p.getArray().setRequiresGradient(true);
        }
        Random shuffler = new Random(fit.seed());
        int[] order = new int[trainSize];
        for (int i = 0; i < trainSize; i++) {
            order[i] = i;
        }
        int batches = (trainSize + fit.batchSize() - 1) / fit.batchSize();
        String displayId = fit.progress() ? Displays.display("training: " + trainSize + " sequences, " + batches
                + " batches per epoch") : null;
        long start = System.nanoTime();
        long lastShown = 0;
        double best = Double.POSITIVE_INFINITY;
        float[][] bestWeights = null;
        int epochsWithoutImprovement = 0;
        long totalBatches = (long) batches * fit.epochs();
        long done = 0;
        try {
            for (int epoch = 1; epoch <= fit.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                if (fit.shuffle()) {
                    shuffle(order, shuffler);
                }
                double lossSum = 0;
                int seen = 0;
                for (int b = 0; b < batches; b++) {
                    Interruption.checkpoint("epoch " + epoch + ", batch " + b);
                    int from = b * fit.batchSize();
                    int to = Math.min(trainSize, from + fit.batchSize());
                    int[] indices = java.util.Arrays.copyOfRange(order, from, to);
                    double loss = step(train, indices);
                    history.batchTrained();
                    done++;
                    lossSum += loss * indices.length;
                    seen += indices.length;
                    long now = System.nanoTime();
                    if (displayId != null && (now - lastShown > 250_000_000L || b == batches - 1)) {
                        lastShown = now;
                        double elapsed = (now - start) / 1e9;
                        double perBatch = elapsed / done;
                        Displays.update(displayId, new Progress(epoch, fit.epochs(), b + 1, batches, lossSum / seen,
                                (double) done * fit.batchSize() / elapsed, perBatch * (totalBatches - done), Double.NaN));
                    }
                }
                double trainLoss = lossSum / seen;
                double validationLoss = validationSize > 0 ? evaluate(validation, validationSize) : Double.NaN;
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                history.add(new History.Epoch(epoch, trainLoss, validationLoss, seconds));
                if (displayId != null) {
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    Displays.update(displayId, new Progress(epoch, fit.epochs(), batches, batches, trainLoss,
                            (double) done * fit.batchSize() / elapsed, elapsed / done * (totalBatches - done),
                            validationLoss));
                }
                if (fit.patience() > 0) {
                    double monitored = validationSize > 0 ? validationLoss : trainLoss;
                    if (monitored < best) {
                        best = monitored;
                        bestWeights = snapshot();
                        history.bestEpoch(epoch);
                        epochsWithoutImprovement = 0;
                    } else if (++epochsWithoutImprovement >= fit.patience()) {
                        history.stoppedEarly();
                        break;
                    }
                }
            }
            if (bestWeights != null) {
                restore(bestWeights);
            }
        } catch (Interruption.StoppedByInterrupt stop) {
            history.interrupted();
            throw stop;
        }
        return history;
    }

    /** One gradient step; returns the batch's loss. */
    private double step(BatchLoss train, int[] indices) {
        double loss;
        try (NDScope scope = new NDScope(); NDManager batch = manager.newSubManager()) {
            try (GradientCollector collector = Engine.getEngine(Models.ENGINE).newGradientCollector()) {
                NDArray l = train.loss(batch, indices, true);
                collector.backward(l);
                loss = l.getFloat();
            }
            if (fit.clipNorm() > 0) {
                clipGlobalNorm(fit.clipNorm());
            }
            scope.suppressNotUsedWarning();
        }
        // Outside the scope: the optimiser creates its moment arrays (which must outlive the batch) on first use.
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            if (!w.hasGradient()) {
                continue;
            }
            try (NDArray g = w.getGradient()) {
                optimizer().update(p.getId(), w, g);
                g.subi(g); // libtorch accumulates gradients: reset for the next batch
            }
        }
        return loss;
    }

    private Optimizer optimizer;

    private Optimizer optimizer() {
        if (optimizer == null) {
            optimizer = Adam.builder().optLearningRateTracker(Tracker.fixed((float) fit.learningRate())).build();
        }
        return optimizer;
    }

    /** Scales every gradient by min(1, maxNorm / ||g||), ||g|| over all parameters together. */
    private void clipGlobalNorm(double maxNorm) {
        double sumOfSquares = 0;
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            if (w.hasGradient()) {
                NDArray g = w.getGradient();
                sumOfSquares += g.square().sum().getFloat();
            }
        }
        double norm = Math.sqrt(sumOfSquares);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (Parameter p : parameters) {
                NDArray w = p.getArray();
                if (w.hasGradient()) {
                    w.getGradient().muli(scale);
                }
            }
        }
    }

    /** Mean loss over all samples, in batches, without gradients. */
    double evaluate(BatchLoss loss, int size) {
        double sum = 0;
        int step = Math.max(fit.batchSize(), 256);
        for (int from = 0; from < size; from += step) {
            int to = Math.min(size, from + step);
            int[] indices = new int[to - from];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = from + i;
            }
            try (NDScope scope = new NDScope(); NDManager batch = manager.newSubManager()) {
                sum += loss.loss(batch, indices, false).getFloat() * indices.length;
                scope.suppressNotUsedWarning();
            }
        }
        return sum / size;
    }

    private float[][] snapshot() {
        float[][] copy = new float[parameters.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = parameters.get(i).getArray().toFloatArray();
        }
        return copy;
    }

    private void restore(float[][] weights) {
        for (int i = 0; i < weights.length; i++) {
            parameters.get(i).getArray().set(FloatBuffer.wrap(weights[i]));
        }
    }

    private static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
