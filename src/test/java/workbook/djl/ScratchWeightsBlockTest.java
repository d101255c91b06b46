package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import workbook.scratch.Recurrent;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scratch weights copied into DJL's own (one-direction) LSTM block give the scratch network's outputs. */
class ScratchWeightsBlockTest {

    @Test
    void copiesIntoDjlsBuiltInLstm() {
        int input = 3;
        int hidden = 20;
        Recurrent scratch = Recurrent.lstm(input, hidden).seed(4).build();
        Random random = new Random(8);
        double[][][] x = new double[2][5][input];
        for (double[][] s : x) {
            for (double[] step : s) {
                for (int k = 0; k < input; k++) {
                    step[k] = random.nextGaussian();
                }
            }
        }
        double[] expected = Arrays.stream(scratch.forward(x).outputs()).flatMap(Arrays::stream)
                .flatMapToDouble(Arrays::stream).toArray();
        try (NDManager manager = Models.newManager()) {
            NDArray in = manager.create(Arrays.stream(x).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray(),
                    new Shape(2, 5, input)).toType(DataType.FLOAT32, false);
            LSTM block = LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).build();
            IllegalArgumentException notReady = assertThrows(IllegalArgumentException.class,
                    () -> ScratchWeights.copy(scratch, block));
            assertTrue(notReady.getMessage().contains("initialize it with the input shape first"), notReady.getMessage());
            block.initialize(manager, DataType.FLOAT32, in.getShape());
            ScratchWeights.copy(scratch, block);
            float[] got = block.forward(new ParameterStore(manager, false), new NDList(in), true).get(0).toFloatArray();
            assertEquals(expected.length, got.length);
            double worst = 0;
            for (int k = 0; k < got.length; k++) {
                worst = Math.max(worst, Math.abs(got[k] - expected[k]));
            }
            assertTrue(worst < 1e-5, "max difference " + worst);
        }
    }
}
