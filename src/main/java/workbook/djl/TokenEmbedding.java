package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A trainable embedding: a table {@code E} of shape (vocabulary, dimension) whose row {@code E[id]} is the vector of
 * token {@code id}. The lookup is one-hot(id) times {@code E} without building the one-hot vector, and its
 * gradient reaches only the rows that were looked up.
 *
 * <p>Input: token ids of shape (batch, time) or (batch, time, 1), any numeric type holding whole numbers (the
 * trainer passes them as float32, exact up to 2^24). Output: (batch, time, dimension) float32. Padding needs
 * nothing special here: a padded step gets the vector of the padding id, and the recurrent layer's mask
 * (the lengths) keeps it out of every valid step.
 *
 * <p>Initialised like PyTorch's {@code nn.Embedding}: every entry N(0, 1). DJL's own {@code Embedding} classes
 * carry a vocabulary of items; this block takes the ids that {@code workbook.data.WordVocabulary} already made.
 */
public class TokenEmbedding extends AbstractBlock {

    /** The parameter's name, also the key in {@link RecurrentModel#parameters()} (prefixed with "embedding."). */
    public static final String WEIGHT = "weight";

    private final int vocabularySize;
    private final int dimension;
    private final Parameter table;

    public TokenEmbedding(int vocabularySize, int dimension) {
        if (vocabularySize < 1 || dimension < 1) {
            throw new IllegalArgumentException("an embedding needs a vocabulary of at least 1 token and at least 1"
                    + " dimension, got vocabulary size " + vocabularySize + ", dimension " + dimension);
        }
        this.vocabularySize = vocabularySize;
        this.dimension = dimension;
        this.table = addParameter(Parameter.builder().setName(WEIGHT).setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(1f)).optShape(new Shape(vocabularySize, dimension)).build());
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    public int dimension() {
        return dimension;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), dimension)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(embed(ps, inputs.get(0), training));
    }

    /** (batch, time) or (batch, time, 1) ids → (batch, time, dimension) vectors. */
    public NDArray embed(ParameterStore ps, NDArray ids, boolean training) {
        Shape s = ids.getShape();
        if (s.dimension() == 3 && s.get(2) == 1) {
            ids = ids.reshape(s.get(0), s.get(1));
        } else if (s.dimension() != 2) {
            throw new IllegalArgumentException("token ids must be (batch, time) or (batch, time, 1), got " + s);
        }
        NDArray index = ids.toType(DataType.INT64, false);
        if (index.size() > 0) {
            long low = index.min().getLong();
            long high = index.max().getLong();
            if (low < 0 || high >= vocabularySize) {
                throw new IllegalArgumentException("token id " + (low < 0 ? low : high) + " is outside the embedding's"
                        + " vocabulary: ids must be in 0.." + (vocabularySize - 1) + " (vocabulary size " + vocabularySize + ")");
            }
        }
        NDArray weight = ps.getValue(table, ids.getDevice(), training);
        return Embedding.embedding(index, weight, SparseFormat.DENSE).singletonOrThrow();
    }
}
