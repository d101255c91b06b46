package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import workbook.scratch.Model;
import workbook.scratch.Recurrent;


/**
 * Weights both ways between a DJL recurrent layer and the from-scratch {@link Recurrent} of
 * {@code workbook.scratch}: same cell, sizes, layers and directions, PyTorch's gate order on both sides; only
 * the names differ ({@code weight_ih_l0} ↔ {@code l_0_i2h_WEIGHT}, see {@link ParameterNames}).
 *
 * <pre>{@code
 * Recurrent scratch = ScratchWeights.toScratch(model);     // a plain-Java copy of a trained DJL model's layer
 * ScratchWeights.copy(scratch, model);                    // and back
 * }</pre>
 * DJL computes in float32, the scratch code in float64: copies to DJL round to float.
 */
public final class ScratchWeights {

    private ScratchWeights() {
    }

    /** A from-scratch network with the DJL model's recurrent architecture and weights (the dense head stays in DJL). */
    public static Recurrent toScratch(RecurrentModel model) {
        RecurrentBlock block = model.block().recurrent();
        requireInitialized(block);
        Recurrent scratch = Recurrent.of(block.kind(), block.inputFeatures(), block.hidden()).layers(block.layers())
                .bidirectional(block.bidirectional()).build();
        copy(block, scratch);
        return scratch;
    }

    /** Scratch → DJL model (its recurrent layer); the model gets weights for the scratch input size if it had none. */
    public static void copy(Recurrent from, RecurrentModel to) {
        to.initialize(from.inputSize());
        copy(from, to.block().recurrent());
    }

    /** DJL model (its recurrent layer) → scratch. */
    public static void copy(RecurrentModel from, Recurrent to) {
        copy(from.block().recurrent(), to);
    }

    /**
     * A whole scratch {@link Model} → a DJL model: the recurrent layers and the dense head ({@code head.weight},
     * {@code head.bias}), so both start from the same weights (rounded to float32).
     */
    public static void copy(Model from, RecurrentModel to) {
        copy(from.recurrent(), to);
        for (workbook.scratch.Parameter p : from.head().parameters()) {
            String name = "head." + p.name();
            requireSameSize(p, name, to);
            double[] v = p.value();
            float[] values = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                values[i] = (float) v[i];
            }
            to.setWeight(name, values);
        }
    }

    /** A whole DJL model → a scratch {@link Model}: the recurrent layers and the dense head. */
    public static void copy(RecurrentModel from, Model to) {
        copy(from, to.recurrent());
        for (workbook.scratch.Parameter p : to.head().parameters()) {
            String name = "head." + p.name();
            requireSameSize(p, name, from);
            float[] values = from.weight(name);
            double[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                v[i] = values[i];
            }
        }
    }

    private static void requireSameSize(workbook.scratch.Parameter p, String name, RecurrentModel model) {
        long[] shape = model.weightShape(name);
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        if (size != p.size()) {
            throw new IllegalArgumentException("the heads differ: the scratch model's " + p.name() + " is " + p.shape()
                    + ", the DJL model's " + name + " is " + java.util.Arrays.toString(shape)
                    + " (give both the same number of outputs)");
        }
    }

    /** Scratch → DJL block. */
    public static void copy(Recurrent from, RecurrentBlock to) {
        requireSameArchitecture(from, to);
        for (workbook.scratch.Parameter p : from.parameters()) {
            NDArray target = djlParameter(to, p.name()).getArray();
            double[] v = p.value();
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            Models.overwrite(target, f);
        }
    }

    /** DJL block → scratch. */
    public static void copy(RecurrentBlock from, Recurrent to) {
        requireSameArchitecture(to, from);
        for (workbook.scratch.Parameter p : to.parameters()) {
            float[] f = djlParameter(from, p.name()).getArray().toFloatArray();
            double[] v = p.value();
            for (int i = 0; i < v.length; i++) {
                v[i] = f[i];
            }
        }
    }

    /**
     * Scratch → any DJL block whose parameters carry DJL's recurrent names ({@code l_0_i2h_WEIGHT}, ...), such as
     * DJL's own {@code ai.djl.nn.recurrent.LSTM}; the block must be initialized. Only names and sizes are checked:
     * the order in which such a block hands its parameters to the engine is its own (see {@link RecurrentBlock}).
     */
    public static void copy(Recurrent from, ai.djl.nn.Block to) {
        if (to instanceof RecurrentBlock block) {
            copy(from, block);
            return;
        }
        for (workbook.scratch.Parameter p : from.parameters()) {
            String name = ParameterNames.toDjlName(p.name());
            Parameter target = to.getParameters().get(name);
            if (target == null || !target.isInitialized()) {
                throw new IllegalArgumentException("the DJL block has no " + (target == null ? "" : "initialized ")
                        + "parameter " + name + " (for " + p.name() + "); initialize it with the input shape first");
            }
            double[] v = p.value();
            if (target.getArray().size() != v.length) {
                throw new IllegalArgumentException("parameter " + name + " has " + target.getArray().size()
                        + " values in DJL, " + v.length + " in the scratch network");
            }
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            Models.overwrite(target.getArray(), f);
        }
    }

    private static Parameter djlParameter(RecurrentBlock block, String torchName) {
        String name = ParameterNames.toDjlName(torchName);
        Parameter p = block.getParameters().get(name);
        if (p == null) {
            throw new IllegalArgumentException("the DJL layer has no parameter " + name + " (for " + torchName + ")");
        }
        return p;
    }

    private static void requireInitialized(RecurrentBlock block) {
        if (block.inputFeatures() < 0) {
            throw new IllegalStateException("the DJL model has no weights yet: fit it, or build it with inputFeatures(n)");
        }
    }

    private static void requireSameArchitecture(Recurrent scratch, RecurrentBlock djl) {
        requireInitialized(djl);
        String s = scratch.cellKind() + " input " + scratch.inputSize() + ", hidden " + scratch.hiddenSize() + ", layers "
                + scratch.layerCount() + ", directions " + scratch.directions();
        String d = djl.kind() + " input " + djl.inputFeatures() + ", hidden " + djl.hidden() + ", layers "
                + djl.layers() + ", directions " + djl.directions();
        if (!s.equals(d)) {
            throw new IllegalArgumentException("the networks differ: scratch is " + s + ", DJL is " + d);
        }
    }
}
