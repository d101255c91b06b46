package workbook.djl;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Dataset;
import ai.djl.util.Pair;

import workbook.io.ModelFile;
import workbook.model.CellKind;
import workbook.model.DefaultSeed;
import workbook.model.Fit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recurrent network in a few lines, Keras-style, on real DJL underneath:
 *
 * <pre>{@code
 * try (RecurrentModel model = RecurrentModel.lstm(64).outputs(1).build()) {
 *     History h = model.fit(TrainData.of(xTrain, yTrain), TrainData.of(xVal, yVal),
 *             Fit.epochs(20).patience(3).clipGradientNorm(1.0));
 *     double[][] yHat = model.predict(xTest);
 * }
 * }</pre>
 *
 * The model owns an {@link NDManager}; close it to free native memory. {@link #block()} and
 * {@link #manager()} are the way down to plain DJL. The cell is a {@link CellKind}, the steps the head sees a
 * {@link workbook.model.Output}, the training options a {@link Fit}: the words of {@code workbook.model}, which the from-scratch
 * {@code workbook.scratch.Model} speaks too.
 */
public final class RecurrentModel implements AutoCloseable {

    /**
     * Which steps of the recurrent layer the head sees.
     *
     * @deprecated both model families share {@link workbook.model.Output} (same constants);
     * {@link Builder#output(Output)} still takes this one.
     */
    @Deprecated
    public enum Output {
        LAST_STEP, EVERY_STEP;

        /** The shared value of the same name. */
        public workbook.model.Output toOutput() {
            return workbook.model.Output.valueOf(name());
        }
    }

    /** Regression (MSE on real targets) or classification (softmax cross-entropy on class labels). */
    public enum Task { REGRESSION, CLASSIFICATION }

    private final RecurrentNet net;
    private final NDManager manager;
    private final Task task;
    private final RecurrentHead head;
    private final long seed;
    private History lastHistory;

    private RecurrentModel(Builder b) {
        RecurrentBlock rec = new RecurrentBlock(b.kind, b.hidden, b.layers, b.bidirectional, b.dropout);
        TokenEmbedding embedding = b.vocabularySize > 0 ? new TokenEmbedding(b.vocabularySize, b.embeddingDimension) : null;
        this.net = new RecurrentNet(embedding, rec, b.output, b.units);
        this.manager = Models.newManager();
        this.task = b.task;
        this.head = new RecurrentHead(b.output, b.task == Task.CLASSIFICATION, b.units);
        this.seed = b.seed;
        if (embedding != null) {
            initialize(1);
        } else if (b.inputFeatures > 0) {
            initialize(b.inputFeatures);
        }
    }

    public static Builder rnn(int hidden) {
        return new Builder(CellKind.RNN_TANH, hidden);
    }

    public static Builder rnnRelu(int hidden) {
        return new Builder(CellKind.RNN_RELU, hidden);
    }

    public static Builder lstm(int hidden) {
        return new Builder(CellKind.LSTM, hidden);
    }

    public static Builder gru(int hidden) {
        return new Builder(CellKind.GRU, hidden);
    }

    /** A builder for any cell kind, e.g. {@code RecurrentModel.of(CellKind.GRU, 32)}. */
    public static Builder of(CellKind kind, int hidden) {
        return new Builder(kind, hidden);
    }

    /** @deprecated the kind is {@link workbook.model.CellKind} now: {@code of(CellKind.LSTM, hidden)}. */
    @Deprecated
    public static Builder of(workbook.djl.CellKind kind, int hidden) {
        return of(kind.toCellKind(), hidden);
    }

    /** Options with defaults: 1 layer, one direction, no dropout, last step, outputs(1) regression, the default seed (42, {@link Seeds#use}). */
    public static final class Builder {
        private final CellKind kind;
        private final int hidden;
        private int layers = 1;
        private boolean bidirectional;
        private float dropout;
        private workbook.model.Output output = workbook.model.Output.LAST_STEP;
        private int units = 1;
        private Task task = Task.REGRESSION;
        private int inputFeatures = -1;
        private long seed = DefaultSeed.get();
        private int vocabularySize = -1;
        private int embeddingDimension = -1;

        private Builder(CellKind kind, int hidden) {
            this.kind = kind;
            this.hidden = hidden;
        }

        public Builder layers(int layers) {
            this.layers = layers;
            return this;
        }

        public Builder bidirectional() {
            return bidirectional(true);
        }

        public Builder bidirectional(boolean bidirectional) {
            this.bidirectional = bidirectional;
            return this;
        }

        /** Dropout between stacked layers (as in PyTorch, not after the last one). */
        public Builder dropout(double rate) {
            this.dropout = (float) rate;
            return this;
        }

        /** The steps the head sees: {@code LAST_STEP} (the default) or {@code EVERY_STEP} of {@link workbook.model.Output}. */
        public Builder output(workbook.model.Output output) {
            this.output = output;
            return this;
        }

        /** @deprecated use {@link workbook.model.Output}: {@code output(Output.EVERY_STEP)}. */
        @Deprecated
        public Builder output(Output output) {
            return output(output.toOutput());
        }

        /** A dense head with {@code units} real outputs, trained with mean squared error. */
        public Builder outputs(int units) {
            this.units = units;
            this.task = Task.REGRESSION;
            return this;
        }

        /** @deprecated the same head is {@link #outputs(int)} in both model families. */
        @Deprecated
        public Builder dense(int units) {
            return outputs(units);
        }

        /** A dense head with one logit per class, trained with softmax cross-entropy. */
        public Builder classes(int classes) {
            this.units = classes;
            this.task = Task.CLASSIFICATION;
            return this;
        }

        /** Features per step; optional (otherwise taken from the first data), needed to set weights before fitting. */
        public Builder inputFeatures(int features) {
            this.inputFeatures = features;
            return this;
        }

        /**
         * A trainable embedding in front of the recurrent layer: the input is then token ids (0 to
         * {@code vocabularySize - 1}, one per step: {@link TrainData#ofTokenClasses}, {@link #predict(int[][], int[])}),
         * and each id's vector of {@code dimension} numbers is learnt with the rest of the model.
         */
        public Builder embedding(int vocabularySize, int dimension) {
            if (vocabularySize < 1 || dimension < 1) {
                throw new IllegalArgumentException("embedding(vocabularySize, dimension) needs both at least 1, got "
                        + vocabularySize + " and " + dimension);
            }
            if (vocabularySize > 1 << 24) {
                throw new IllegalArgumentException("vocabulary size " + vocabularySize + " is above 2^24: ids travel as"
                        + " float32, exact only up to 16,777,216");
            }
            this.vocabularySize = vocabularySize;
            this.embeddingDimension = dimension;
            return this;
        }

        /** Seeds weight initialisation. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public RecurrentModel build() {
            if (units < 1) {
                throw new IllegalArgumentException("the head needs at least 1 unit, got " + units);
            }
            if (vocabularySize > 0 && inputFeatures > 1) {
                throw new IllegalArgumentException("a model with an embedding reads one token id per step; inputFeatures("
                        + inputFeatures + ") does not apply (the recurrent layer gets the embedding's "
                        + embeddingDimension + " numbers per step)");
            }
            return new RecurrentModel(this);
        }
    }

    // ---------------------------------------------------------------- training

    /** Trains without validation data (early stopping, if asked, then watches the training loss). */
    public History fit(TrainData train, Fit fit) {
        return fit(train, null, fit);
    }

    /** @deprecated the options are {@link workbook.model.Fit} now. */
    @Deprecated
    public History fit(TrainData train, workbook.djl.Fit fit) {
        return fit(train, fit.toFit());
    }

    /** Trains on {@code train}, reporting the loss on {@code validation} (may be null) after every epoch. */
    public History fit(TrainData train, TrainData validation, Fit fit) {
        checkTarget(train, "training");
        if (validation != null) {
            checkTarget(validation, "validation");
            if (validation.features != train.features) {
                throw new IllegalArgumentException("validation has " + validation.features
                        + " features per step, training has " + train.features);
            }
        }
        initialize(train.features);
        Models.seed(fit.seed());
        History history = new History();
        lastHistory = history;
        FitLoop loop = new FitLoop(manager, parameterList(), fit);
        ParameterStore ps = new ParameterStore(manager, false);
        return loop.run(train.samples, (m, idx, training) -> loss(ps, m, train, idx, training),
                validation == null ? 0 : validation.samples,
                validation == null ? null : (m, idx, training) -> loss(ps, m, validation, idx, training), history);
    }

    /**
     * Trains on DJL datasets (e.g. an {@code ArrayDataset}): each batch's data is {@code [x]} or
     * {@code [x, lengths]} with x of shape (batch, time, features), its labels {@code [y]}: real targets
     * (batch, units) for regression, class indices (batch) or (batch, time) for classification. Batch size and
     * shuffling come from the dataset's own sampler; {@code fit.batchSize()} and {@code fit.shuffle()} are not used.
     */
    public History fit(Dataset train, Dataset validation, Fit fit) {
        if (train == null) {
            throw new IllegalArgumentException("no training dataset (null)");
        }
        Models.seed(fit.seed());
        History history = new History();
        lastHistory = history;
        if (!net.isInitialized()) {
            initialize(DatasetBatches.featuresOfFirstBatch(train, manager));
        }
        ParameterStore ps = new ParameterStore(manager, false);
        FitLoop.Source trainSource = datasetBatches(train, ps, "training");
        FitLoop.Source validationSource = validation == null ? null : datasetBatches(validation, ps, "validation");
        return new FitLoop(manager, parameterList(), fit).run(trainSource, validationSource, history);
    }

    /** @deprecated the options are {@link workbook.model.Fit} now. */
    @Deprecated
    public History fit(TrainData train, TrainData validation, workbook.djl.Fit fit) {
        return fit(train, validation, fit.toFit());
    }

    /** @deprecated the options are {@link workbook.model.Fit} now. */
    @Deprecated
    public History fit(Dataset train, Dataset validation, workbook.djl.Fit fit) {
        return fit(train, validation, fit.toFit());
    }

    private DatasetBatches datasetBatches(Dataset dataset, ParameterStore ps, String role) {
        return new DatasetBatches(dataset, manager, role, inputFeaturesExpected(),
                net.embedding() != null ? " (a token id)" : "", (data, labels, training) -> loss(ps, data, labels, training));
    }

    /** Mean loss (MSE or cross-entropy) over a data set, without training. */
    public double evaluate(TrainData data) {
        checkTarget(data, "evaluation");
        requireInitialized();
        ParameterStore ps = new ParameterStore(manager, false);
        return new FitLoop(manager, parameterList(), Fit.epochs(1)).evaluate(
                (m, idx, training) -> loss(ps, m, data, idx, training), data.samples);
    }

    /** The history of the latest {@code fit}, also after an interrupt stopped it. */
    public History lastHistory() {
        return lastHistory;
    }

    private NDArray loss(ParameterStore ps, NDManager m, TrainData data, int[] idx, boolean training) {
        return loss(ps, data.inputs(m, idx), data.targets(m, idx), training);
    }

    private NDArray loss(ParameterStore ps, NDList inputs, NDArray target, boolean training) {
        return head.loss(net.forward(ps, inputs, training).singletonOrThrow(), inputs, target);
    }

    private void checkTarget(TrainData data, String role) {
        if (data == null) {
            throw new IllegalArgumentException("no " + role + " data (null)");
        }
        head.checkTargets(data, role);
        checkTokens(data, role);
        if (net.isInitialized() && data.features != inputFeaturesExpected()) {
            throw new IllegalArgumentException("the " + role + " data has " + data.features
                    + " features per step, the model was built for " + inputFeaturesExpected());
        }
    }

    /** Features per step of the model's input: 1 (a token id) with an embedding, else the recurrent layer's. */
    private int inputFeaturesExpected() {
        return net.embedding() != null ? 1 : net.recurrent().inputFeatures();
    }

    /** Token ids go to a model with an embedding, and only ids it has a vector for. */
    private void checkTokens(TrainData data, String role) {
        TokenEmbedding embedding = net.embedding();
        if (embedding == null) {
            if (data.tokens) {
                throw new IllegalArgumentException("the " + role + " data holds token ids but the model has no embedding:"
                        + " build it with embedding(vocabularySize, dimension)");
            }
            return;
        }
        if (!data.tokens) {
            throw new IllegalArgumentException("the model starts with an embedding and reads token ids, but the " + role
                    + " data holds feature vectors " + data.shape() + ": pass ids[sample][step] (TrainData.ofTokenClasses,"
                    + " predict(int[][] ids, lengths))");
        }
        int vocabularySize = embedding.vocabularySize();
        for (int k = 0; k < data.x.length; k++) {
            if (data.x[k] >= vocabularySize) {
                throw new IllegalArgumentException("the " + role + " data has token id " + (long) data.x[k] + " at ["
                        + k / data.steps + "][" + k % data.steps + "], but the embedding's vocabulary size is "
                        + vocabularySize + " (ids 0.." + (vocabularySize - 1) + ")");
            }
        }
    }

    // ---------------------------------------------------------------- prediction

    /** Predictions for {@code x[sample][step][feature]}: [sample][unit] (logits for classification). */
    public double[][] predict(double[][][] x) {
        return predict(x, null);
    }

    /** Predictions for variable-length sequences padded to the same length. */
    public double[][] predict(double[][][] x, int[] lengths) {
        return predict(x, lengths, false);
    }

    private double[][] predict(double[][][] x, int[] lengths, boolean tokens) {
        if (head.output != workbook.model.Output.LAST_STEP) {
            throw new IllegalStateException("this model outputs every step: use predictSteps");
        }
        return head.lastStep(run(x, lengths, tokens), x.length);
    }

    /** Every step's output: [sample][step][unit]. */
    public double[][][] predictSteps(double[][][] x, int[] lengths) {
        return predictSteps(x, lengths, false);
    }

    private double[][][] predictSteps(double[][][] x, int[] lengths, boolean tokens) {
        if (head.output != workbook.model.Output.EVERY_STEP) {
            throw new IllegalStateException("this model outputs the last step only: use predict");
        }
        return head.everyStep(run(x, lengths, tokens), x.length, x[0].length);
    }

    /** Predictions (logits for classification) for token-id sequences, for a model built with an embedding. */
    public double[][] predict(int[][] ids, int[] lengths) {
        return predict(TrainData.tokenInputs(ids), lengths, true);
    }

    /** Every step's output for token-id sequences, for a model built with an embedding: [sample][step][unit]. */
    public double[][][] predictSteps(int[][] ids, int[] lengths) {
        return predictSteps(TrainData.tokenInputs(ids), lengths, true);
    }

    private float[] run(double[][][] x, int[] lengths, boolean tokens) {
        TrainData data = task == Task.REGRESSION
                ? TrainData.of(x, new double[x.length][head.units], lengths)
                : TrainData.ofClasses(x, new int[x.length], lengths);
        data.tokens = tokens;
        checkTokens(data, "input");
        initialize(data.features);
        if (net.embedding() == null && data.features != net.recurrent().inputFeatures()) {
            throw new IllegalArgumentException("input has shape " + data.shape() + " but the model expects "
                    + net.recurrent().inputFeatures() + " features per step: [samples][steps]["
                    + net.recurrent().inputFeatures() + "]");
        }
        int[] all = new int[data.samples];
        Arrays.setAll(all, i -> i);
        ParameterStore ps = new ParameterStore(manager, false);
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            return net.forward(ps, data.inputs(m, all), false).singletonOrThrow().toFloatArray();
        }
    }

    // ---------------------------------------------------------------- weights

    /** Creates the weights for {@code features} inputs per step, if not done yet (fit and predict do it). */
    public void initialize(int features) {
        if (net.isInitialized()) {
            return;
        }
        Models.seed(seed);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, features));
    }

    private void requireInitialized() {
        if (!net.isInitialized()) {
            throw new IllegalStateException("the model has no weights yet: fit it, or build it with inputFeatures(n)");
        }
    }

    List<Parameter> parameterList() {
        List<Parameter> list = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            list.add(p.getValue());
        }
        return list;
    }

    /**
     * The weights by name: the recurrent layer's under DJL's names ({@code l_0_i2h_WEIGHT}, {@code r_0_h2h_BIAS},
     * same shapes and gate order as PyTorch's {@code weight_ih_l0} ...), the head's as {@code head.weight},
     * {@code head.bias}, an embedding's table as {@code embedding.weight} (vocabulary, dimension). The arrays
     * are the live parameters: a way down to DJL.
     */
    public Map<String, NDArray> parameters() {
        requireInitialized();
        return net.namedParameters();
    }

    /**
     * A copy of every weight under the names of the PyTorch module {@code embedding} (if any), {@code rnn},
     * {@code head} ({@code rnn.weight_ih_l0}, ..., {@code head.weight}, {@code head.bias}): {@code double[][]} for
     * weights, {@code double[]} for biases, as {@code workbook.scratch.Model.stateDict()} gives them.
     */
    public Map<String, Object> stateDict() {
        return PyTorchStateDict.of(parameters());
    }

    /**
     * Loads PyTorch weights: a whole module's state_dict under the names of {@link #stateDict()} (recurrent layers,
     * head, embedding), or a bare {@code nn.LSTM}/{@code nn.GRU}/{@code nn.RNN}'s ({@code weight_ih_l0}, ...), which
     * fills the recurrent layers and leaves the head as it is. All or nothing: every name, shape and value is checked
     * before the first weight changes, and a mismatch is refused naming what the weights hold and what this model
     * expects. A model without weights yet takes its feature count from {@code weight_ih_l0}.
     */
    public void loadStateDict(Map<String, ?> dict) {
        if (dict == null || dict.isEmpty()) {
            throw new IllegalArgumentException("no weights given (" + (dict == null ? "null" : "an empty map")
                    + "); expected a PyTorch state_dict such as " + (net.isInitialized() ? stateDict().keySet()
                    : "{rnn.weight_ih_l0, ..., head.weight, head.bias}"));
        }
        if (!net.isInitialized() && net.embedding() == null) {
            String name = PyTorchStateDict.wholeModule(dict) ? PyTorchStateDict.RECURRENT + "weight_ih_l0" : "weight_ih_l0";
            if (dict.get(name) instanceof double[][] w && w.length > 0 && w[0] != null && w[0].length > 0) {
                // checked against a network of that width first: weights that are refused leave the model unset
                try (NDManager probing = manager.newSubManager()) {
                    PyTorchStateDict.checkedValues(dict, net.initializedCopy(probing, w[0].length).namedParameters(),
                            "this model (" + this + ")");
                }
                initialize(w[0].length);
            }
        }
        requireInitialized();
        PyTorchStateDict.checkedValues(dict, parameters(), "this model (" + this + ")")
                .forEach(PyTorchStateDict.Fill::write);
    }

    /**
     * {@link #loadStateDict(Map)} from a JSON file as written by
     * {@code json.dump({k: v.tolist() for k, v in module.state_dict().items()}, f)}
     * (read by {@code workbook.scratch.Weights.fromPyTorchJson}).
     */
    public void loadStateDict(Path json) throws IOException {
        loadStateDict(workbook.scratch.Weights.fromPyTorchJson(json));
    }

    /** A copy of one weight, flattened row-major; see {@link #parameters()} for the names. */
    public float[] weight(String name) {
        return parameter(name).toFloatArray();
    }

    /** The shape of one weight. */
    public long[] weightShape(String name) {
        return parameter(name).getShape().getShape();
    }

    /** Overwrites one weight with {@code values} (row-major, same number of elements). */
    public void setWeight(String name, float[] values) {
        NDArray target = parameter(name);
        if (values.length != target.size()) {
            throw new IllegalArgumentException(name + " has shape " + target.getShape() + " (" + target.size()
                    + " values), got " + values.length + " values");
        }
        Models.overwrite(target, values);
    }

    private NDArray parameter(String name) {
        NDArray a = parameters().get(name);
        if (a == null) {
            throw new IllegalArgumentException("no weight named '" + name + "'; the model has " + parameters().keySet());
        }
        return a;
    }

    /** What {@link #save} writes in the file's header, checked by {@link #load}. */
    static final String FILE_KIND = "workbook.djl.RecurrentModel";

    /**
     * Saves the model: a header with its architecture (cell, hidden size, layers, directions, features per step,
     * embedding, head, output, task) and the format version, then the weights in DJL's parameter format.
     */
    public void save(Path file) throws IOException {
        requireInitialized();
        java.io.ByteArrayOutputStream weights = new java.io.ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(weights)) {
            net.saveParameters(out);
        }
        ModelFile.write(file, FILE_KIND, architecture(), weights.toByteArray());
    }

    /**
     * Loads weights saved by {@link #save} into a model built the same way (a model not yet initialised takes the
     * file's feature count). All or nothing: a file of another architecture, a truncated or damaged one is refused
     * with a message naming what the file holds and what this model is, and the model keeps its weights.
     */
    public void load(Path file) throws IOException {
        ModelFile saved = ModelFile.read(file, FILE_KIND);
        Map<String, String> header = architecture();
        int takeFeatures = 0;   // a model without weights yet takes the file's feature count, once all has checked
        if (!net.isInitialized() && net.embedding() == null) {
            String features = saved.architecture().get("features");
            if (features != null && features.matches("[1-9][0-9]{0,6}")
                    && architectureWithout("features").equals(without(saved.architecture(), "features"))) {
                takeFeatures = Integer.parseInt(features);
                header.put("features", features);
            }
        }
        saved.requireArchitecture(header, "this model");
        // The weights are read into a copy of the network first; the model's own change only once all of them have
        // been read and their shapes match, so a file that fails half-way leaves nothing half-loaded.
        Map<String, float[]> values = new LinkedHashMap<>();
        try (NDManager reading = manager.newSubManager();
                DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(saved.weights()))) {
            RecurrentNet copy = net.emptyCopy();
            try {
                copy.loadParameters(reading, in);
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new IOException(file + " passed its header checks but its weights could not be read ("
                        + e.getMessage() + "); the model keeps its weights", e);
            }
            if (in.available() > 0) {
                throw new IOException(file + " is damaged: " + in.available() + " bytes follow the last weight; the model"
                        + " keeps its weights");
            }
            Map<String, NDArray> read = copy.namedParameters();
            Map<String, NDArray> targets = takeFeatures > 0 ? net.initializedCopy(reading, takeFeatures).namedParameters() : parameters();
            for (Map.Entry<String, NDArray> p : targets.entrySet()) {
                Shape inFile = read.get(p.getKey()).getShape();
                Shape expected = p.getValue().getShape();
                if (!inFile.equals(expected)) {
                    throw new IOException(file + ": weight " + p.getKey() + " has shape " + inFile + " in the file, this"
                            + " model expects " + expected + "; the model keeps its weights");
                }
                float[] weight = read.get(p.getKey()).toFloatArray();
                for (int k = 0; k < weight.length; k++) {
                    if (!Float.isFinite(weight[k])) {
                        throw new IOException(file + " is damaged: weight " + p.getKey() + " holds " + weight[k]
                                + " at index " + k + "; the model keeps its weights");
                    }
                }
                values.put(p.getKey(), weight);
            }
        }
        if (takeFeatures > 0) {
            initialize(takeFeatures);
        }
        parameters().forEach((name, target) -> Models.overwrite(target, values.get(name)));
    }

    /** The fields of the saved file's header: what must match for weights to load. */
    Map<String, String> architecture() {
        RecurrentBlock r = net.recurrent();
        TokenEmbedding e = net.embedding();
        Map<String, String> a = new LinkedHashMap<>();
        a.put("cell", r.kind().name());
        a.put("hidden", String.valueOf(r.hidden()));
        a.put("layers", String.valueOf(r.layers()));
        a.put("bidirectional", String.valueOf(r.bidirectional()));
        a.put("features", net.isInitialized() || e != null ? String.valueOf(inputFeaturesExpected()) : "(not set yet)");
        a.put("embedding", e == null ? "none" : e.vocabularySize() + " tokens x " + e.dimension());
        a.put("units", String.valueOf(head.units));
        a.put("output", head.output.name());
        a.put("task", task.name());
        return a;
    }

    private Map<String, String> architectureWithout(String key) {
        return without(architecture(), key);
    }

    private static Map<String, String> without(Map<String, String> map, String key) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    public RecurrentNet block() {
        return net;
    }

    public NDManager manager() {
        return manager;
    }

    public Task task() {
        return task;
    }

    /** The steps the head sees. */
    public workbook.model.Output output() {
        return head.output;
    }

    /** The head's units: outputs for regression, classes for classification. */
    public int units() {
        return head.units;
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        RecurrentBlock r = net.recurrent();
        TokenEmbedding e = net.embedding();
        return (e == null ? "" : "embedding(" + e.vocabularySize() + " tokens × " + e.dimension() + ") → ")
                + r.kind().shortName() + "(hidden " + r.hidden() + ", layers " + r.layers()
                + (r.bidirectional() ? ", bidirectional" : "") + ") → dense(" + head.units + "), " + head.output
                + ", " + task.name().toLowerCase();
    }
}
