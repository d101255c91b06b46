package workbook.scratch;

import workbook.io.ModelFile;
import workbook.model.DefaultSeed;
import workbook.model.Fit;
import workbook.model.Output;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recurrent network with a dense head, a loss and an optimiser; {@link #fit} trains it ({@link Training} holds the
 * loop, {@link DataParallel} the threads).
 * <pre>{@code
 * Model model = Model.builder(Recurrent.lstm(1, 64).seed(42).build())
 *         .outputs(1)                          // dense head on the last step: y = W h_T + b
 *         .loss(Loss.MSE)
 *         .optimizer(Optimizer.adam(0.001))
 *         .build();
 * // x [n][time][features], y [n][outputs]; 20 epochs, batches of 32, gradients clipped to norm 1
 * List<Double> losses = model.fit(x, y, Fit.epochs(20).batchSize(32).clipGradientNorm(1.0));
 * double[][] forecast = model.predict(xTest);
 * }</pre>
 * With {@code .output(Output.EVERY_STEP)} the head runs on every step and targets are {@code [n][time][outputs]}
 * (a sequence-to-sequence model, e.g. a language model). With {@code .truncatedBptt(k)} each batch is
 * cut into chunks of k steps: gradients flow back at most k steps, the state flows on (detached), and
 * the parameters are updated after every chunk.
 */
public final class Model {
    private final Recurrent recurrent;
    private final Dense head;
    private final Loss loss;
    private final Optimizer optimizer;
    private final boolean everyStep;
    private final int truncation;
    private final int threads;
    /** What the deprecated {@link #fit(double[][][], double[][], int, int)} trains with: the builder's clipping, seed, progress. */
    private final double builderClipNorm;
    private final long seed;
    private final boolean builderProgress;
    private final List<Parameter> parameters = new ArrayList<>();
    private int batchesTrained;
    /** Reused gradient buffers of the training step. */
    private double[][] dPrediction = new double[0][];
    private double[][] dTop = new double[0][];

    private Model(Builder b) {
        this.recurrent = b.recurrent;
        this.head = new Dense(recurrent.outputSize(), b.outputs, b.seed + 1);
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.everyStep = b.output == Output.EVERY_STEP;
        this.truncation = b.truncation;
        this.threads = b.threads;
        this.builderClipNorm = b.clipNorm;
        this.seed = b.seed;
        this.builderProgress = b.progress;
        parameters.addAll(recurrent.parameters());
        parameters.addAll(head.parameters());
    }

    public static Builder builder(Recurrent recurrent) {
        return new Builder(recurrent);
    }

    /** Options with defaults: 1 output on the last step, MSE, Adam(0.001), full BPTT, the {@link DefaultSeed} (42), one thread. */
    public static final class Builder {
        private final Recurrent recurrent;
        private int outputs = 1;
        private Loss loss = Loss.MSE;
        private Optimizer optimizer;
        private double clipNorm;
        private Output output = Output.LAST_STEP;
        private int truncation;
        private long seed = DefaultSeed.get();
        private boolean progress;
        private int threads = 1;

        private Builder(Recurrent recurrent) {
            this.recurrent = recurrent;
        }

        /** The head's size: outputs per step it reads. */
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

        /**
         * Which steps the head reads: {@link Output#LAST_STEP} (the default; targets {@code [n][outputs]}) or
         * {@link Output#EVERY_STEP} (targets {@code [n][time][outputs]}).
         */
        public Builder output(Output output) {
            if (output == null) {
                throw new IllegalArgumentException("output must be Output.LAST_STEP or Output.EVERY_STEP, got null");
            }
            this.output = output;
            return this;
        }

        /** @deprecated use {@link #output(Output) output(Output.EVERY_STEP)}. */
        @Deprecated
        public Builder everyStep() {
            return output(Output.EVERY_STEP);
        }

        /**
         * Clip the global gradient norm to this value before each update (0 = no clipping).
         * @deprecated clipping is a training option: {@code fit(x, y, Fit....clipGradientNorm(maxNorm))}. Only the
         * deprecated {@code fit(x, y, epochs, batchSize)} reads this.
         */
        @Deprecated
        public Builder clipGradientNorm(double maxNorm) {
            this.clipNorm = maxNorm;
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

        /**
         * Seed of the head's initialisation. The batch order follows {@link Fit#seed}; the deprecated
         * {@code fit(x, y, epochs, batchSize)} shuffles with this seed.
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Show the loss after each epoch through {@code Displays}.
         * @deprecated progress is a training option: {@code fit(x, y, Fit....progress(on))}. Only the deprecated
         * {@code fit(x, y, epochs, batchSize)} reads this.
         */
        @Deprecated
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
                optimizer = Optimizer.adam(Fit.DEFAULT_LEARNING_RATE);
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
        a.put("cell", recurrent.cellKind().name());
        a.put("features", String.valueOf(recurrent.inputSize()));
        a.put("hidden", String.valueOf(recurrent.hiddenSize()));
        a.put("layers", String.valueOf(recurrent.layerCount()));
        a.put("bidirectional", String.valueOf(recurrent.directions() == 2));
        a.put("biases", String.valueOf(recurrent.hasBiases()));
        a.put("outputs", String.valueOf(head.outputSize()));
        a.put("output", output().name());
        return a;
    }

    /** Which steps the head reads. */
    public Output output() {
        return everyStep ? Output.EVERY_STEP : Output.LAST_STEP;
    }

