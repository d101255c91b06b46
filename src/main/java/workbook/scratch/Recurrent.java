package workbook.scratch;

import workbook.model.CellKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A recurrent network written from scratch: RNN (tanh or ReLU), LSTM or GRU, one or more stacked
 * layers, one or two directions, computing exactly what PyTorch's {@code nn.RNN}/{@code nn.LSTM}/{@code nn.GRU}
 * compute with {@code batch_first=True}.
 *
 * <pre>{@code
 * Recurrent lstm = Recurrent.lstm(1, 64).layers(2).bidirectional(true).seed(42).build();
 * Recurrent gru = Recurrent.of(CellKind.GRU, 1, 64).build(); // the cell named by a value, as in the DJL models
 * SequenceOutput out = lstm.forward(x);          // x: double[batch][time][features]
 * double[][][] hs = out.outputs();                // [batch][time][directions * hidden]
 * SequenceGradients g = lstm.backward(dLdOutputs); // BPTT: parameter gradients accumulate in parameters()
 * }</pre>
 *
 * States are shaped as in PyTorch: {@code [layers * directions][batch][hidden]}, the index being
 * {@code layer * directions + direction}. A bidirectional layer's output concatenates the forward
 * direction's h_t and the reverse direction's h_t (which has read the sequence from its end down to t).
 * Parameters carry PyTorch's state_dict names ({@code weight_ih_l0}, ..., {@code bias_hh_l1_reverse}).
 */
public final class Recurrent {

    /**
     * The cell a network is made of.
     * @deprecated both model families name the cell with {@link CellKind}: {@link Recurrent#of(CellKind, int, int)},
     * {@link Recurrent#cellKind()}.
     */
    @Deprecated
    public enum Kind {
        RNN_TANH, RNN_RELU, LSTM, GRU;

        /** The same cell in the shared vocabulary. */
        public CellKind cellKind() {
            return CellKind.valueOf(name());
        }
    }

    private final CellKind kind;
    private final int inputSize;
    private final int hidden;
    private final int layerCount;
    private final int directions;
    private final boolean hasBiases;
    private final long seed;
    /** [layer][direction]. */
    private final Layer[][] layers;
    private final List<Parameter> parameters = new ArrayList<>();

    private boolean tracing;
    private boolean recordGradientNorms;
    private int lastTime = -1;
    private int lastBatch = -1;
    /** Per layer, its output rows [time * batch][directions * hidden]. */
    private double[][][] outputs;
    /** Per layer l ≥ 1, ∂L/∂(input of layer l) = ∂L/∂(output of layer l − 1). */
    private double[][][] inputGradients;

