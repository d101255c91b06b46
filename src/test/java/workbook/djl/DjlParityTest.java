package workbook.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RNN;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import workbook.model.CellKind;
import workbook.scratch.GradientCheckTest;
import workbook.scratch.Parameter;
import workbook.scratch.Recurrent;
import workbook.scratch.SequenceGradients;
import workbook.scratch.SequenceOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The from-scratch networks of {@code workbook.scratch} against DJL's own recurrent blocks
 * ({@code ai.djl.nn.recurrent}) on the PyTorch engine (float32), with weights copied through
 * {@link ParameterNames#toDjlNames}: outputs, final states and every gradient (parameters, input, initial states)
 * under the loss L = Σ R ⊙ outputs + Σ R_h ⊙ h_n (+ Σ R_c ⊙ c_n). Bidirectional cases run without biases: DJL 0.36
 * passes a bidirectional layer's biased parameters to libtorch in the wrong order (see notes/stack-facts.md).
 */
class DjlParityTest {

    static final double TOLERANCE = 1e-5;
    static final int IN = 3;
    static final int HIDDEN = 4;
    static final int BATCH = 2;
    static final int TIME = 5;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (CellKind kind : new CellKind[] {CellKind.RNN_TANH, CellKind.LSTM, CellKind.GRU}) {
            for (int layers = 1; layers <= 2; layers++) {
                for (boolean bidirectional : new boolean[] {false, true}) {
                    cases.add(Arguments.of(kind, layers, bidirectional));
                }
            }
        }
        return cases.stream();
    }

    static Block djlBlock(CellKind kind, int layers, boolean bidirectional) {
        return switch (kind) {
            case LSTM -> LSTM.builder().setStateSize(HIDDEN).setNumLayers(layers).optBidirectional(bidirectional)
                    .optHasBiases(!bidirectional).optBatchFirst(true).optReturnState(true).build();
            case GRU -> GRU.builder().setStateSize(HIDDEN).setNumLayers(layers).optBidirectional(bidirectional)
                    .optHasBiases(!bidirectional).optBatchFirst(true).optReturnState(true).build();
            default -> RNN.builder().setStateSize(HIDDEN).setNumLayers(layers).setActivation(RNN.Activation.TANH)
                    .optBidirectional(bidirectional).optHasBiases(!bidirectional).optBatchFirst(true).optReturnState(true).build();
        };
    }

    /** The scratch tests' uniform(-1, 1) arrays: the same inputs on both sides of the parity. */
    static double[][][] random(int a, int b, int c, SplittableRandom random) {
        return GradientCheckTest.random(a, b, c, random);
    }

    static float[] flat(double[][][] x) {
        List<Float> values = new ArrayList<>();
        for (double[][] a : x) {
            for (double[] b : a) {
                for (double v : b) {
                    values.add((float) v);
                }
            }
        }
        float[] out = new float[values.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = values.get(k);
        }
        return out;
    }

    static float[] flat(Object weight) {
        if (weight instanceof double[] v) {
            float[] out = new float[v.length];
            for (int k = 0; k < v.length; k++) {
                out[k] = (float) v[k];
            }
            return out;
        }
        double[][] m = (double[][]) weight;
        float[] out = new float[m.length * m[0].length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[r].length; c++) {
                out[r * m[r].length + c] = (float) m[r][c];
            }
        }
        return out;
    }

    static double maxDifference(float[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " size");
        double max = 0;
        for (int k = 0; k < expected.length; k++) {
            max = Math.max(max, Math.abs(expected[k] - actual[k]));
        }
        return max;
    }

    static double[] flatDouble(double[][][] x) {
        double[] d = new double[flat(x).length];
        int k = 0;
        for (double[][] a : x) {
            for (double[] b : a) {
                for (double v : b) {
                    d[k++] = v;
                }
            }
        }
        return d;
    }

    @ParameterizedTest(name = "{0}, {1} layers, bidirectional {2}")
    @MethodSource("cases")
    void sameAsDjlPyTorchEngine(CellKind kind, int layers, boolean bidirectional) {
        Recurrent.Builder builder = switch (kind) {
            case LSTM -> Recurrent.lstm(IN, HIDDEN);
            case GRU -> Recurrent.gru(IN, HIDDEN);
            default -> Recurrent.rnn(IN, HIDDEN);
        };
        Recurrent net = builder.layers(layers).bidirectional(bidirectional).biases(!bidirectional).seed(5).build();
        SplittableRandom random = new SplittableRandom(17);
        int states = layers * net.directions();
        double[][][] x = random(BATCH, TIME, IN, random);
        double[][][] h0 = random(states, BATCH, HIDDEN, random);
        double[][][] c0 = net.hasCellState() ? random(states, BATCH, HIDDEN, random) : null;
        double[][][] r = random(BATCH, TIME, net.outputSize(), random);
        double[][][] rh = random(states, BATCH, HIDDEN, random);
        double[][][] rc = net.hasCellState() ? random(states, BATCH, HIDDEN, random) : null;

        // the network rounded to float32 first, so both sides start from the same numbers
        for (Parameter p : net.parameters()) {
            for (int k = 0; k < p.size(); k++) {
                p.value()[k] = (float) p.value()[k];
            }
        }
        Map<String, Object> dict = net.stateDict();
        SequenceOutput out = net.forward(x, h0, c0);
        net.zeroGradients();
        SequenceGradients g = net.backward(r, rh, rc);

        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            Block block = djlBlock(kind, layers, bidirectional);
            block.initialize(manager, DataType.FLOAT32, new Shape(BATCH, TIME, IN));
            Map<String, Object> djlWeights = ParameterNames.toDjlNames(dict);
            int copied = 0;
            for (Pair<String, ai.djl.nn.Parameter> pair : block.getParameters()) {
                String djlName = pair.getKey();
                Object w = djlWeights.get(djlName);
                assertTrue(w != null, "no scratch weight for DJL parameter " + djlName + "; have " + djlWeights.keySet());
                Models.overwrite(pair.getValue().getArray(), flat(w));   // NDArray.set would make libtorch log a deprecation
                copied++;
            }
            assertEquals(djlWeights.size(), copied, "every weight copied");

            NDArray xd = manager.create(flat(x), new Shape(BATCH, TIME, IN));
            NDArray hd = manager.create(flat(h0), new Shape(states, BATCH, HIDDEN));
            NDArray cd = c0 == null ? null : manager.create(flat(c0), new Shape(states, BATCH, HIDDEN));
            xd.setRequiresGradient(true);
            hd.setRequiresGradient(true);
            if (cd != null) {
                cd.setRequiresGradient(true);
            }
            NDList outputs;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDList inputs = cd == null ? new NDList(xd, hd) : new NDList(xd, hd, cd);
                outputs = block.forward(new ParameterStore(manager, false), inputs, true);
                NDArray loss = outputs.get(0).mul(manager.create(flat(r), outputs.get(0).getShape())).sum()
                        .add(outputs.get(1).mul(manager.create(flat(rh), outputs.get(1).getShape())).sum());
                if (cd != null) {
                    loss = loss.add(outputs.get(2).mul(manager.create(flat(rc), outputs.get(2).getShape())).sum());
                }
                collector.backward(loss);
            }
            String name = kind + " " + layers + " layers" + (bidirectional ? " bidirectional" : "");
            List<String> report = new ArrayList<>();
            check(report, name + " outputs", outputs.get(0).toFloatArray(), flatDouble(out.outputs()));
            check(report, name + " h_n", outputs.get(1).toFloatArray(), flatDouble(out.finalHidden()));
            if (cd != null) {
                check(report, name + " c_n", outputs.get(2).toFloatArray(), flatDouble(out.finalCell()));
            }
            for (Pair<String, ai.djl.nn.Parameter> pair : block.getParameters()) {
                Parameter mine = net.parameters().stream()
                        .filter(p -> p.name().equals(ParameterNames.toPyTorchName(pair.getKey()))).findFirst().orElseThrow();
                check(report, name + " gradient of " + pair.getKey(), pair.getValue().getArray().getGradient().toFloatArray(), mine.gradient());
            }
            check(report, name + " gradient of x", xd.getGradient().toFloatArray(), flatDouble(g.input()));
            check(report, name + " gradient of h0", hd.getGradient().toFloatArray(), flatDouble(g.initialHidden()));
            if (cd != null) {
                check(report, name + " gradient of c0", cd.getGradient().toFloatArray(), flatDouble(g.initialCell()));
            }
            assertTrue(report.isEmpty(), String.join("\n", report));
        }
    }

    static void check(List<String> report, String what, float[] djl, double[] scratch) {
        double d = maxDifference(djl, scratch, what);
        if (!(d <= TOLERANCE)) {
            report.add(what + " differs by " + d);
        }
    }
}
