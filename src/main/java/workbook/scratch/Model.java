package workbook.scratch;

import workbook.display.Displays;
import workbook.display.Interruption;
import workbook.io.ModelFile;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A recurrent network with a dense head, a loss and an optimiser, and a training loop.
 * <pre>{@code
 * Model model = Model.builder(Recurrent.lstm(1, 64).seed(42).build())
 *         .outputs(1)                          // dense head on the last step: y = W h_T + b
 *         .loss(Loss.MSE)
 *         .optimizer(Optimizer.adam(0.001))
 *         .clipGradientNorm(1.0)
 *         .build();
 * List<Double> losses = model.fit(x, y, 20, 32); // x [n][time][features], y [n][outputs]; 20 epochs, batch 32
 * double[][] forecast = model.predict(xTest);
 * }</pre>
 * With {@code .everyStep()} the head runs on every step and targets are {@code [n][time][outputs]}
 * (a sequence-to-sequence model, e.g. a language model). With {@code .truncatedBptt(k)} each batch is
 * cut into chunks of k steps: gradients flow back at most k steps, the state flows on (detached), and
 * the parameters are updated after every chunk.
 */
public final class Model {
    private final Recurrent recurrent;
    private final Dense head;
    private final Loss loss;
    private final Optimizer optimizer;
    private final double clipNorm;
    private final boolean everyStep;
    private final int truncation;
    private final long seed;
    private final boolean progress;
    private final int threads;
    private final List<Parameter> parameters = new ArrayList<>();
    /** Data-parallel training: models of the same shape that compute the gradients of the other shares of a batch. */
    private final List<Model> workers = new ArrayList<>();
    /** Runs the workers while {@link #fit} trains with more than one thread. */
    private ExecutorService pool;
    private int batchesTrained;
    /** Reused gradient buffers of the training step. */
    private double[][] dPrediction = new double[0][];
    private double[][] dTop = new double[0][];

    private Model(Builder b) {
        this.recurrent = b.recurrent;
        this.head = new Dense(recurrent.outputSize(), b.outputs, b.seed + 1);
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.clipNorm = b.clipNorm;
        this.everyStep = b.everyStep;
        this.truncation = b.truncation;
        this.seed = b.seed;
        this.progress = b.progress;
        this.threads = b.threads;
        parameters.addAll(recurrent.parameters());
        parameters.addAll(head.parameters());
    }

    public static Builder builder(Recurrent recurrent) {
        return new Builder(recurrent);
    }

    /** Options with defaults: 1 output on the last step, MSE, Adam(0.001), no clipping, full BPTT, the {@link Recurrent#defaultSeed()} (42), no progress display. */
    public static final class Builder {
        private final Recurrent recurrent;
        private int outputs = 1;
        private Loss loss = Loss.MSE;
        private Optimizer optimizer;
        private double clipNorm;
        private boolean everyStep;
        private int truncation;
        private long seed = Recurrent.defaultSeed();
        private boolean progress;
        private int threads = 1;

        private Builder(Recurrent recurrent) {
            this.recurrent = recurrent;
        }

        public Builder outputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        public Builder loss(Loss loss) {
            this.loss = loss;
            return this;
        }

        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /** Clip the global gradient norm to this value before each update (0 = no clipping). */
        public Builder clipGradientNorm(double maxNorm) {
            this.clipNorm = maxNorm;
            return this;
        }

        /** Head on every step; targets {@code [n][time][outputs]}. */
        public Builder everyStep() {
            this.everyStep = true;
            return this;
        }

        /** Truncated BPTT with chunks of k steps (0 = full BPTT). */
        public Builder truncatedBptt(int k) {
            if (k < 0) {
                throw new IllegalArgumentException("truncation must be ≥ 0 steps, got " + k);
            }
            this.truncation = k;
            return this;
        }

        /** Seed of the head's initialisation and of the shuffling of batches. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Show the loss after each epoch through {@link Displays}. */
        public Builder showProgress(boolean on) {
            this.progress = on;
            return this;
        }

