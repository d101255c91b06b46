package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import workbook.model.CellKind;

/**
 * An encoder–decoder with additive attention (Bahdanau, Cho &amp; Bengio 2015) as one DJL block, GRU on both sides.
 *
 * <p>At decoder step t, with the previous decoder state s and the encoder outputs h_1..h_S:
 * e_j = vᵀ tanh(W s + U h_j), α = softmax(e), context = Σ α_j h_j,
 * s' = GRU([y_{t-1}; context], s), logits = W_o [s'; context].
 *
 * <p>Inputs {@code [source one-hot (N, S, sourceVocab), decoder input one-hot (N, T, targetVocab + 1)]}
 * (teacher forcing; index targetVocab is the start token). Outputs {@code [logits (N, T, targetVocab),
 * attention (N, T, S)]}.
 *
 * <p>Without attention ({@code attention = false}) the context is the encoder's last state h_S at every step
 * (Cho et al. 2014): the whole source has to pass through one fixed-size vector, and the returned attention
 * puts weight 1 on the last source position.
 */
public class AttentionSeq2Seq extends AbstractBlock {

    private final int sourceVocab;
    private final int targetVocab;
    private final int hidden;
    private final boolean attends;
    private final RecurrentBlock encoder;
    private final RecurrentBlock decoder;
    private final Linear query;
    private final Linear key;
    private final Linear score;
    private final Linear output;

    public AttentionSeq2Seq(int sourceVocab, int targetVocab, int hidden) {
        this(sourceVocab, targetVocab, hidden, true);
    }

    /** With {@code attention = false}, the baseline whose only view of the source is the encoder's last state. */
    public AttentionSeq2Seq(int sourceVocab, int targetVocab, int hidden, boolean attention) {
        this.sourceVocab = sourceVocab;
        this.targetVocab = targetVocab;
        this.hidden = hidden;
        this.attends = attention;
        encoder = addChildBlock("encoder", new RecurrentBlock(CellKind.GRU, hidden, 1, false, 0));
        decoder = addChildBlock("decoder", new RecurrentBlock(CellKind.GRU, hidden, 1, false, 0));
        // the baseline has no scoring weights at all (unused parameters would get no gradient)
        query = attention ? addChildBlock("query", Linear.builder().setUnits(hidden).optBias(false).build()) : null;
        key = attention ? addChildBlock("key", Linear.builder().setUnits(hidden).optBias(false).build()) : null;
        score = attention ? addChildBlock("score", Linear.builder().setUnits(1).optBias(false).build()) : null;
        output = addChildBlock("output", Linear.builder().setUnits(targetVocab).build());
    }

    /** Whether the decoder attends over all encoder states (false: only the last one). */
    public boolean attends() {
        return attends;
    }

    /** The start token's index in the decoder's input vocabulary. */
    public int startToken() {
        return targetVocab;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long n = inputShapes[0].get(0);
        encoder.initialize(manager, dataType, new Shape(n, 1, sourceVocab));
        decoder.initialize(manager, dataType, new Shape(n, 1, targetVocab + 1 + hidden));
        if (attends) {
            initLinear(query, manager, dataType, new Shape(n, hidden));
            initLinear(key, manager, dataType, new Shape(n, hidden));
            initLinear(score, manager, dataType, new Shape(n, hidden));
        }
        initLinear(output, manager, dataType, new Shape(n, 2L * hidden));
    }

    private static void initLinear(Linear linear, NDManager manager, DataType dataType, Shape in) {
        UniformInitializer init = new UniformInitializer((float) (1 / Math.sqrt(in.get(1))));
        linear.setInitializer(init, Parameter.Type.WEIGHT);
        linear.setInitializer(init, Parameter.Type.BIAS);
        linear.initialize(manager, dataType, in);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape src = inputShapes[0];
        Shape tgt = inputShapes[1];
        return new Shape[] {new Shape(tgt.get(0), tgt.get(1), targetVocab), new Shape(tgt.get(0), tgt.get(1), src.get(1))};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray decoderInput = inputs.get(1);
        return decode(ps, inputs.get(0), decoderInput, (int) decoderInput.getShape().get(1), training);
    }

    /**
     * Runs the decoder for {@code steps} steps. With {@code decoderInput} (teacher forcing) step t reads its
     * row t; with null it starts from the start token and reads back its own most likely prediction (greedy).
     */
    public NDList decode(ParameterStore ps, NDArray source, NDArray decoderInput, int steps, boolean training) {
        NDManager m = source.getManager();
        long n = source.getShape().get(0);
        long s = source.getShape().get(1);
        RecurrentOutput encoded = encoder.forward(ps, source, null, null, null, training);
        NDArray memory = encoded.sequence();                                        // h_j: (N, S, H)
        NDArray keys = attends
                ? linear(ps, key, memory.reshape(n * s, hidden), training).reshape(n, s, hidden) // U h_j
                : null;
        NDArray lastOnly = attends ? null : m.full(new Shape(n), s - 1, DataType.INT64).oneHot((int) s);
        NDArray state = encoded.h();                                                // s_0: (1, N, H)
        NDArray previous = decoderInput == null
                ? m.full(new Shape(n), targetVocab, DataType.INT64).oneHot(targetVocab + 1).toType(DataType.FLOAT32, false)
                : null;
        NDList logits = new NDList(steps);
        NDList attention = new NDList(steps);
        for (int t = 0; t < steps; t++) {
            NDArray alpha;
            NDArray context;
            if (attends) {
                NDArray q = linear(ps, query, state.get(0), training).expandDims(1);   // W s: (N, 1, H)
                NDArray e = linear(ps, score, keys.add(q).tanh().reshape(n * s, hidden), training).reshape(n, s);
                alpha = e.softmax(1);                                                // (N, S)
                context = alpha.expandDims(2).mul(memory).sum(new int[] {1});       // (N, H)
            } else {
                alpha = lastOnly.toType(DataType.FLOAT32, false);
                context = encoded.h().get(0);                                        // h_S, the bottleneck
            }
            NDArray y = decoderInput != null ? decoderInput.get(new NDIndex(":, {}", t)) : previous;
            NDArray stepInput = y.concat(context, 1).expandDims(1);                  // (N, 1, V+1+H)
            state = decoder.forward(ps, stepInput, null, state, null, training).h();
            NDArray stepLogits = linear(ps, output, state.get(0).concat(context, 1), training);
            logits.add(stepLogits.expandDims(1));
            attention.add(alpha.expandDims(1));
            if (decoderInput == null) {
                previous = stepLogits.argMax(1).oneHot(targetVocab + 1).toType(DataType.FLOAT32, false);
            }
        }
        return new NDList(RecurrentBlock.concat(logits, 1), RecurrentBlock.concat(attention, 1));
    }

    private static NDArray linear(ParameterStore ps, Linear block, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }
}
