package workbook.scratch;

import workbook.display.Displays;
import workbook.display.Interruption;
import workbook.model.Fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The training loop of the from-scratch {@link Model}: epochs over (shuffled) batches; under truncated BPTT each batch
 * cut into chunks of k steps; each chunk one {@link #step}: forward, loss, BPTT, gradient clipping, one optimiser
 * update. With more than one thread a batch's forward and backward pass is shared out ({@link DataParallel}).
 * {@link CharRnn} drives {@link #step} itself. Close it to stop its threads.
 */
final class Training implements AutoCloseable {
    private final Trainable model;
    private final Recurrent recurrent;
    private final double clipNorm;
    private final int truncation;
    /** Null when training on one thread. */
    private final DataParallel parallel;
    private int batchesTrained;
    /** The progress line's display, while {@link #fit} shows one. */
    private String progressId;

    /**
     * @param clipNorm   rescale all gradients together when their global norm exceeds this (0 = no clipping)
     * @param truncation truncated BPTT with chunks of this many steps (0 = full BPTT)
     * @param threads    share each batch's forward and backward pass among this many threads
     */
    Training(Trainable model, double clipNorm, int truncation, int threads) {
        this.model = model;
        this.recurrent = model.recurrent();
        this.clipNorm = clipNorm;
        this.truncation = truncation;
        this.parallel = threads > 1 ? new DataParallel(model, threads) : null;
    }

    /**
     * Trains on time-major rows, x {@code [time * n][features]} and y {@code [(time or 1) * n][outputs]}, as the Fit
     * says (a learning rate in it replaces the optimiser's for this fit); returns the mean loss of every epoch.
     */
    List<Double> fit(double[][] xAll, double[][] yAll, int n, Fit fit) {
        if (fit.patience() > 0) {
            throw new IllegalArgumentException("Fit.patience(" + fit.patience() + ") stops on the validation loss, but the"
                    + " from-scratch Model.fit has no validation data: use patience(0)");
        }
        int time = xAll.length / n;
        Optimizer optimizer = model.optimizer();
        double optimisersOwnRate = fit.learningRate() > 0 ? optimizer.useLearningRate(fit.learningRate()) : 0;
        try {
            return runEpochs(xAll, yAll, n, time, fit);
        } finally {
            Displays.finish(progressId);
            progressId = null;
            if (optimisersOwnRate > 0) {
                optimizer.useLearningRate(optimisersOwnRate);
            }
        }
    }

    private List<Double> runEpochs(double[][] xAll, double[][] yAll, int n, int time, Fit fit) {
        int targetSteps = model.everyStep() ? time : 1;
        SplittableRandom random = new SplittableRandom(fit.seed());
        int[] order = new int[n];
        Arrays.setAll(order, k -> k);
        List<Double> history = new ArrayList<>();
        for (int epoch = 1; epoch <= fit.epochs(); epoch++) {
            if (fit.shuffle()) {
                shuffle(order, random);
            }
            double sum = 0;
            int batches = 0;
            for (int start = 0; start < n; start += fit.batchSize()) {
                int batch = Math.min(fit.batchSize(), n - start);
                double[][] xb = gather(xAll, order, start, batch, n, time);
                double[][] yb = gather(yAll, order, start, batch, n, targetSteps);
                sum += trainBatch(xb, yb, time, batch, epoch, batches + 1);
                batches++;
                Interruption.checkpoint("epoch " + epoch + ", batch " + batches);
            }
            history.add(sum / batches);
            if (fit.progress()) {
                showProgress(String.format(Locale.ROOT, "epoch %d/%d  loss %.6f", epoch, fit.epochs(), sum / batches));
            }
        }
        return history;
    }

    /** Fisher-Yates, from the last position down. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int k = order.length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int swap = order[k];
            order[k] = order[j];
            order[j] = swap;
        }
    }

    private void showProgress(String line) {
        if (progressId == null) {
            progressId = Displays.display(line);
        } else {
            Displays.update(progressId, line);
        }
    }

    /** Sequences {@code order[start .. start + batch)} of time-major rows {@code [time * n][..]}, as {@code [time * batch][..]} (the same row arrays). */
    private static double[][] gather(double[][] all, int[] order, int start, int batch, int n, int time) {
        double[][] out = new double[time * batch][];
        for (int t = 0; t < time; t++) {
            for (int b = 0; b < batch; b++) {
                out[t * batch + b] = all[t * n + order[start + b]];
            }
        }
        return out;
    }

    /**
     * One batch (time-major rows x {@code [time * batch][features]}, y {@code [(time or 1) * batch][outputs]}), split into
     * chunks of {@code truncation} steps when truncated BPTT is on. Returns the mean loss.
     */
    private double trainBatch(double[][] x, double[][] y, int time, int batch, int epoch, int batchNumber) {
        boolean everyStep = model.everyStep();
        int chunk = truncation == 0 ? time : Math.min(truncation, time);
        double[][] h = null;
        double[][] c = null;
        double lossSum = 0;
        int lossCount = 0;
        for (int from = 0; from < time; from += chunk) {
            int len = Math.min(chunk, time - from);
            boolean last = from + len == time;
            double[][] xc = len == time ? x : Arrays.copyOfRange(x, from * batch, (from + len) * batch);
            if (!everyStep && !last) {
                // no loss in this chunk: only carry the state on
                recurrent.forwardRows(xc, len, batch, h, c);
            } else {
                double[][] yc = !everyStep || len == time ? y : Arrays.copyOfRange(y, from * batch, (from + len) * batch);
                lossSum += step(xc, yc, len, batch, h, c, epoch, batchNumber);
                lossCount++;
            }
            if (!last) {
                // truncated BPTT: the state flows on into the next chunk, its gradient does not
                h = recurrent.finalHidden();
                c = recurrent.hasCellState() ? recurrent.finalCell() : null;
            }
        }
        batchesTrained++;
        return lossSum / lossCount;
    }

    /** Forward, loss, BPTT, clipping and one optimiser update on one chunk. Returns the loss. */
    double step(double[][] x, double[][] y, int time, int batch, double[][] h0, double[][] c0, int epoch, int batchNumber) {
        boolean shared = parallel != null && batch > 1 && h0 == null && c0 == null && !recurrent.recordsSteps();
        double value = shared ? parallel.forwardBackward(x, y, time, batch) : model.forwardBackward(x, y, time, batch, h0, c0);
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(String.format(Locale.ROOT,
                    "training diverged: the loss is %s at epoch %d, batch %d; lower the learning rate or clip the gradient norm",
                    value, epoch, batchNumber));
        }
        List<Parameter> parameters = model.parameters();
        double norm = clipNorm > 0 ? GradientClipping.clipGlobalNorm(parameters, clipNorm) : GradientClipping.globalNorm(parameters);
        if (!Double.isFinite(norm)) {
            throw new TrainingDivergedException(String.format(Locale.ROOT,
                    "training diverged: the gradient norm is %s at epoch %d, batch %d (loss %.6g); lower the learning rate or clip the gradient norm",
                    norm, epoch, batchNumber, value));
        }
        model.optimizer().step(parameters);
        return value;
    }

    /** How many batches {@link #fit} has trained so far. */
    int batchesTrained() {
        return batchesTrained;
    }

    @Override
    public void close() {
        if (parallel != null) {
            parallel.close();
        }
    }
}
