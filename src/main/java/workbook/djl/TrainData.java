package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * Sequences and their targets as plain Java arrays, checked once so that a wrong shape fails here with a
 * message instead of deep inside native code.
 *
 * <p>Inputs are {@code x[sample][step][feature]}. Targets are one of: real vectors {@code y[sample][output]}
 * (regression, one value per sequence), class labels {@code labels[sample]} (sequence classification), or
 * per-step labels {@code stepLabels[sample][step]} (e.g. next-character prediction). Optional lengths make
 * the sequences variable-length: steps at and after {@code lengths[i]} are padding and never influence the
 * result.
 */
public final class TrainData {

    final int samples;
    final int steps;
    final int features;
    /** Row-major (sample, step, feature); null when the inputs are {@link #ids}. */
    final float[] x;
    /** Row-major (sample, step) ids of one-hot inputs {@code features} wide, expanded one batch at a time; or null. */
    final int[] ids;
    final int[] lengths;
    final float[] y;
    final int yWidth;
    final long[] labels;
    final Target target;
    /** True when x holds token ids (one per step) for a model with an embedding. */
    boolean tokens;

    enum Target { VALUES, CLASSES, STEP_CLASSES }

    private TrainData(double[][][] inputs, int[] lengths, float[] y, int yWidth, long[] labels, Target target) {
        checkInputs(inputs);
        this.samples = inputs.length;
        this.steps = inputs[0].length;
        this.features = inputs[0][0].length;
        this.x = new float[samples * steps * features];
        this.ids = null;
        int k = 0;
        for (double[][] seq : inputs) {
            for (double[] step : seq) {
                for (double v : step) {
                    x[k++] = (float) v;
                }
            }
        }
        if (lengths != null) {
            if (lengths.length != samples) {
                throw new IllegalArgumentException("lengths has " + lengths.length + " entries, expected one per sample ("
                        + samples + ")");
            }
            for (int i = 0; i < samples; i++) {
                if (lengths[i] < 1 || lengths[i] > steps) {
                    throw new IllegalArgumentException("lengths[" + i + "] = " + lengths[i]
                            + " must be between 1 and the padded length " + steps);
                }
            }
        }
        this.lengths = lengths == null ? null : lengths.clone();
        this.y = y;
        this.yWidth = yWidth;
        this.labels = labels;
        this.target = target;
    }

    private TrainData(int[][] ids, int vocabularySize, long[] labels) {
        this.samples = ids.length;
        this.steps = ids[0].length;
        this.features = vocabularySize;
        this.x = null;
        this.ids = new int[samples * steps];
        for (int i = 0; i < samples; i++) {
            for (int t = 0; t < steps; t++) {
                this.ids[i * steps + t] = ids[i][t];
            }
        }
        this.lengths = null;
        this.y = null;
        this.yWidth = 0;
        this.labels = labels;
        this.target = Target.STEP_CLASSES;
    }

    /** Sequences with real-valued targets, one row per sequence (e.g. the next value of a series). */
    public static TrainData of(double[][][] x, double[][] y) {
        return of(x, y, null);
    }

