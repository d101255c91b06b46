package workbook.djl;

import workbook.scratch.TrainingDivergedException;

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
import workbook.model.Fit;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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

    /** One mini-batch: its mean loss, computed in a manager that is closed after the step. */
    interface Step {
        NDArray loss(NDManager batchManager, boolean training);

        int size();

        /** Frees what the batch holds outside the step's manager (a DJL Batch). */
        default void close() {
        }
    }

    /** Where the batches of an epoch come from: plain arrays by index, or a DJL dataset. */
    interface Source {
        /** Batches per epoch, or -1 when only known after the first epoch. */
        int batches(int batchSize);

        Iterator<Step> epoch(int batchSize, boolean shuffle, Random rng);
    }

    /** Batches of {@code size} samples, addressed by index (shuffled when asked). */
    static Source indexed(int size, BatchLoss loss) {
        if (size == 0) {
            throw new IllegalArgumentException("the data is empty: no sequences");
        }
        return new Source() {
            @Override
            public int batches(int batchSize) {
                return (size + batchSize - 1) / batchSize;
            }

            @Override
            public Iterator<Step> epoch(int batchSize, boolean shuffle, Random rng) {
                int[] order = new int[size];
                for (int i = 0; i < size; i++) {
                    order[i] = i;
                }
                if (shuffle) {
                    shuffleInPlace(order, rng);
                }
                return new Iterator<>() {
                    private int from;

                    @Override
                    public boolean hasNext() {
                        return from < size;
                    }

                    @Override
                    public Step next() {
                        int[] indices = Arrays.copyOfRange(order, from, Math.min(size, from + batchSize));
                        from += batchSize;
                        return new Step() {
                            @Override
                            public NDArray loss(NDManager m, boolean training) {
                                return loss.loss(m, indices, training);
                            }

                            @Override
                            public int size() {
                                return indices.length;
                            }
                        };
                    }
                };
            }
        };
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
        return run(indexed(trainSize, train), validationSize == 0 ? null : indexed(validationSize, validation), history);
    }

    History run(Source train, Source validation, History history) {
        for (Parameter p : parameters) {
            p.getArray().setRequiresGradient(true);
        }
        Random shuffler = new Random(fit.seed());
        int batches = train.batches(fit.batchSize());
        String displayId = fit.progress() ? Displays.display("training: "
                + (batches < 0 ? "" : batches + " batches per epoch, ") + fit.epochs() + " epochs") : null;
        long start = System.nanoTime();
        long lastShown = 0;
        double best = Double.POSITIVE_INFINITY;
        float[][] bestWeights = null;
        int epochsWithoutImprovement = 0;
        long done = 0;
        try (BlasThreads blas = BlasThreads.forProducts(fit.batchSize(), largestWeight())) {
            for (int epoch = 1; epoch <= fit.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                double lossSum = 0;
                int seen = 0;
                int b = 0;
                Iterator<Step> steps = train.epoch(fit.batchSize(), fit.shuffle(), shuffler);
                while (steps.hasNext()) {
                    Interruption.checkpoint("epoch " + epoch + ", batch " + b);
                    Step batch = steps.next();
                    double loss;
                    try {
                        loss = step(batch, epoch, b + 1);
                    } finally {
                        batch.close();
                    }
                    b++;
                    history.batchTrained();
                    done++;
                    lossSum += loss * batch.size();
                    seen += batch.size();
                    long now = System.nanoTime();
                    if (displayId != null && now - lastShown > 250_000_000L) {
                        lastShown = now;
                        Displays.update(displayId, progress(epoch, b, batches, lossSum / seen, Double.NaN, done, seen, start));
                    }
                }
                if (seen == 0) {
                    throw new IllegalArgumentException("the training data gave no batches: it is empty");
                }
                batches = b;
                double trainLoss = lossSum / seen;
                double validationLoss = validation != null ? evaluate(validation) : Double.NaN;
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                history.add(new History.Epoch(epoch, trainLoss, validationLoss, seconds));
                if (displayId != null) {
                    Displays.update(displayId, progress(epoch, b, batches, trainLoss, validationLoss, done, seen, start));
                }
                if (fit.patience() > 0) {
                    double monitored = validation != null ? validationLoss : trainLoss;
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
        } finally {
            Displays.finish(displayId);
        }
        return history;
    }

    /** Elements of the largest parameter: with the batch size, how big the products of one step are. */
    private long largestWeight() {
        long largest = 0;
        for (Parameter p : parameters) {
            largest = Math.max(largest, p.getArray().size());
        }
        return largest;
    }

    private Progress progress(int epoch, int batch, int batches, double loss, double validationLoss, long done,
            int seenThisEpoch, long start) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double perBatch = elapsed / done;
        double left = batches < 0 ? Double.NaN
                : perBatch * ((long) batches * fit.epochs() - ((long) (epoch - 1) * batches + batch));
        double sequencesPerSecond = seenThisEpoch / ((elapsed / done) * batch);
        return new Progress(epoch, fit.epochs(), batch, batches, loss, sequencesPerSecond, left, validationLoss);
    }

    /** One gradient step; returns the batch's loss. */
    private double step(Step train, int epoch, int batchNumber) {
        double loss;
        try (NDScope scope = new NDScope(); NDManager batch = manager.newSubManager()) {
            try (GradientCollector collector = Engine.getEngine(Models.ENGINE).newGradientCollector()) {
                NDArray l = train.loss(batch, true);
                collector.backward(l);
                loss = l.getFloat();
            }
            // as the from-scratch Model does: stop before a non-finite update spoils the weights
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(String.format(Locale.ROOT, "training diverged: the loss is %s at epoch"
                        + " %d, batch %d; lower the learning rate or clip the gradient norm", loss, epoch, batchNumber));
            }
            if (fit.clipGradientNorm() > 0) {
                double norm = clipGlobalNorm(fit.clipGradientNorm());
                if (!Double.isFinite(norm)) {
                    throw new TrainingDivergedException(String.format(Locale.ROOT, "training diverged: the gradient norm"
                            + " is %s at epoch %d, batch %d (loss %.6g); lower the learning rate or clip the gradient"
                            + " norm", norm, epoch, batchNumber, loss));
                }
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
                // libtorch accumulates gradients; DJL's Adam zeroes them after the update (JniUtils.zeroGrad)
                optimizer().update(p.getId(), w, g);
            }
        }
        return loss;
    }

    private Optimizer optimizer;

    private Optimizer optimizer() {
        if (optimizer == null) {
            optimizer = Adam.builder().optLearningRateTracker(Tracker.fixed((float) fit.learningRateOr(Fit.DEFAULT_LEARNING_RATE))).build();
        }
        return optimizer;
    }

    /** Scales every gradient by min(1, maxNorm / ||g||), ||g|| over all parameters together; returns ||g||. */
    private double clipGlobalNorm(double maxNorm) {
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
        return norm;
    }

    /** Mean loss over all samples, in batches, without gradients. */
    double evaluate(BatchLoss loss, int size) {
        return evaluate(indexed(size, loss));
    }

    double evaluate(Source source) {
        double sum = 0;
        int seen = 0;
        Iterator<Step> steps = source.epoch(Math.max(fit.batchSize(), 256), false, null);
        while (steps.hasNext()) {
            Step batch = steps.next();
            try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
                scope.suppressNotUsedWarning();
                sum += batch.loss(m, false).getFloat() * batch.size();
                seen += batch.size();
            } finally {
                batch.close();
            }
        }
        if (seen == 0) {
            throw new IllegalArgumentException("the evaluation data gave no batches: it is empty");
        }
        return sum / seen;
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
            Models.overwrite(parameters.get(i).getArray(), weights[i]);
        }
    }

    private static void shuffleInPlace(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