    private Recurrent(Builder b) {
        this.kind = b.kind;
        this.inputSize = b.inputSize;
        this.hidden = b.hidden;
        this.layerCount = b.layers;
        this.directions = b.bidirectional ? 2 : 1;
        this.hasBiases = b.biases;
        this.seed = b.seed;
        this.layers = new Layer[layerCount][directions];
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < layerCount; l++) {
            int in = l == 0 ? inputSize : hidden * directions;
            for (int d = 0; d < directions; d++) {
                layers[l][d] = new Layer(newCell(kind), in, hidden, l, d == 1, hasBiases);
                layers[l][d].initialise(random);
                parameters.addAll(layers[l][d].parameters());
            }
        }
    }

    private static Cell newCell(CellKind kind) {
        return switch (kind) {
            case RNN_TANH -> new RnnCell(RnnCell.Activation.TANH);
            case RNN_RELU -> new RnnCell(RnnCell.Activation.RELU);
            case LSTM -> new LstmCell();
            case GRU -> new GruCell();
        };
    }

    /** A network of the given cell: what {@link #rnn}, {@link #rnnRelu}, {@link #lstm} and {@link #gru} build. */
    public static Builder of(CellKind kind, int inputSize, int hiddenSize) {
        return new Builder(kind, inputSize, hiddenSize);
    }

    /** A vanilla RNN with tanh: {@code h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)}. */
    public static Builder rnn(int inputSize, int hiddenSize) {
        return of(CellKind.RNN_TANH, inputSize, hiddenSize);
    }

    /** A vanilla RNN with ReLU instead of tanh. */
    public static Builder rnnRelu(int inputSize, int hiddenSize) {
        return of(CellKind.RNN_RELU, inputSize, hiddenSize);
    }

    /** An LSTM (gates i, f, g, o). */
    public static Builder lstm(int inputSize, int hiddenSize) {
        return of(CellKind.LSTM, inputSize, hiddenSize);
    }

    /** A GRU in PyTorch's convention (gates r, z, n; h' = (1 − z) ⊙ n + z ⊙ h). */
    public static Builder gru(int inputSize, int hiddenSize) {
        return of(CellKind.GRU, inputSize, hiddenSize);
    }

    /** The seed every builder not given one takes: {@link workbook.model.DefaultSeed#get()} (42 unless changed). */
    public static long defaultSeed() {
        return workbook.model.DefaultSeed.get();
    }

    /** Sets {@link #defaultSeed()}; the documented call is {@code workbook.djl.Seeds.use(seed)} (or {@link workbook.model.DefaultSeed#use}). */
    public static void useDefaultSeed(long seed) {
        workbook.model.DefaultSeed.use(seed);
    }

    /** Options with defaults: 1 layer, one direction, biases on, the {@link #defaultSeed()} (42). */
    public static final class Builder {
        private final CellKind kind;
        private final int inputSize;
        private final int hidden;
        private int layers = 1;
        private boolean bidirectional;
        private boolean biases = true;
        private long seed = defaultSeed();

        private Builder(CellKind kind, int inputSize, int hidden) {
            if (kind == null) {
                throw new IllegalArgumentException("the cell kind is missing: RNN_TANH, RNN_RELU, LSTM or GRU");
            }
            if (inputSize < 1 || hidden < 1) {
                throw new IllegalArgumentException("input size and hidden size must be at least 1, got input "
                        + inputSize + " and hidden " + hidden);
            }
            this.kind = kind;
            this.inputSize = inputSize;
            this.hidden = hidden;
        }

        /** Stacked layers (a "deep" RNN): layer l + 1 reads layer l's outputs. */
        public Builder layers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("layers must be at least 1, got " + count);
            }
            this.layers = count;
            return this;
        }

        public Builder bidirectional(boolean bidirectional) {
            this.bidirectional = bidirectional;
            return this;
        }

        /** With false there are no b_ih, b_hh (PyTorch's {@code bias=False}). */
        public Builder biases(boolean biases) {
            this.biases = biases;
            return this;
        }

        /** The seed of the U(−1/√H, 1/√H) initialisation. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Recurrent build() {
            return new Recurrent(this);
        }
    }

    /** The cell this network is made of. */
    public CellKind cellKind() {
        return kind;
    }

    /** @deprecated use {@link #cellKind()}, which speaks the {@link CellKind} both model families share. */
    @Deprecated
    public Kind kind() {
        return Kind.valueOf(kind.name());
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hidden;
    }

    public int layerCount() {
        return layerCount;
    }

    public int directions() {
        return directions;
    }

    /** Width of each output step: directions × hidden. */
    public int outputSize() {
        return directions * hidden;
    }

    /** Whether each layer has the bias vectors b_ih and b_hh. */
    public boolean hasBiases() {
        return hasBiases;
    }

    public boolean hasCellState() {
        return kind.hasCellState();
    }

    /** All parameters in PyTorch's state_dict order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Every weight and bias, counted. */
    public long parameterCount() {
        long total = 0;
        for (Parameter p : parameters) {
            total += p.value().length;
        }
        return total;
    }

    public void zeroGradients() {
        parameters.forEach(Parameter::zeroGradient);
    }

    /** A network of the same kind and shape (its own parameters and buffers): a worker for data-parallel training. */
    Recurrent sameShape() {
        return new Builder(kind, inputSize, hidden).layers(layerCount).bidirectional(directions == 2).biases(hasBiases).seed(seed).build();
    }

    /** True when forward or backward keep traces or gradient norms, which a split batch would cut into pieces. */
    boolean recordsSteps() {
        return tracing || recordGradientNorms;
    }

    /** With true, every forward keeps a copy of all hidden states, gates and cell states for {@link SequenceOutput#trace()}. */
    public Recurrent tracing(boolean on) {
        this.tracing = on;
        return this;
    }

    /** With true, every backward records ‖∂L/∂h_t‖ per time step, read with {@link #gradientNorms(int, int)}. */
    public Recurrent recordGradientNorms(boolean on) {
        this.recordGradientNorms = on;
        return this;
    }

    /** ‖∂L/∂h_t‖ (over the batch) for each time step t of the last backward, for layer and direction (0 forward, 1 reverse). */
    public double[] gradientNorms(int layer, int direction) {
        double[] norms = layers[layer][direction].gradientNorms();
        if (norms == null) {
            throw new IllegalStateException("no gradient norms recorded: call recordGradientNorms(true) before backward");
        }
        return norms.clone();
    }

    // ----- the public, array-shaped API -----

    /** Runs the network from zero initial states. {@code x} is {@code [batch][time][features]}. */
    public SequenceOutput forward(double[][][] x) {
        return forward(x, null, null);
    }

    /**
     * Runs the network from the given initial states ({@code [layers * directions][batch][hidden]},
     * null for zeros; {@code c0} only for the LSTM).
     */
    public SequenceOutput forward(double[][][] x, double[][][] h0, double[][][] c0) {
        int batch = x == null ? 0 : x.length;
        if (batch == 0) {
            throw new IllegalArgumentException("expected input [batch][time][" + inputSize + "], got an empty batch");
        }
        int time = x[0] == null ? 0 : x[0].length;
        if (time == 0) {
            throw new IllegalArgumentException("expected input [batch][time][" + inputSize + "], got an empty sequence (time = 0)");
        }
        double[][] rows = Shapes.timeMajor(x, time, inputSize, "input", batch);
        if (c0 != null && !hasCellState()) {
            throw new IllegalArgumentException("an initial cell state c0 was given, but a " + kind + " has no cell state");
        }
        int states = layerCount * directions;
        double[][] h0Rows = h0 == null ? null : Shapes.stateRows(h0, states, batch, hidden, "h0");
        double[][] c0Rows = c0 == null ? null : Shapes.stateRows(c0, states, batch, hidden, "c0");
        double[][] top = forwardRows(rows, time, batch, h0Rows, c0Rows);
        double[][][] out = Shapes.batchMajor(top, time, batch);
        double[][][] hN = Shapes.states(finalHidden(), states, batch);
        double[][][] cN = hasCellState() ? Shapes.states(finalCell(), states, batch) : null;
        Trace trace = tracing ? new Trace(layers, kind) : null;
        return new SequenceOutput(out, hN, cN, trace);
    }

    /** BPTT from ∂L/∂outputs only ({@code [batch][time][directions * hidden]}). */
    public SequenceGradients backward(double[][][] dOutputs) {
        return backward(dOutputs, null, null);
    }

    /**
     * Backpropagation through time over the last {@link #forward}: adds ∂L/∂θ into every parameter's
     * gradient and returns ∂L/∂x, ∂L/∂h0 (and ∂L/∂c0). Any of the three incoming gradients may be null (zero).
     */
    public SequenceGradients backward(double[][][] dOutputs, double[][][] dFinalHidden, double[][][] dFinalCell) {
        if (lastTime < 0) {
            throw new IllegalStateException("backward needs a forward first");
        }
        int states = layerCount * directions;
        double[][] dTop = dOutputs == null ? null
                : Shapes.timeMajor(dOutputs, lastTime, outputSize(), "output gradient", lastBatch);
        double[][] dh = dFinalHidden == null ? null
                : Shapes.stateRows(dFinalHidden, states, lastBatch, hidden, "final hidden gradient");
        double[][] dc = dFinalCell == null ? null
                : Shapes.stateRows(dFinalCell, states, lastBatch, hidden, "final cell gradient");
        double[][] dx = new double[lastTime * lastBatch][inputSize];
        double[][][] initial = backwardRows(dTop, dh, dc, dx);
        return new SequenceGradients(Shapes.batchMajor(dx, lastTime, lastBatch),
                Shapes.states(initial[0], states, lastBatch),
                hasCellState() ? Shapes.states(initial[1], states, lastBatch) : null);
    }

    // ----- the row API the training loops use (no per-call reshaping) -----

    /**
     * Forward on time-major rows {@code x[time * batch][inputSize]} (row {@code t * batch + b}); states as rows
     * {@code [layers * directions * batch][hidden]} or null. Returns the top layer's outputs (an internal buffer).
     */
    double[][] forwardRows(double[][] x, int time, int batch, double[][] h0, double[][] c0) {
        if (time != lastTime || batch != lastBatch) {
            outputs = new double[layerCount][][];
            inputGradients = new double[layerCount][][];
            for (int l = 0; l < layerCount; l++) {
                outputs[l] = new double[time * batch][outputSize()];
                if (l > 0) {
                    inputGradients[l] = new double[time * batch][outputSize()];
                }
            }
            lastTime = time;
            lastBatch = batch;
        }
        double[][] input = x;
        for (int l = 0; l < layerCount; l++) {
            for (int d = 0; d < directions; d++) {
                layers[l][d].forward(input, time, batch, h0, c0, (l * directions + d) * batch, outputs[l], d * hidden);
            }
            input = outputs[l];
        }
        return outputs[layerCount - 1];
    }

    /** Final hidden states of the last forward, rows {@code [layers * directions * batch][hidden]} (a copy). */
    double[][] finalHidden() {
        return finalStates(false);
    }

    double[][] finalCell() {
        return finalStates(true);
    }

    private double[][] finalStates(boolean cell) {
        double[][] states = new double[layerCount * directions * lastBatch][];
        for (int l = 0; l < layerCount; l++) {
            for (int d = 0; d < directions; d++) {
                Steps s = layers[l][d].steps();
                double[][] rows = cell ? s.c : s.h;
                for (int b = 0; b < lastBatch; b++) {
                    states[(l * directions + d) * lastBatch + b] = rows[s.steps * lastBatch + b].clone();
                }
            }
        }
        return states;
    }

    /**
     * BPTT on rows. {@code dTop}: ∂L/∂(top outputs) {@code [time * batch][directions * hidden]} or null;
     * {@code dh}, {@code dc}: ∂L/∂(final states) as state rows, or null; {@code dx}: receives ∂L/∂x, or null to skip it.
     * Returns {∂L/∂h0, ∂L/∂c0 or null} as state rows.
     */
    double[][][] backwardRows(double[][] dTop, double[][] dh, double[][] dc, double[][] dx) {
        int states = layerCount * directions * lastBatch;
        double[][] dh0 = new double[states][];
        double[][] dc0 = hasCellState() ? new double[states][] : null;
        for (int l = layerCount - 1; l >= 0; l--) {
            double[][] dOut = l == layerCount - 1 ? dTop : inputGradients[l + 1];
            double[][] dIn = l == 0 ? dx : inputGradients[l];
            if (l > 0) {
                for (double[] row : dIn) {
                    Arrays.fill(row, 0.0);
                }
            }
            for (int d = 0; d < directions; d++) {
                int stateRow = (l * directions + d) * lastBatch;
                Layer layer = layers[l][d];
                layer.backward(dOut, d * hidden, dh, dc, stateRow, dIn, recordGradientNorms);
                for (int b = 0; b < lastBatch; b++) {
                    dh0[stateRow + b] = layer.steps().dh[b].clone();
                    if (dc0 != null) {
                        dc0[stateRow + b] = layer.steps().dc[b].clone();
                    }
                }
            }
        }
        return new double[][][] {dh0, dc0};
    }

    // ----- weights under PyTorch's names -----

    /** A copy of every parameter under its PyTorch name: {@code double[][]} for weights, {@code double[]} for biases. */
    public Map<String, Object> stateDict() {
        Map<String, Object> dict = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            dict.put(p.name(), p.toArray());
        }
        return dict;
    }

    /**
     * Loads weights by PyTorch name ({@code double[][]} or {@code double[]} values, e.g. from
     * {@link Weights#fromPyTorchJson}); the names must match exactly, and every shape is checked before any weight
     * changes, so on error the network keeps its weights.
     */
    public void loadStateDict(Map<String, ?> dict) {
        checkStateDict(dict);
        for (Parameter p : parameters) {
            p.set(dict.get(p.name()));
        }
    }

    /** Fails unless {@link #loadStateDict} would load every weight of {@code dict}. */
    void checkStateDict(Map<String, ?> dict) {
        TreeSet<String> missing = new TreeSet<>();
        for (Parameter p : parameters) {
            if (!dict.containsKey(p.name())) {
                missing.add(p.name());
            }
        }
        TreeSet<String> unexpected = new TreeSet<>(dict.keySet());
        parameters.forEach(p -> unexpected.remove(p.name()));
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException("weights do not match this " + describe() + ": missing " + missing
                    + ", unexpected " + unexpected + "; expected exactly " + parameters.stream().map(Parameter::name).toList());
        }
        for (Parameter p : parameters) {
            p.check(dict.get(p.name()));
        }
    }

    /** e.g. "LSTM(input 1, hidden 64, 2 layers, bidirectional)". */
    public String describe() {
        return kind + "(input " + inputSize + ", hidden " + hidden + ", " + layerCount + (layerCount == 1 ? " layer" : " layers")
                + (directions == 2 ? ", bidirectional" : "") + (hasBiases ? "" : ", no biases") + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
