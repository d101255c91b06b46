package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import tech.tablesaw.plotly.components.Figure;
import workbook.model.Fit;
import workbook.plot.Plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small sequence-to-sequence model with attention, trained with teacher forcing and decoded greedily; the
 * attention weights of every decoded step come back for a heatmap.
 *
 * <pre>{@code
 * AttentionModel.Examples data = AttentionModel.reversalTask(3000, 6, 8, 1);   // reverse 6 digits
 * try (AttentionModel model = new AttentionModel(8, 8, 32)) {
 *     model.fit(data, Fit.epochs(8).learningRate(5e-3));
 *     AttentionModel.Translation t = model.translate(new int[] {1, 2, 3, 4, 5, 6}, 6);
 *     t.heatmap();   // a Tablesaw figure: which source position each output step looked at
 * }
 * }</pre>
 */
public final class AttentionModel implements AutoCloseable {

    /** Token sequences: {@code source[i]} maps to {@code target[i]}; all sources one length, all targets one length. */
    public record Examples(int[][] source, int[][] target) {
        public Examples {
            if (source == null || target == null || source.length == 0 || source.length != target.length) {
                throw new IllegalArgumentException("need the same non-zero number of sources and targets, got "
                        + (source == null ? "null" : source.length) + " and " + (target == null ? "null" : target.length));
            }
            for (int i = 0; i < source.length; i++) {
                if (source[i].length != source[0].length || target[i].length != target[0].length) {
                    throw new IllegalArgumentException("example " + i + " has lengths " + source[i].length + " → "
                            + target[i].length + ", example 0 has " + source[0].length + " → " + target[0].length
                            + " (this model takes fixed-length examples)");
                }
            }
        }

        public int size() {
            return source.length;
        }
    }

    /** A decoded sequence and attention[t][j]: how much output step t looked at source position j. */
    public record Translation(int[] source, int[] tokens, double[][] attention) {

        /** The attention weights as a heatmap: rows = output steps, columns = source positions. */
        public Figure heatmap() {
            String[] x = new String[source.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = j + ":" + source[j];
            }
            String[] y = new String[tokens.length];
            for (int t = 0; t < y.length; t++) {
                y[t] = t + ":" + tokens[t];
            }
            return Plots.heatmap(attention, y, x, "Attention weights", "source position:token", "output step:token");
        }
    }