        /**
         * Train on this many threads (data parallelism): each batch is cut into shares of sequences, each thread runs
         * forward and BPTT on its share, and the gradients are added up, weighted by share, before the one update.
         * The result equals one thread's up to rounding (1e-16 relative), as a batch's mean gradient is the weighted
         * mean of its shares' mean gradients (so the loss must average over rows, as MSE and CROSS_ENTROPY do).
         * Truncated BPTT, tracing and gradient-norm recording train on one thread.
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + count);
            }
            this.threads = count;
            return this;
        }

        public Model build() {
            if (optimizer == null) {
                optimizer = Optimizer.adam(0.001);
            }
            return new Model(this);
        }
    }

    public Recurrent recurrent() {
        return recurrent;
    }

    public Dense head() {
        return head;
    }

    public Loss loss() {
        return loss;
    }

    /** The recurrent parameters followed by the head's weight and bias. */
    public List<Parameter> parameters() {
        return parameters;
    }

    public void zeroGradients() {
        parameters.forEach(Parameter::zeroGradient);
    }

    /**
     * All weights under the names PyTorch gives a module with two attributes {@code rnn} (the recurrent layers) and
     * {@code head} (an {@code nn.Linear}): {@code rnn.weight_ih_l0}, ..., {@code head.weight}, {@code head.bias}.
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> dict = new LinkedHashMap<>();
        recurrent.stateDict().forEach((name, value) -> dict.put("rnn." + name, value));
        for (Parameter p : head.parameters()) {
            dict.put("head." + p.name(), p.toArray());
        }
        return dict;
    }

    /** Loads weights named as in {@link #stateDict()} (e.g. a PyTorch module's state_dict written as JSON); names and shapes are checked. */
    public void loadStateDict(Map<String, ?> dict) {
        Map<String, Object> rnn = new LinkedHashMap<>();
        Map<String, Object> rest = new LinkedHashMap<>();
        dict.forEach((name, value) -> (name.startsWith("rnn.") ? rnn : rest).put(name.startsWith("rnn.") ? name.substring(4) : name, value));
        for (Parameter p : head.parameters()) {
            if (!rest.containsKey("head." + p.name())) {
                throw new IllegalArgumentException("weights lack head." + p.name() + " " + p.shape() + "; expected the names "
                        + stateDict().keySet() + ", got " + dict.keySet());
            }
        }
        if (rest.size() != head.parameters().size()) {
            rest.keySet().removeIf(name -> name.equals("head.weight") || name.equals("head.bias"));
            throw new IllegalArgumentException("unexpected weights " + rest.keySet() + "; expected the names " + stateDict().keySet());
        }
        // every name and shape is checked before the first weight changes: all or nothing
        recurrent.checkStateDict(rnn);
        for (Parameter p : head.parameters()) {
            p.check(rest.get("head." + p.name()));
        }
        recurrent.loadStateDict(rnn);
        for (Parameter p : head.parameters()) {
            p.set(rest.get("head." + p.name()));
        }
    }

    /** What {@link #save} writes in the file's header, checked by {@link #load}. */
    static final String FILE_KIND = "workbook.scratch.Model";

