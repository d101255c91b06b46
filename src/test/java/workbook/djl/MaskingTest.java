package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import workbook.model.CellKind;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A padded batch with lengths gives, for every sequence, exactly what running it alone and unpadded gives. */
class MaskingTest {

    @Test
    void paddedBatchEqualsEachSequenceAlone() {
        int[] lengths = {7, 3, 5, 1};
        int time = 7;
        int features = 2;
        Random rng = new Random(3);
        float[] x = new float[lengths.length * time * features];
        for (int i = 0; i < lengths.length; i++) {
            for (int t = 0; t < time; t++) {
                for (int f = 0; f < features; f++) {
                    // Padding holds large garbage: if it leaked into any valid step the comparison would fail.
                    x[(i * time + t) * features + f] = t < lengths[i] ? (float) rng.nextGaussian() : 50f;
                }
            }
        }
        double worst = 0;
        for (CellKind kind : CellKind.values()) {
            for (boolean bidirectional : new boolean[] {false, true}) {
                try (NDManager m = Models.newManager()) {
                    Models.seed(11);
                    RecurrentBlock block = new RecurrentBlock(kind, 4, 2, bidirectional, 0);
                    block.initialize(m, DataType.FLOAT32, new Shape(1, time, features));
                    ParameterStore ps = new ParameterStore(m, false);
                    NDArray batch = m.create(x, new Shape(lengths.length, time, features));
                    NDArray len = m.create(new long[] {7, 3, 5, 1});
                    RecurrentOutput padded = RecurrentOutput.of(block.forward(ps, new NDList(batch, len), false));
                    for (int i = 0; i < lengths.length; i++) {
                        NDArray alone = batch.get(new NDIndex("{}:{}, 0:{}", i, i + 1, lengths[i]));
                        RecurrentOutput single = RecurrentOutput.of(block.forward(ps, new NDList(alone), false));
                        NDArray validSteps = padded.sequence().get(new NDIndex("{}:{}, 0:{}", i, i + 1, lengths[i]));
                        worst = Math.max(worst, validSteps.sub(single.sequence()).abs().max().getFloat());
                        NDArray hPadded = padded.h().get(new NDIndex(":, {}:{}", i, i + 1));
                        worst = Math.max(worst, hPadded.sub(single.h()).abs().max().getFloat());
                        NDArray padding = padded.sequence().get(new NDIndex("{}, {}:", i, lengths[i]));
                        if (padding.size() > 0) {
                            assertEquals(0f, padding.abs().max().getFloat(), "outputs at padded steps are zero");
                        }
                    }
                    assertTrue(worst < 1e-5, kind + (bidirectional ? " bidirectional" : "") + ": " + worst);
                }
            }
        }
        System.out.printf("masking: padded batch vs unpadded sequences, max |diff| %.2e%n", worst);
    }

    @Test
    void sequenceClassifierUsesLastValidStep() {
        // Same sequences, padded to different lengths with different garbage: identical predictions.
        double[][][] shortPad = {{{1}, {2}, {0}}, {{-1}, {0}, {0}}};
        double[][][] longPad = {{{1}, {2}, {9}, {9}, {9}}, {{-1}, {7}, {7}, {7}, {7}}};
        int[] lengths = {2, 1};
        try (RecurrentModel model = RecurrentModel.gru(5).bidirectional().classes(3).inputFeatures(1).build()) {
            double[][] a = model.predict(shortPad, lengths);
            double[][] b = model.predict(longPad, lengths);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(a[i][j], b[i][j], 1e-6);
                }
            }
        }
    }
}