    /** Random digit strings and their reversals: the classic task where attention learns the anti-diagonal. */
    public static Examples reversalTask(int count, int length, int vocabulary, long seed) {
        Random rng = new Random(seed);
        int[][] source = new int[count][length];
        int[][] target = new int[count][length];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < length; j++) {
                source[i][j] = rng.nextInt(vocabulary);
            }
            for (int j = 0; j < length; j++) {
                target[i][j] = source[i][length - 1 - j];
            }
        }
        return new Examples(source, target);
    }

    private final AttentionSeq2Seq net;
    private final NDManager manager;
    private final int sourceVocab;
    private final int targetVocab;

    public AttentionModel(int sourceVocab, int targetVocab, int hidden) {
        this(new AttentionSeq2Seq(sourceVocab, targetVocab, hidden, true), sourceVocab, targetVocab);
    }

    /**
     * The same encoder–decoder without attention: every decoder step sees only the encoder's last state, one
     * vector of {@code hidden} numbers for the whole source. The baseline that shows the bottleneck.
     */
    public static AttentionModel withoutAttention(int sourceVocab, int targetVocab, int hidden) {
        return new AttentionModel(new AttentionSeq2Seq(sourceVocab, targetVocab, hidden, false), sourceVocab, targetVocab);
    }

    private AttentionModel(AttentionSeq2Seq net, int sourceVocab, int targetVocab) {
        this.sourceVocab = sourceVocab;
        this.targetVocab = targetVocab;
        this.net = net;
        this.manager = Models.newManager();
    }

    /** @deprecated the options are {@link workbook.model.Fit} now. */
    @Deprecated
    public History fit(Examples train, workbook.djl.Fit fit) {
        return fit(train, fit.toFit());
    }

    /** Trains with teacher forcing (the decoder reads the true previous token), mean cross-entropy per token. */
    public History fit(Examples train, Fit fit) {
        check(train);
        initialize(fit.seed());
        Models.seed(fit.seed());
        List<Parameter> parameters = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            parameters.add(p.getValue());
        }
        ParameterStore ps = new ParameterStore(manager, false);
        return new FitLoop(manager, parameters, fit).run(train.size(), (m, idx, training) -> {
            int n = idx.length;
            int steps = train.target()[0].length;
            long[] decoderIn = new long[n * steps];
            long[] labels = new long[n * steps];
            for (int i = 0; i < n; i++) {
                int[] tgt = train.target()[idx[i]];
                for (int t = 0; t < steps; t++) {
                    decoderIn[i * steps + t] = t == 0 ? net.startToken() : tgt[t - 1];
                    labels[i * steps + t] = tgt[t];
                }
            }
            NDArray src = oneHot(m, train.source(), idx, sourceVocab);
            NDArray dec = m.create(decoderIn, new Shape(n, steps)).oneHot(targetVocab + 1).toType(DataType.FLOAT32, false);
            NDArray logits = net.forward(ps, new NDList(src, dec), training).get(0);
            return Losses.crossEntropy(logits, m.create(labels, new Shape(n, steps)), null);
        }, 0, null, new History());
    }

    /** Greedy decoding of {@code steps} tokens, with the attention weights of each step. */
    public Translation translate(int[] source, int steps) {
        check(new Examples(new int[][] {source}, new int[][] {new int[steps]}));
        if (!net.isInitialized()) {
            throw new IllegalStateException("the model has no weights yet: fit it first");
        }
        try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
            scope.suppressNotUsedWarning();
            NDArray src = oneHot(m, new int[][] {source}, new int[] {0}, sourceVocab);
            NDList out = net.decode(new ParameterStore(manager, false), src, null, steps, false);
            long[] tokens = out.get(0).argMax(2).toLongArray();
            float[] a = out.get(1).toFloatArray();
            int[] result = new int[steps];
            double[][] attention = new double[steps][source.length];
            for (int t = 0; t < steps; t++) {
                result[t] = (int) tokens[t];
                for (int j = 0; j < source.length; j++) {
                    attention[t][j] = a[t * source.length + j];
                }
            }
            return new Translation(source.clone(), result, attention);
        }
    }

    /** Share of examples whose whole decoded sequence is right (greedy decoding, as {@link #translate}). */
    public double sequenceAccuracy(Examples examples) {
        int[][] decoded = decode(examples);
        int right = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (java.util.Arrays.equals(examples.target()[i], decoded[i])) {
                right++;
            }
        }
        return (double) right / examples.size();
    }

    /**
     * Greedy decoding of every source, in batches: {@code [example][step]}, as many steps as the targets have.
     * The same tokens as {@link #translate} one by one, in a fraction of the time.
     */
    public int[][] decode(Examples examples) {
        check(examples);
        if (!net.isInitialized()) {
            throw new IllegalStateException("the model has no weights yet: fit it first");
        }
        int steps = examples.target()[0].length;
        int[][] decoded = new int[examples.size()][];
        int batch = 256;
        for (int from = 0; from < examples.size(); from += batch) {
            int[] idx = java.util.stream.IntStream.range(from, Math.min(from + batch, examples.size())).toArray();
            try (NDScope scope = new NDScope(); NDManager m = manager.newSubManager()) {
                scope.suppressNotUsedWarning();
                NDArray src = oneHot(m, examples.source(), idx, sourceVocab);
                long[] tokens = net.decode(new ParameterStore(manager, false), src, null, steps, false)
                        .get(0).argMax(2).toLongArray();
                for (int i = 0; i < idx.length; i++) {
                    decoded[idx[i]] = new int[steps];
                    for (int t = 0; t < steps; t++) {
                        decoded[idx[i]][t] = (int) tokens[i * steps + t];
                    }
                }
            }
        }
        return decoded;
    }

    private void initialize(long seed) {
        if (!net.isInitialized()) {
            Models.seed(seed);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, sourceVocab), new Shape(1, 1, targetVocab + 1));
        }
    }

    private void check(Examples examples) {
        for (int i = 0; i < examples.size(); i++) {
            for (int v : examples.source()[i]) {
                if (v < 0 || v >= sourceVocab) {
                    throw new IllegalArgumentException("source token " + v + " in example " + i
                            + " is outside the source vocabulary 0.." + (sourceVocab - 1));
                }
            }
            for (int v : examples.target()[i]) {
                if (v < 0 || v >= targetVocab) {
                    throw new IllegalArgumentException("target token " + v + " in example " + i
                            + " is outside the target vocabulary 0.." + (targetVocab - 1));
                }
            }
        }
    }

    private static NDArray oneHot(NDManager m, int[][] tokens, int[] idx, int vocabulary) {
        int length = tokens[idx[0]].length;
        long[] flat = new long[idx.length * length];
        for (int i = 0; i < idx.length; i++) {
            for (int t = 0; t < length; t++) {
                flat[i * length + t] = tokens[idx[i]][t];
            }
        }
        return m.create(flat, new Shape(idx.length, length)).oneHot(vocabulary).toType(DataType.FLOAT32, false);
    }

    public AttentionSeq2Seq block() {
        return net;
    }

    @Override
    public void close() {
        manager.close();
    }
}