    /**
     * Saves the weights with a header naming the architecture (cell, input size, hidden size, layers, directions,
     * biases, head outputs, last step or every step) and the format version.
     */
    public void save(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Parameter p : parameters) {
                for (double v : p.value()) {
                    out.writeDouble(v);
                }
            }
        }
        ModelFile.write(file, FILE_KIND, architecture(), bytes.toByteArray());
    }

    /**
     * Loads weights saved by {@link #save} into a model built the same way. All or nothing: a file of another
     * architecture, a truncated or damaged one is refused with a message naming what the file holds and what this
     * model is, and the model keeps its weights.
     */
    public void load(Path file) throws IOException {
        ModelFile saved = ModelFile.read(file, FILE_KIND);
        saved.requireArchitecture(architecture(), "this model");
        int values = parameters.stream().mapToInt(Parameter::size).sum();
        if (saved.weights().length != (long) values * Double.BYTES) {
            throw new IOException(file + " holds " + saved.weights().length / Double.BYTES + " weights, this model has "
                    + values);
        }
        // every value is read and checked before the first weight changes: all or nothing
        ByteBuffer in = ByteBuffer.wrap(saved.weights());
        List<double[]> read = new ArrayList<>();
        int recurrentCount = recurrent.parameters().size();
        for (int i = 0; i < parameters.size(); i++) {
            double[] weight = new double[parameters.get(i).size()];
            in.asDoubleBuffer().get(weight);
            in.position(in.position() + weight.length * Double.BYTES);
            for (int k = 0; k < weight.length; k++) {
                if (!Double.isFinite(weight[k])) {
                    throw new IOException(file + " is damaged: weight " + (i < recurrentCount ? "rnn." : "head.")
                            + parameters.get(i).name() + " holds " + weight[k] + " at index " + k
                            + "; the model keeps its weights");
                }
            }
            read.add(weight);
        }
        for (int i = 0; i < parameters.size(); i++) {
            System.arraycopy(read.get(i), 0, parameters.get(i).value(), 0, read.get(i).length);
        }
    }

    /** The fields of the saved file's header: what must match for weights to load. */
    Map<String, String> architecture() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("cell", recurrent.kind().name());
        a.put("features", String.valueOf(recurrent.inputSize()));
        a.put("hidden", String.valueOf(recurrent.hiddenSize()));
        a.put("layers", String.valueOf(recurrent.layerCount()));
        a.put("bidirectional", String.valueOf(recurrent.directions() == 2));
        a.put("biases", String.valueOf(recurrent.hasBiases()));
        a.put("outputs", String.valueOf(head.outputSize()));
        a.put("output", everyStep ? "EVERY_STEP" : "LAST_STEP");
        return a;
    }

    /** Trains a last-step model ({@code y [n][outputs]}); returns the mean training loss of every epoch. */
    public List<Double> fit(double[][][] x, double[][] y, int epochs, int batchSize) {
        if (everyStep) {
            throw new IllegalArgumentException("this model predicts every step: targets must be [n][time][outputs], got [n][outputs]");
        }
        checkTargets(x, y.length, "y");
        double[][][] y3 = new double[y.length][][];
        for (int n = 0; n < y.length; n++) {
            y3[n] = new double[][] {y[n]};
        }
        return train(x, y3, epochs, batchSize);
    }

    /** Trains an every-step model ({@code y [n][time][outputs]}). */
    public List<Double> fit(double[][][] x, double[][][] y, int epochs, int batchSize) {
        if (!everyStep) {
            throw new IllegalArgumentException("this model predicts from the last step: targets must be [n][outputs], got [n][time][outputs]; use everyStep() for sequence targets");
        }
        checkTargets(x, y.length, "y");
        return train(x, y, epochs, batchSize);
    }

    private void checkTargets(double[][][] x, int targets, String name) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("expected inputs [n][time][" + recurrent.inputSize() + "], got none");
        }
        if (targets != x.length) {
            throw new IllegalArgumentException(name + " has " + targets + " rows but x has " + x.length + " sequences");
        }
    }

    private List<Double> train(double[][][] x, double[][][] y, int epochs, int batchSize) {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1, got " + epochs + " and " + batchSize);
        }
        int n = x.length;
        int time = x[0].length;
        int targetSteps = everyStep ? time : 1;
        double[][] xAll = Shapes.timeMajor(x, time, recurrent.inputSize(), "x", n);
        double[][] yAll = Shapes.timeMajor(y, targetSteps, head.outputSize(), "y", n);
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        Arrays.setAll(order, k -> k);
        List<Double> history = new ArrayList<>();
        pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, Model::workerThread) : null;
        try {
            trainEpochs(xAll, yAll, order, random, epochs, batchSize, history);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
                pool = null;
            }
        }
        return history;
    }

    private static Thread workerThread(Runnable task) {
        Thread thread = new Thread(task, "scratch-training-worker");
        thread.setDaemon(true);
        return thread;
    }

    private void trainEpochs(double[][] xAll, double[][] yAll, int[] order, SplittableRandom random, int epochs, int batchSize, List<Double> history) {
        int n = order.length;
        int time = xAll.length / n;
        int targetSteps = everyStep ? time : 1;
        try {
            runEpochs(xAll, yAll, order, random, epochs, batchSize, history, n, time, targetSteps);
        } finally {
            Displays.finish(progressId);
            progressId = null;
        }
    }

    /** The progress line's display, while {@link #fit} shows one. */
    private String progressId;

    private void runEpochs(double[][] xAll, double[][] yAll, int[] order, SplittableRandom random, int epochs,
            int batchSize, List<Double> history, int n, int time, int targetSteps) {
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int k = n - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int swap = order[k];
                order[k] = order[j];
                order[j] = swap;
            }
            double sum = 0;
            int batches = 0;
            for (int start = 0; start < n; start += batchSize) {
                int batch = Math.min(batchSize, n - start);
                double[][] xb = gather(xAll, order, start, batch, n, time);
                double[][] yb = gather(yAll, order, start, batch, n, targetSteps);
                sum += trainBatch(xb, yb, time, batch, epoch, batches + 1);
                batches++;
                Interruption.checkpoint("epoch " + epoch + ", batch " + batches);
            }
            history.add(sum / batches);
            if (progress) {
                String line = String.format(Locale.ROOT, "epoch %d/%d  loss %.6f", epoch, epochs, sum / batches);
                if (progressId == null) {
                    progressId = Displays.display(line);
                } else {
                    Displays.update(progressId, line);
                }
            }
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
    double trainBatch(double[][] x, double[][] y, int time, int batch, int epoch, int batchNumber) {
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
        boolean shared = pool != null && batch > 1 && h0 == null && c0 == null && !recurrent.recordsSteps();
        double value = shared ? forwardBackwardShared(x, y, time, batch) : forwardBackward(x, y, time, batch, h0, c0);
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(String.format(Locale.ROOT,
                    "training diverged: the loss is %s at epoch %d, batch %d; lower the learning rate or clip the gradient norm",
                    value, epoch, batchNumber));
        }
        double norm = clipNorm > 0 ? GradientClipping.clipGlobalNorm(parameters, clipNorm) : GradientClipping.globalNorm(parameters);
        if (!Double.isFinite(norm)) {
            throw new TrainingDivergedException(String.format(Locale.ROOT,
                    "training diverged: the gradient norm is %s at epoch %d, batch %d (loss %.6g); lower the learning rate or clip the gradient norm",
                    norm, epoch, batchNumber, value));
        }
        optimizer.step(parameters);
        return value;
    }

    /** Zeroes the gradients, then forward, loss and BPTT on rows; returns the loss. */
    private double forwardBackward(double[][] x, double[][] y, int time, int batch, double[][] h0, double[][] c0) {
        double[][] top = recurrent.forwardRows(x, time, batch, h0, c0);
        int rows = everyStep ? time * batch : batch;
        int headFrom = everyStep ? 0 : (time - 1) * batch;
        double[][] prediction = head.forward(top, headFrom, rows);
        if (dPrediction.length != rows) {
            dPrediction = new double[rows][head.outputSize()];
        }
        double value = loss.compute(prediction, y, dPrediction);
        zeroGradients();
        if (dTop.length != top.length) {
            dTop = new double[top.length][recurrent.outputSize()];
        } else {
            for (double[] row : dTop) {
                Arrays.fill(row, 0.0);
            }
        }
        head.backward(dPrediction, dTop);
        recurrent.backwardRows(dTop, null, null, null);
        return value;
    }

    /**
     * {@link #forwardBackward} with the batch cut into shares, one per thread: this model takes the first share, the
     * workers the others. Share k's mean loss and gradients count with weight (its sequences) / (batch).
     */
    private double forwardBackwardShared(double[][] x, double[][] y, int time, int batch) {
        int shares = Math.min(threads, batch);
        while (workers.size() < shares - 1) {
            Builder worker = Model.builder(recurrent.sameShape()).outputs(head.outputSize()).loss(loss).optimizer(optimizer);
            workers.add((everyStep ? worker.everyStep() : worker).build());
        }
        int targetSteps = everyStep ? time : 1;
        // share k holds sequences start[k] .. start[k + 1]
        int[] start = new int[shares + 1];
        for (int k = 0; k <= shares; k++) {
            start[k] = k * batch / shares;
        }
        List<Future<Double>> results = new ArrayList<>();
        for (int k = 1; k < shares; k++) {
            Model worker = workers.get(k - 1);
            int size = start[k + 1] - start[k];
            copyValues(parameters, worker.parameters);
            double[][] xs = share(x, time, batch, start[k], size);
            double[][] ys = share(y, targetSteps, batch, start[k], size);
            results.add(pool.submit(() -> worker.forwardBackward(xs, ys, time, size, null, null)));
        }
        int ownSize = start[1];
        double weight = (double) ownSize / batch;
        double value = weight * forwardBackward(share(x, time, batch, 0, ownSize), share(y, targetSteps, batch, 0, ownSize),
                time, ownSize, null, null);
        for (Parameter p : parameters) {
            scale(p.gradient(), weight);
        }
        for (int k = 1; k < shares; k++) {
            double shareWeight = (double) (start[k + 1] - start[k]) / batch;
            value += shareWeight * await(results.get(k - 1));
            List<Parameter> workerParameters = workers.get(k - 1).parameters;
            for (int i = 0; i < parameters.size(); i++) {
                addScaled(workerParameters.get(i).gradient(), shareWeight, parameters.get(i).gradient());
            }
        }
        return value;
    }

    /** Rows of sequences {@code from .. from + size} of time-major rows {@code [steps * batch][..]} (the same row arrays). */
    private static double[][] share(double[][] rows, int steps, int batch, int from, int size) {
        double[][] out = new double[steps * size][];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(rows, t * batch + from, out, t * size, size);
        }
        return out;
    }

    /** A worker's result; an interrupt meanwhile is kept for the next checkpoint, so the batch finishes whole. */
    private static double await(Future<Double> result) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void copyValues(List<Parameter> from, List<Parameter> to) {
        for (int i = 0; i < from.size(); i++) {
            System.arraycopy(from.get(i).value(), 0, to.get(i).value(), 0, from.get(i).size());
        }
    }

    private static void scale(double[] values, double factor) {
        for (int k = 0; k < values.length; k++) {
            values[k] *= factor;
        }
    }

    private static void addScaled(double[] from, double factor, double[] to) {
        for (int k = 0; k < to.length; k++) {
            to[k] += factor * from[k];
        }
    }

    /** Zeroes the gradients, then computes the loss and its gradients on a batch, without an update: what {@link GradientCheck} checks. */
    public double lossAndGradients(double[][][] x, double[][] y) {
        if (everyStep) {
            throw new IllegalArgumentException("this model predicts every step: targets must be [n][time][outputs]");
        }
        double[][][] y3 = new double[y.length][][];
        for (int n = 0; n < y.length; n++) {
            y3[n] = new double[][] {y[n]};
        }
        return lossAndGradients(x, y3);
    }

    /** The same for an every-step model ({@code y [n][time][outputs]}), or a last-step model given {@code y [n][1][outputs]}. */
    public double lossAndGradients(double[][][] x, double[][][] y) {
        checkTargets(x, y.length, "y");
        int time = x[0].length;
        int batch = x.length;
        double[][] xr = Shapes.timeMajor(x, time, recurrent.inputSize(), "x", batch);
        double[][] yr = Shapes.timeMajor(y, everyStep ? time : 1, head.outputSize(), "y", batch);
        return forwardBackward(xr, yr, time, batch, null, null);
    }

    /** Predictions of a last-step model, {@code [n][outputs]}. */
    public double[][] predict(double[][][] x) {
        double[][][] all = run(x);
        double[][] out = new double[all.length][];
        for (int n = 0; n < all.length; n++) {
            out[n] = all[n][all[n].length - 1];
        }
        return out;
    }

    /** Predictions of an every-step model, {@code [n][time][outputs]} (for a last-step model: the head applied to every step). */
    public double[][][] predictSequence(double[][][] x) {
        return run(x);
    }

    private double[][][] run(double[][][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("expected inputs [n][time][" + recurrent.inputSize() + "], got none");
        }
        int time = x[0].length;
        if (time == 0) {
            throw new IllegalArgumentException("expected inputs [n][time][" + recurrent.inputSize() + "], got an empty sequence (time = 0)");
        }
        double[][][] result = new double[x.length][][];
        // in batches, so that predicting many sequences does not need memory for all of them at once
        for (int start = 0; start < x.length; start += PREDICT_BATCH) {
            int batch = Math.min(PREDICT_BATCH, x.length - start);
            double[][][] part = Arrays.copyOfRange(x, start, start + batch);
            double[][] top = recurrent.forwardRows(Shapes.timeMajor(part, time, recurrent.inputSize(), "x", batch), time, batch, null, null);
            double[][][] y = Shapes.batchMajor(head.forward(top, 0, time * batch), time, batch);
            System.arraycopy(y, 0, result, start, batch);
        }
        return result;
    }

    private static final int PREDICT_BATCH = 64;

    /** How many batches have been trained so far. */
    public int batchesTrained() {
        return batchesTrained;
    }
}