    /**
     * Trains a last-step model ({@code y [n][outputs]}) as the Fit says (epochs, batch size, gradient clipping, batch
     * order, progress; a learning rate replaces the optimiser's for this fit; no patience: there is no validation
     * data); returns the mean training loss of every epoch.
     */
    public List<Double> fit(double[][][] x, double[][] y, Fit fit) {
        if (everyStep) {
            throw new IllegalArgumentException("this model predicts every step: targets must be [n][time][outputs], got [n][outputs]");
        }
        checkTargets(x, y.length, "y");
        return train(x, lastStepTargets(y), fit);
    }

    /** Trains an every-step model ({@code y [n][time][outputs]}) as the Fit says; returns the mean training loss of every epoch. */
    public List<Double> fit(double[][][] x, double[][][] y, Fit fit) {
        if (!everyStep) {
            throw new IllegalArgumentException("this model predicts from the last step: targets must be [n][outputs], got [n][time][outputs]; use output(Output.EVERY_STEP) for sequence targets");
        }
        checkTargets(x, y.length, "y");
        return train(x, y, fit);
    }

    /**
     * Trains a last-step model with the builder's clipping, seed (batch order) and progress.
     * @deprecated use {@link #fit(double[][][], double[][], Fit)}:
     * {@code fit(x, y, Fit.epochs(epochs).batchSize(batchSize).seed(seed).progress(false))}, with the clipping as
     * {@code .clipGradientNorm(maxNorm)}; it gives the same numbers.
     */
    @Deprecated
    public List<Double> fit(double[][][] x, double[][] y, int epochs, int batchSize) {
        return fit(x, y, builderFit(epochs, batchSize));
    }

    /**
     * Trains an every-step model with the builder's clipping, seed (batch order) and progress.
     * @deprecated use {@link #fit(double[][][], double[][][], Fit)}, as for the last-step model.
     */
    @Deprecated
    public List<Double> fit(double[][][] x, double[][][] y, int epochs, int batchSize) {
        return fit(x, y, builderFit(epochs, batchSize));
    }

    /** The Fit the deprecated positional {@code fit} stands for: the builder's clipping, seed and progress, shuffled. */
    private Fit builderFit(int epochs, int batchSize) {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1, got " + epochs + " and " + batchSize);
        }
        return Fit.epochs(epochs).batchSize(batchSize).clipGradientNorm(builderClipNorm > 0 ? builderClipNorm : 0)
                .seed(seed).progress(builderProgress);
    }

    /** Targets {@code [n][outputs]} as one-step sequences {@code [n][1][outputs]}. */
    private static double[][][] lastStepTargets(double[][] y) {
        double[][][] y3 = new double[y.length][][];
        for (int n = 0; n < y.length; n++) {
            y3[n] = new double[][] {y[n]};
        }
        return y3;
    }

    private void checkTargets(double[][][] x, int targets, String name) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("expected inputs [n][time][" + recurrent.inputSize() + "], got none");
        }
        if (targets != x.length) {
            throw new IllegalArgumentException(name + " has " + targets + " rows but x has " + x.length + " sequences");
        }
    }

    private List<Double> train(double[][][] x, double[][][] y, Fit fit) {
        if (builderClipNorm > 0 && fit.clipGradientNorm() != builderClipNorm) {
            throw new IllegalArgumentException("this model's builder set clipGradientNorm(" + builderClipNorm + "), which"
                    + " only the deprecated fit(x, y, epochs, batchSize) reads; pass the clipping in the Fit:"
                    + " Fit....clipGradientNorm(" + builderClipNorm + ")");
        }
        int n = x.length;
        int time = x[0].length;
        double[][] xAll = Shapes.timeMajor(x, time, recurrent.inputSize(), "x", n);
        double[][] yAll = Shapes.timeMajor(y, everyStep ? time : 1, head.outputSize(), "y", n);
        try (Training training = new Training(trainable, fit.clipGradientNorm(), truncation, threads)) {
            try {
                return training.fit(xAll, yAll, n, fit);
            } finally {
                batchesTrained += training.batchesTrained();
            }
        }
    }

    /** This model as {@link Training} and {@link DataParallel} see it. */
    private final Trainable trainable = new Trainable() {
        @Override
        public Recurrent recurrent() {
            return recurrent;
        }

        @Override
        public List<Parameter> parameters() {
            return parameters;
        }

        @Override
        public Optimizer optimizer() {
            return optimizer;
        }

        @Override
        public boolean everyStep() {
            return everyStep;
        }

        @Override
        public double forwardBackward(double[][] x, double[][] y, int time, int batch, double[][] h0, double[][] c0) {
            return Model.this.forwardBackward(x, y, time, batch, h0, c0);
        }

        @Override
        public Trainable sameShape() {
            return Model.builder(recurrent.sameShape()).outputs(head.outputSize()).loss(loss).optimizer(optimizer)
                    .output(output()).build().trainable;
        }
    };

    /** This model as the training loop sees it ({@link CharRnn} trains with its own loop). */
    Trainable trainable() {
        return trainable;
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

    /** Zeroes the gradients, then computes the loss and its gradients on a batch, without an update: what {@link GradientCheck} checks. */
    public double lossAndGradients(double[][][] x, double[][] y) {
        if (everyStep) {
            throw new IllegalArgumentException("this model predicts every step: targets must be [n][time][outputs]");
        }
        return lossAndGradients(x, lastStepTargets(y));
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
