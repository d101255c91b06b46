package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import workbook.scratch.Recurrent;
import workbook.scratch.SequenceGradients;
import workbook.scratch.SequenceOutput;
import workbook.model.CellKind;
import workbook.model.Fit;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DJL's RecurrentBlock against the from-scratch networks of workbook.scratch (float64, checked against PyTorch
 * there): forward outputs, final states, and the gradients of the weights and the input, for every cell kind,
 * 1 and 2 layers, one and two directions. Weights go scratch → DJL; a trained DJL model goes back to scratch.
 */
class ScratchParityTest {

    static final int BATCH = 3;
    static final int TIME = 6;
    static final int INPUT = 3;
    static final int HIDDEN = 5;

    static Recurrent.Builder scratchBuilder(CellKind kind) {
        switch (kind) {
            case LSTM: return Recurrent.lstm(INPUT, HIDDEN);
            case GRU: return Recurrent.gru(INPUT, HIDDEN);
            case RNN_RELU: return Recurrent.rnnRelu(INPUT, HIDDEN);
            default: return Recurrent.rnn(INPUT, HIDDEN);
        }
    }

    static double[][][] random(Random rng, int a, int b, int c) {
        double[][][] x = new double[a][b][c];
        for (double[][] m : x) {
            for (double[] r : m) {
                for (int i = 0; i < c; i++) {
                    r[i] = rng.nextGaussian();
                }
            }
        }
        return x;
    }

    static float[] flat(double[][][] x) {
        int k = 0;
        float[] f = new float[x.length * x[0].length * x[0][0].length];
        for (double[][] m : x) {
            for (double[] r : m) {
                for (double v : r) {
                    f[k++] = (float) v;
                }
            }
        }
        return f;
    }

    static double maxDiff(double[][][] expected, float[] actual) {
        int k = 0;
        double max = 0;
        for (double[][] m : expected) {
            for (double[] r : m) {
                for (double v : r) {
                    max = Math.max(max, Math.abs(v - actual[k++]));
                }
            }
        }
        assertEquals(actual.length, k);
        return max;
    }

    @Test
    void forwardAndGradientsEqualTheFromScratchNetworks() {
        Random rng = new Random(17);
        double worstForward = 0;
        double worstGradient = 0;
        int cases = 0;
        for (CellKind kind : CellKind.values()) {
            for (int layers = 1; layers <= 2; layers++) {
                for (boolean bidirectional : new boolean[] {false, true}) {
                    String label = kind + " layers " + layers + (bidirectional ? " bidirectional" : "");
                    Recurrent scratch = scratchBuilder(kind).layers(layers).bidirectional(bidirectional).seed(5).build();
                    double[][][] x = random(rng, BATCH, TIME, INPUT);
                    SequenceOutput expected = scratch.forward(x);
                    double[][][] dOut = random(rng, BATCH, TIME, HIDDEN * (bidirectional ? 2 : 1));
                    scratch.zeroGradients();
                    SequenceGradients dx = scratch.backward(dOut);
                    try (NDManager m = Models.newManager()) {
                        RecurrentBlock block = new RecurrentBlock(kind, HIDDEN, layers, bidirectional, 0);
                        block.initialize(m, DataType.FLOAT32, new Shape(BATCH, TIME, INPUT));
                        ScratchWeights.copy(scratch, block);
                        block.getParameters().forEach(p -> p.getValue().getArray().setRequiresGradient(true));
                        NDArray input = m.create(flat(x), new Shape(BATCH, TIME, INPUT));
                        input.setRequiresGradient(true);
                        RecurrentOutput out;
                        try (GradientCollector gc = Models.engine().newGradientCollector()) {
                            out = RecurrentOutput.of(block.forward(new ParameterStore(m, false), new NDList(input), true));
                            NDArray upstream = m.create(flat(dOut), out.sequence().getShape());
                            gc.backward(out.sequence().mul(upstream).sum()); // dL/dOutputs = dOut, as given to scratch
                        }
                        double f = Math.max(maxDiff(expected.outputs(), out.sequence().toFloatArray()),
                                maxDiff(expected.finalHidden(), out.h().toFloatArray()));
                        if (kind == CellKind.LSTM) {
                            f = Math.max(f, maxDiff(expected.finalCell(), out.c().toFloatArray()));
                        }
                        assertTrue(f < 1e-5, label + ": forward differs by " + f);
                        double g = maxDiff(dx.input(), input.getGradient().toFloatArray());
                        for (workbook.scratch.Parameter p : scratch.parameters()) {
                            float[] djl = block.getParameters().get(ParameterNames.toDjlName(p.name())).getArray()
                                    .getGradient().toFloatArray();
                            for (int i = 0; i < djl.length; i++) {
                                g = Math.max(g, Math.abs(p.gradient()[i] - djl[i]));
                            }
                        }
                        assertTrue(g < 1e-4, label + ": gradients differ by " + g);
                        worstForward = Math.max(worstForward, f);
                        worstGradient = Math.max(worstGradient, g);
                        cases++;
                    }
                }
            }
        }
        assertEquals(16, cases);
        System.out.printf("DJL vs scratch, 16 configurations: forward max |diff| %.2e, gradients %.2e%n",
                worstForward, worstGradient);
    }

    @Test
    void trainedDjlWeightsGoToScratchAndBack() {
        double[] s = TrainingTest.noisySine(300, 8);
        double[][][] x = TrainingTest.windows(s, 0, 300, 12);
        try (RecurrentModel model = RecurrentModel.gru(HIDDEN).layers(2).bidirectional().outputs(1).build()) {
            model.fit(TrainData.of(x, TrainingTest.targets(s, 0, 300, 12)), Fit.epochs(2).progress(false));
            Recurrent scratch = ScratchWeights.toScratch(model);
            double[][][] sample = java.util.Arrays.copyOf(x, 4);
            SequenceOutput expected = scratch.forward(sample);
            // The DJL head reads both directions' final states of the top layer: compare those.
            try (NDManager m = Models.newManager()) {
                RecurrentOutput out = RecurrentOutput.of(model.block().recurrent().forward(
                        new ParameterStore(model.manager(), false), new NDList(m.create(flat(sample), new Shape(4, 12, 1))), false));
                assertTrue(maxDiff(expected.outputs(), out.sequence().toFloatArray()) < 1e-5);
                assertTrue(maxDiff(expected.finalHidden(), out.h().toFloatArray()) < 1e-5);
            }
            // And back into a fresh DJL model: same recurrent weights.
            try (RecurrentModel copy = RecurrentModel.gru(HIDDEN).layers(2).bidirectional().outputs(1).seed(99).build()) {
                ScratchWeights.copy(scratch, copy);
                for (String name : model.parameters().keySet()) {
                    if (!name.startsWith("head.")) {
                        assertEquals(java.util.Arrays.toString(model.weight(name)), java.util.Arrays.toString(copy.weight(name)), name);
                    }
                }
            }
            Recurrent wrong = Recurrent.lstm(1, HIDDEN).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScratchWeights.copy(wrong, model));
            assertTrue(e.getMessage().contains("scratch is LSTM") && e.getMessage().contains("DJL is GRU"), e.getMessage());
        }
    }
}
