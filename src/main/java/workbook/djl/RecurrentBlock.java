package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.RNN;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import workbook.model.CellKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of recurrent layers (RNN, LSTM or GRU; one or two directions) as a DJL block.
 *
 * <p>Why not DJL's own {@code LSTM}/{@code GRU}/{@code RNN} blocks: in DJL 0.36 with the PyTorch engine
 * a bidirectional layer with biases registers its parameters as (weights l, r, biases l, r) and hands
 * them to libtorch, which expects (w_ih, w_hh, b_ih, b_hh) per direction: a shape error, or, when input
 * size equals hidden size, silently wrong outputs. DJL also has no masking for the PyTorch engine
 * ({@code sequenceMask} is "not implemented"). This block calls the engine's fused single-layer,
 * single-direction op once per layer and direction, with parameters in PyTorch's order, and runs the
 * reverse direction on each sequence reversed <em>within its own length</em>, so padding never leaks
 * into a valid step.
 *
 * <p>Inputs: {@code [x]} or {@code [x, lengths]}, x of shape (batch, time, features), lengths int64 (batch).
 * Output: {@code [sequence, h]} or {@code [sequence, h, c]} (see {@link RecurrentOutput}).
 * Parameter names are DJL's ({@code l_0_i2h_WEIGHT}, {@code r_1_h2h_BIAS}, ...), with PyTorch's shapes
 * and gate order.
 */
public class RecurrentBlock extends AbstractBlock {

    private final CellKind kind;
    private final int hidden;
    private final int layers;
    private final boolean bidirectional;
    private final float dropout;
    /** [layer][direction] → w_ih, w_hh, b_ih, b_hh. */
    private final Parameter[][][] weights;
    private int inputFeatures = -1;