    /** Sequences with real-valued targets; {@code lengths} marks how many steps of each sequence are real. */
    public static TrainData of(double[][][] x, double[][] y, int[] lengths) {
        checkCount("y", y == null ? -1 : y.length, x);
        int width = y[0] == null ? 0 : y[0].length;
        float[] flat = new float[y.length * Math.max(width, 0)];
        for (int i = 0; i < y.length; i++) {
            if (y[i] == null || y[i].length != width || width == 0) {
                throw new IllegalArgumentException("y must be [samples][outputs] with the same non-zero width in every row;"
                        + " row 0 has " + width + ", row " + i + " has " + (y[i] == null ? "null" : y[i].length));
            }
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(y[i][j])) {
                    throw new IllegalArgumentException("y[" + i + "][" + j + "] is " + y[i][j] + "; targets must be finite");
                }
                flat[i * width + j] = (float) y[i][j];
            }
        }
        return new TrainData(x, lengths, flat, width, null, Target.VALUES);
    }

    /**
     * The windows of {@code workbook.data}: inputs {@code [window][time][feature]}, targets the labels flattened
     * per window ({@code labelWidth × label columns} values, for an {@code outputs(n)} head of that size).
     */
    public static TrainData of(workbook.data.Windows windows) {
        if (windows == null || windows.size() == 0) {
            throw new IllegalArgumentException("no windows (" + (windows == null ? "null" : "0 windows")
                    + "): the split part is empty or the series is shorter than one window");
        }
        double[][][] labels = windows.labels();
        double[][] y = new double[labels.length][];
        for (int w = 0; w < labels.length; w++) {
            y[w] = java.util.Arrays.stream(labels[w]).flatMapToDouble(java.util.Arrays::stream).toArray();
        }
        return of(windows.inputs(), y);
    }

    /** Sequences with a class label each (sequence classification). */
    public static TrainData ofClasses(double[][][] x, int[] labels, int[] lengths) {
        checkCount("labels", labels == null ? -1 : labels.length, x);
        long[] l = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + "; class labels start at 0");
            }
            l[i] = labels[i];
        }
        return new TrainData(x, lengths, null, 0, l, Target.CLASSES);
    }

    /**
     * Token-id sequences with a class label each, for a model built with {@code embedding(vocabularySize, dim)}:
     * {@code ids[sample][step]} padded to one length (e.g. {@code WordVocabulary.pad(...).ids()}), ids from 0.
     */
    public static TrainData ofTokenClasses(int[][] ids, int[] labels, int[] lengths) {
        TrainData data = ofClasses(tokenInputs(ids), labels, lengths);
        data.tokens = true;
        return data;
    }

    /** ids[sample][step] as x[sample][step][1], checked: rectangular, no negative id. */
    static double[][][] tokenInputs(int[][] ids) {
        if (ids == null || ids.length == 0 || ids[0] == null || ids[0].length == 0) {
            throw new IllegalArgumentException("no token ids: expected ids[samples][steps] with at least one sample and"
                    + " one step, got " + (ids == null ? "null" : ids.length == 0 ? "no samples" : "an empty first row"));
        }
        int steps = ids[0].length;
        double[][][] x = new double[ids.length][steps][1];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null || ids[i].length != steps) {
                throw new IllegalArgumentException("token ids must be rectangular [samples][steps]: ids[0] has " + steps
                        + " steps, ids[" + i + "] has " + (ids[i] == null ? "null" : ids[i].length)
                        + " (pad shorter sentences and pass their lengths)");
            }
            for (int t = 0; t < steps; t++) {
                if (ids[i][t] < 0) {
                    throw new IllegalArgumentException("ids[" + i + "][" + t + "] = " + ids[i][t] + "; token ids start at 0");
                }
                x[i][t][0] = ids[i][t];
            }
        }
        return x;
    }

    /** Sequences with a class label at every step (e.g. the next character); padded steps are ignored. */
    public static TrainData ofStepClasses(double[][][] x, int[][] stepLabels, int[] lengths) {
        checkCount("stepLabels", stepLabels == null ? -1 : stepLabels.length, x);
        int steps = x[0].length;
        long[] l = new long[stepLabels.length * steps];
        for (int i = 0; i < stepLabels.length; i++) {
            if (stepLabels[i] == null || stepLabels[i].length != steps) {
                throw new IllegalArgumentException("stepLabels[" + i + "] has "
                        + (stepLabels[i] == null ? "null" : stepLabels[i].length) + " labels, expected " + steps
                        + " (one per step)");
            }
            for (int t = 0; t < steps; t++) {
                l[i * steps + t] = stepLabels[i][t];
            }
        }
        return new TrainData(x, lengths, null, 0, l, Target.STEP_CLASSES);
    }

    /**
     * Sequences of ids 0..vocabularySize-1 read as one-hot vectors, with a class label at every step (e.g. a
     * character language model). Holds one int per step: the one-hot rows ({@code vocabularySize} floats per
     * step) exist only for the batch being trained, which keeps a long text small in memory.
     */
    public static TrainData ofOneHotStepClasses(int[][] ids, int vocabularySize, int[][] stepLabels) {
        if (ids == null || ids.length == 0 || ids[0] == null || ids[0].length == 0) {
            throw new IllegalArgumentException("no sequences: ids is " + (ids == null ? "null" : "empty")
                    + "; expected ids[samples][steps] with at least one sample of at least one step");
        }
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("vocabularySize must be at least 1, got " + vocabularySize);
        }
        if (stepLabels == null || stepLabels.length != ids.length) {
            throw new IllegalArgumentException("stepLabels has " + (stepLabels == null ? "null" : stepLabels.length + " rows")
                    + " but ids has " + ids.length + " sequences; expected one row of labels per sequence");
        }
        int steps = ids[0].length;
        long[] labels = new long[ids.length * steps];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null || ids[i].length != steps || stepLabels[i] == null || stepLabels[i].length != steps) {
                throw new IllegalArgumentException("sequence " + i + " has " + (ids[i] == null ? "null" : ids[i].length)
                        + " ids and " + (stepLabels[i] == null ? "null" : stepLabels[i].length) + " labels, expected "
                        + steps + " of each (the length of sequence 0)");
            }
            for (int t = 0; t < steps; t++) {
                if (ids[i][t] < 0 || ids[i][t] >= vocabularySize) {
                    throw new IllegalArgumentException("ids[" + i + "][" + t + "] = " + ids[i][t]
                            + " is outside the vocabulary 0.." + (vocabularySize - 1));
                }
                if (stepLabels[i][t] < 0) {
                    throw new IllegalArgumentException("stepLabels[" + i + "][" + t + "] = " + stepLabels[i][t]
                            + "; class labels start at 0");
                }
                labels[i * steps + t] = stepLabels[i][t];
            }
        }
        return new TrainData(ids, vocabularySize, labels);
    }

    /** The model's inputs for the sequences {@code idx}: {@code [x]} or {@code [x, lengths]}, x (batch, steps, features). */
    NDList inputs(NDManager m, int[] idx) {
        int per = steps * features;
        float[] batch = new float[idx.length * per];
        for (int i = 0; i < idx.length; i++) {
            copyInputs(idx[i], batch, i * per);
        }
        NDArray xs = m.create(batch, new Shape(idx.length, steps, features));
        if (lengths == null) {
            return new NDList(xs);
        }
        long[] batchLengths = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            batchLengths[i] = lengths[idx[i]];
        }
        return new NDList(xs, m.create(batchLengths));
    }

    /** The targets of the sequences {@code idx}: values (batch, yWidth), class ids (batch) or (batch, steps). */
    NDArray targets(NDManager m, int[] idx) {
        int n = idx.length;
        if (target == Target.VALUES) {
            float[] batch = new float[n * yWidth];
            for (int i = 0; i < n; i++) {
                System.arraycopy(y, idx[i] * yWidth, batch, i * yWidth, yWidth);
            }
            return m.create(batch, new Shape(n, yWidth));
        }
        if (target == Target.CLASSES) {
            long[] batch = new long[n];
            for (int i = 0; i < n; i++) {
                batch[i] = labels[idx[i]];
            }
            return m.create(batch);
        }
        long[] batch = new long[n * steps];
        for (int i = 0; i < n; i++) {
            System.arraycopy(labels, idx[i] * steps, batch, i * steps, steps);
        }
        return m.create(batch, new Shape(n, steps));
    }

    /** Writes sequence {@code sample}'s inputs, {@code steps × features} floats, into {@code into} from {@code offset}. */
    void copyInputs(int sample, float[] into, int offset) {
        int per = steps * features;
        if (x != null) {
            System.arraycopy(x, sample * per, into, offset, per);
            return;
        }
        java.util.Arrays.fill(into, offset, offset + per, 0f);
        for (int t = 0; t < steps; t++) {
            into[offset + t * features + ids[sample * steps + t]] = 1f;
        }
    }

    private static void checkCount(String name, int count, double[][][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("no sequences: x is " + (x == null ? "null" : "empty")
                    + "; expected x[samples][steps][features] with at least one sample");
        }
        if (count != x.length) {
            throw new IllegalArgumentException(name + " has " + (count < 0 ? "null" : count + " rows")
                    + " but x has " + x.length + " sequences; expected one target per sequence");
        }
    }

    private static void checkInputs(double[][][] x) {
        if (x[0] == null || x[0].length == 0 || x[0][0] == null || x[0][0].length == 0) {
            throw new IllegalArgumentException("x must be [samples][steps][features] with at least one step and one"
                    + " feature; x[0] is " + (x[0] == null ? "null" : Arrays.deepToString(x[0])));
        }
        int steps = x[0].length;
        int features = x[0][0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != steps) {
                throw new IllegalArgumentException("x must be rectangular [samples][steps][features]: x[0] has " + steps
                        + " steps, x[" + i + "] has " + (x[i] == null ? "null" : x[i].length)
                        + " (pad shorter sequences and pass their lengths)");
            }
            for (int t = 0; t < steps; t++) {
                double[] step = x[i][t];
                if (step == null || step.length != features) {
                    throw new IllegalArgumentException("x[" + i + "][" + t + "] has "
                            + (step == null ? "null" : step.length) + " features, expected " + features);
                }
                for (int f = 0; f < features; f++) {
                    if (!Double.isFinite(step[f])) {
                        throw new IllegalArgumentException("x[" + i + "][" + t + "][" + f + "] is " + step[f]
                                + "; inputs must be finite (fill or drop missing values first)");
                    }
                }
            }
        }
    }

    public int samples() {
        return samples;
    }

    public int steps() {
        return steps;
    }

    public int features() {
        return features;
    }

    /** A shape description for error messages, e.g. "[100][50][1]". */
    String shape() {
        return "[" + samples + "][" + steps + "][" + features + "]";
    }
}
