package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import workbook.model.Output;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link RecurrentBlock} followed by a dense head, as one DJL block: inputs {@code [x]} or
 * {@code [x, lengths]}, output {@code [y]} with y (batch, units) for the last step or (batch, time, units)
 * for every step. With a {@link TokenEmbedding} in front, x holds token ids, (batch, time, 1), and the
 * recurrent layer reads their vectors.
 */
public class RecurrentNet extends AbstractBlock {

    private final TokenEmbedding embedding;
    private final RecurrentBlock recurrent;
    private final Linear head;
    private final Output output;
    private final int units;

    public RecurrentNet(RecurrentBlock recurrent, Output output, int units) {
        this(null, recurrent, output, units);
    }

    /** With {@code embedding} (may be null) turning token ids into the recurrent layer's input vectors. */
    public RecurrentNet(TokenEmbedding embedding, RecurrentBlock recurrent, Output output, int units) {
        this.embedding = embedding == null ? null : addChildBlock("embedding", embedding);
        this.recurrent = addChildBlock("recurrent", recurrent);
        this.head = addChildBlock("head", Linear.builder().setUnits(units).build());
        this.output = output;
        this.units = units;
    }

    public RecurrentBlock recurrent() {
        return recurrent;
    }

    /** The embedding in front of the recurrent layer, or null when the input is feature vectors. */
    public TokenEmbedding embedding() {
        return embedding;
    }

    public Linear head() {
        return head;
    }

    /**
     * The parameters by name: the recurrent layer's under DJL's names ({@code l_0_i2h_WEIGHT}, ...), the head's as
     * {@code head.weight}, {@code head.bias}, an embedding's table as {@code embedding.weight}.
     */
    Map<String, NDArray> namedParameters() {
        Map<String, NDArray> map = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : recurrent.getParameters()) {
            map.put(p.getKey(), p.getValue().getArray());
        }
        for (Pair<String, Parameter> p : head.getParameters()) {
            map.put("head." + p.getKey(), p.getValue().getArray());
        }
        if (embedding != null) {
            for (Pair<String, Parameter> p : embedding.getParameters()) {
                map.put("embedding." + p.getKey(), p.getValue().getArray());
            }
        }
        return map;
    }

    /** A network of the same architecture without weights, to read weights into before a model takes their values. */
    RecurrentNet emptyCopy() {
        // dropout has no weights, so 0 here reads the same parameters
        return new RecurrentNet(embedding == null ? null : new TokenEmbedding(embedding.vocabularySize(), embedding.dimension()),
                new RecurrentBlock(recurrent.kind(), recurrent.hidden(), recurrent.layers(), recurrent.bidirectional(), 0f),
                output, units);
    }

    /** A network of the same architecture with (random) weights for {@code features} inputs, to check shapes against. */
    RecurrentNet initializedCopy(NDManager owner, int features) {
        RecurrentNet copy = emptyCopy();
        copy.initialize(owner, DataType.FLOAT32, new Shape(1, 1, features));
        return copy;
    }

    private long headInputs() {
        return (long) recurrent.hidden() * recurrent.directions();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (embedding != null) {
            embedding.initialize(manager, dataType, inputShapes[0]);
            Shape ids = inputShapes[0];
            recurrent.initialize(manager, dataType, new Shape(ids.get(0), ids.get(1), embedding.dimension()));
        } else {
            recurrent.initialize(manager, dataType, inputShapes);
        }
        // Like PyTorch's nn.Linear: U(-1/sqrt(in), 1/sqrt(in)).
        head.setInitializer(new UniformInitializer((float) (1 / Math.sqrt(headInputs()))), Parameter.Type.WEIGHT);
        head.setInitializer(new UniformInitializer((float) (1 / Math.sqrt(headInputs()))), Parameter.Type.BIAS);
        head.initialize(manager, dataType, new Shape(inputShapes[0].get(0), headInputs()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {output == Output.LAST_STEP
                ? new Shape(x.get(0), units) : new Shape(x.get(0), x.get(1), units)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = embedding == null ? inputs.get(0) : embedding.embed(ps, inputs.get(0), training);
        NDArray lengths = inputs.size() > 1 ? inputs.get(1) : null;
        RecurrentOutput out = recurrent.forward(ps, x, lengths, null, null, training);
        if (output == Output.LAST_STEP) {
            return head.forward(ps, new NDList(topLayerState(out.h())), training);
        }
        Shape s = out.sequence().getShape();
        NDArray flat = out.sequence().reshape(s.get(0) * s.get(1), s.get(2));
        NDArray y = head.forward(ps, new NDList(flat), training).singletonOrThrow();
        return new NDList(y.reshape(s.get(0), s.get(1), units));
    }

    /**
     * The top layer's final state, both directions side by side: (batch, hidden · directions). Forward it is
     * the last valid step; in reverse it is the state after reading the sequence back to its first step.
     */
    private NDArray topLayerState(NDArray h) {
        int d = recurrent.directions();
        int top = (recurrent.layers() - 1) * d;
        if (d == 1) {
            return h.getShape().get(0) == 1 ? h.squeeze(0) : h.get(top);
        }
        return RecurrentBlock.concat(new NDList(h.get(top), h.get(top + 1)), 1);
    }
}