    public RecurrentBlock(CellKind kind, int hidden, int layers, boolean bidirectional, float dropout) {
        if (hidden < 1 || layers < 1) {
            throw new IllegalArgumentException("hidden size and layers must be at least 1, got hidden "
                    + hidden + ", layers " + layers);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        this.kind = kind;
        this.hidden = hidden;
        this.layers = layers;
        this.bidirectional = bidirectional;
        this.dropout = dropout;
        int directions = directions();
        weights = new Parameter[layers][directions][];
        // PyTorch's default initialisation: U(-1/sqrt(hidden), 1/sqrt(hidden)) for every weight and bias.
        UniformInitializer init = new UniformInitializer((float) (1 / Math.sqrt(hidden)));
        for (int l = 0; l < layers; l++) {
            for (int d = 0; d < directions; d++) {
                String prefix = (d == 0 ? "l_" : "r_") + l + "_";
                weights[l][d] = new Parameter[] {
                    addParameter(param(prefix + "i2h_WEIGHT", Parameter.Type.WEIGHT, init)),
                    addParameter(param(prefix + "h2h_WEIGHT", Parameter.Type.WEIGHT, init)),
                    addParameter(param(prefix + "i2h_BIAS", Parameter.Type.BIAS, init)),
                    addParameter(param(prefix + "h2h_BIAS", Parameter.Type.BIAS, init)),
                };
            }
        }
    }

    /** @deprecated the kind is {@link workbook.model.CellKind} now: {@code new RecurrentBlock(CellKind.LSTM, ...)}. */
    @Deprecated
    public RecurrentBlock(workbook.djl.CellKind kind, int hidden, int layers, boolean bidirectional, float dropout) {
        this(kind.toCellKind(), hidden, layers, bidirectional, dropout);
    }

    private static Parameter param(String name, Parameter.Type type, UniformInitializer init) {
        return Parameter.builder().setName(name).setType(type).optInitializer(init).build();
    }

    public CellKind kind() {
        return kind;
    }

    public int hidden() {
        return hidden;
    }

    public int layers() {
        return layers;
    }

    public boolean bidirectional() {
        return bidirectional;
    }

    public int directions() {
        return bidirectional ? 2 : 1;
    }

    /** Features per step of the input, known once initialised; -1 before. */
    public int inputFeatures() {
        return inputFeatures;
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        if (x.dimension() != 3) {
            throw new IllegalArgumentException("recurrent input must be (batch, time, features), got " + x);
        }
        inputFeatures = (int) x.get(2);
        int rows = kind.gates() * hidden;
        for (int l = 0; l < layers; l++) {
            long in = l == 0 ? inputFeatures : (long) hidden * directions();
            for (Parameter[] p : weights[l]) {
                p[0].setShape(new Shape(rows, in));
                p[1].setShape(new Shape(rows, hidden));
                p[2].setShape(new Shape(rows));
                p[3].setShape(new Shape(rows));
            }
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        Shape seq = new Shape(x.get(0), x.get(1), (long) hidden * directions());
        Shape state = new Shape((long) layers * directions(), x.get(0), hidden);
        return kind == CellKind.LSTM ? new Shape[] {seq, state, state} : new Shape[] {seq, state};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray lengths = inputs.size() > 1 ? inputs.get(1) : null;
        return forward(ps, inputs.get(0), lengths, null, null, training).toList();
    }

    /**
     * Runs the stack with named inputs.
     *
     * @param lengths valid steps per sequence (int64, (batch)), or null when every sequence fills the time axis
     * @param h0      initial hidden state (layers · directions, batch, hidden), or null for zeros
     * @param c0      initial LSTM cell state, or null for zeros
     */
    public RecurrentOutput forward(ParameterStore ps, NDArray x, NDArray lengths, NDArray h0, NDArray c0,
            boolean training) {
        Models.onThisThread();
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long time = shape.get(1);
        if (shape.dimension() != 3 || shape.get(2) != inputFeatures) {
            throw new IllegalArgumentException("expected input (batch, time, " + inputFeatures + "), got " + shape);
        }
        if (lengths != null && time > 0) {
            lengths = lengths.toType(DataType.INT64, false);
        }
        NDManager manager = x.getManager();
        NDArray reverseIndex = null;
        NDArray validSteps = null;
        if (lengths != null) {
            NDArray steps = manager.arange(time).reshape(1, time); // t
            NDArray len = lengths.reshape(batch, 1);                  // L
            validSteps = steps.lt(len);                               // t < L
            // Position t of the reversed sequence reads step L-1-t; padding stays where it is.
            reverseIndex = NDArrays.where(validSteps, len.sub(1).sub(steps), steps.broadcast(batch, time));
        }
        NDArray input = x;
        List<NDArray> hs = new ArrayList<>();
        List<NDArray> cs = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            if (l > 0 && dropout > 0) {
                input = input.getNDArrayInternal().dropout(input, dropout, training).singletonOrThrow();
            }
            NDList directionOutputs = new NDList();
            for (int d = 0; d < directions(); d++) {
                int stateIndex = l * directions() + d;
                NDArray hInit = h0 == null ? null : h0.get(stateIndex).expandDims(0);
                NDArray cInit = c0 == null ? null : c0.get(stateIndex).expandDims(0);
                boolean reverse = d == 1;
                NDArray in = reverse ? reverseTime(input, reverseIndex) : input;
                NDList out = runOneLayer(ps, in, weights[l][d], hInit, cInit, training);
                NDArray seq = out.get(0);
                // The final state is the op's own h_n (1, batch, hidden); with lengths the op also ran over the
                // padding, so it is the output at each sequence's last valid step instead.
                NDArray hLast = lengths == null ? out.get(1) : lastValidStep(seq, lengths).expandDims(0);
                if (reverse) {
                    seq = reverseTime(seq, reverseIndex);
                }
                directionOutputs.add(seq);
                hs.add(hLast);
                if (kind == CellKind.LSTM) {
                    cs.add(lengths == null ? out.get(2) : null);
                }
            }
            input = concat(directionOutputs, 2);
            if (validSteps != null) {
                input = input.mul(validSteps.expandDims(2).toType(input.getDataType(), false));
            }
        }
        NDArray h = concat(new NDList(hs), 0);
        NDArray c = null;
        if (kind == CellKind.LSTM && lengths == null) {
            c = concat(new NDList(cs), 0);
        }
        return new RecurrentOutput(input, h, c);
    }

    private NDList runOneLayer(ParameterStore ps, NDArray in, Parameter[] p, NDArray h0, NDArray c0,
            boolean training) {
        NDList w = new NDList(4);
        for (Parameter parameter : p) {
            w.add(ps.getValue(parameter, in.getDevice(), training));
        }
        long batch = in.getShape().get(0);
        Shape stateShape = new Shape(1, batch, hidden);
        NDManager m = in.getManager();
        if (h0 == null) {
            h0 = m.zeros(stateShape, in.getDataType(), in.getDevice());
        }
        NDArrayEx ex = in.getNDArrayInternal();
        // Why the GRU trains at about half the LSTM's speed here (measured with perf, hidden 64, batch 32, 50 steps):
        // on CPU, libtorch 2.7 runs the LSTM as one oneDNN kernel forwards and one backwards, but the GRU and the
        // plain RNN as a loop of small ops per step (about 14 for the GRU, 3 for the RNN), each one an autograd node;
        // the time goes to dispatch, autograd bookkeeping and malloc, not arithmetic. No libtorch op runs them fused.
        switch (kind) {
            case LSTM:
                if (c0 == null) {
                    c0 = m.zeros(stateShape, in.getDataType(), in.getDevice());
                }
                // libtorch 2.7.1 on CPU takes another LSTM kernel when autograd is off (inference), and that one
                // returned wrong outputs for hidden sizes up to 16 (differences of 0.05-0.5; measured, see
                // RecurrentBlockTorchParityTest). Running with autograd on selects the kernel that matches PyTorch.
                boolean gradMode = JniUtils.isGradMode();
                if (!gradMode) {
                    JniUtils.setGradMode(true);
                }
                try {
                    return ex.lstm(in, new NDList(h0, c0), w, true, 1, 0, training, false, true);
                } finally {
                    if (!gradMode) {
                        JniUtils.setGradMode(false);
                    }
                }
            case GRU:
                return ex.gru(in, h0, w, true, 1, 0, training, false, true);
            default:
                return rnnWithFoldedBias(in, h0, w, training);
        }
    }

    /**
     * The tanh/ReLU RNN layer. Its two biases only ever act as their sum, and libtorch's generic RNN adds b_hh at
     * every step: one more op forwards and a sum over the batch backwards, 50 of each per batch of 50 steps. So the
     * sum b_ih + b_hh rides on the input projection instead, as one more column of W_ih against a constant-1 input
     * feature, and each step is a single matrix product. The parameters and their gradients are unchanged (b_ih and
     * b_hh both receive ∂L/∂(b_ih + b_hh), as in PyTorch); measured here, an RNN batch (hidden 64, 50 steps, batch
     * 32) trains about 10% faster.
     */
    private NDList rnnWithFoldedBias(NDArray in, NDArray h0, NDList w, boolean training) {
        Shape s = in.getShape();
        NDManager m = in.getManager();
        NDArray inWithOne = in.concat(m.ones(new Shape(s.get(0), s.get(1), 1), in.getDataType(), in.getDevice()), 2);
        NDArray biasSum = w.get(2).add(w.get(3));
        NDArray weightWithBias = w.get(0).concat(biasSum.reshape(biasSum.getShape().get(0), 1), 1);
        return inWithOne.getNDArrayInternal().rnn(inWithOne, h0, new NDList(weightWithBias, w.get(1)), false, 1,
                activation(kind), 0, training, false, true);
    }

    /** The engine's name for an Elman RNN's non-linearity. */
    private static RNN.Activation activation(CellKind kind) {
        return kind == CellKind.RNN_RELU ? RNN.Activation.RELU : RNN.Activation.TANH;
    }

    /** NDArrays.concat of a single array returns a copy cut off from autograd (DJL 0.36); this does not. */
    static NDArray concat(NDList arrays, int axis) {
        return arrays.size() == 1 ? arrays.get(0) : NDArrays.concat(arrays, axis);
    }

    /** Reverses each sequence in time; with lengths, only its valid part (the index is its own inverse). */
    private static NDArray reverseTime(NDArray seq, NDArray reverseIndex) {
        if (reverseIndex == null) {
            return seq.flip(1);
        }
        Shape s = seq.getShape();
        NDArray index = reverseIndex.expandDims(2).broadcast(s.get(0), s.get(1), s.get(2));
        return seq.gather(index, 1);
    }

    /** (batch, time, features) → (batch, features) at step length-1 of each sequence. */
    static NDArray lastValidStep(NDArray seq, NDArray lengths) {
        Shape s = seq.getShape();
        NDArray index = lengths.toType(DataType.INT64, false).sub(1).reshape(s.get(0), 1, 1)
                .broadcast(s.get(0), 1, s.get(2));
        return seq.gather(index, 1).squeeze(1);
    }
}
