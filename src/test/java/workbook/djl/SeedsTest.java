package workbook.djl;

import org.junit.jupiter.api.Test;
import workbook.scratch.Model;
import workbook.scratch.Recurrent;
import workbook.model.Fit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedsTest {

    /** Next value of a sine from 8 past values. */
    static TrainData sine() {
        int samples = 64;
        double[][][] x = new double[samples][8][1];
        double[][] y = new double[samples][1];
        for (int i = 0; i < samples; i++) {
            for (int t = 0; t < 8; t++) {
                x[i][t][0] = Math.sin(0.3 * (i + t));
            }
            y[i][0] = Math.sin(0.3 * (i + 8));
        }
        return TrainData.of(x, y);
    }

    @Test
    void oneCallSeedsEveryModelBuiltWithoutASeedOnBothSides() {
        long previous = Seeds.use(7);
        try {
            assertEquals(42, previous, "the seed without the call");
            assertEquals(7, Fit.epochs(1).seed());
            // scratch: a network and a model built without a seed are those of seed 7, not 42
            Map<String, Object> implicit = Model.builder(Recurrent.gru(1, 3).build()).build().stateDict();
            Map<String, Object> seven = Model.builder(Recurrent.gru(1, 3).seed(7).build()).seed(7).build().stateDict();
            Map<String, Object> fortyTwo = Model.builder(Recurrent.gru(1, 3).seed(42).build()).seed(42).build().stateDict();
            for (String name : List.of("rnn.weight_ih_l0", "head.weight")) {
                assertTrue(Arrays.deepEquals((Object[]) seven.get(name), (Object[]) implicit.get(name)), name);
                assertFalse(Arrays.deepEquals((Object[]) fortyTwo.get(name), (Object[]) implicit.get(name)), name);
            }
            // DJL: the same
            try (RecurrentModel djlImplicit = RecurrentModel.gru(4).outputs(1).inputFeatures(1).build();
                    RecurrentModel djlSeven = RecurrentModel.gru(4).outputs(1).inputFeatures(1).seed(7).build();
                    RecurrentModel djlFortyTwo = RecurrentModel.gru(4).outputs(1).inputFeatures(1).seed(42).build()) {
                assertArrayEquals(djlSeven.weight("l_0_h2h_WEIGHT"), djlImplicit.weight("l_0_h2h_WEIGHT"));
                assertNotEquals(djlFortyTwo.weight("l_0_h2h_WEIGHT")[0], djlImplicit.weight("l_0_h2h_WEIGHT")[0]);
            }
        } finally {
            Seeds.use(previous);
        }
        assertEquals(42, Fit.epochs(1).seed());
        assertEquals(42, Recurrent.defaultSeed());
    }

    @Test
    void aLongSeedIsNotTruncatedToItsLow32Bits() {
        long high = 1L + (1L << 32);   // the same low 32 bits as 1
        try (RecurrentModel one = RecurrentModel.gru(4).outputs(1).inputFeatures(1).seed(1).build();
                RecurrentModel oneAgain = RecurrentModel.gru(4).outputs(1).inputFeatures(1).seed(1).build();
                RecurrentModel other = RecurrentModel.gru(4).outputs(1).inputFeatures(1).seed(high).build()) {
            assertArrayEquals(one.weight("l_0_i2h_WEIGHT"), oneAgain.weight("l_0_i2h_WEIGHT"), "the same seed");
            assertNotEquals(one.weight("l_0_i2h_WEIGHT")[0], other.weight("l_0_i2h_WEIGHT")[0],
                    "seeds 1 and 2^32 + 1 drew the same weights");
        }
    }

    @Test
    void oneRunPerSeedEachSeededByItsOwnSeed() {
        TrainData data = sine();
        Fit fit = Fit.epochs(3).batchSize(16).progress(false);
        List<Seeds.Run> runs = Seeds.fit(Seeds.first(2), seed -> RecurrentModel.rnn(4).outputs(1).seed(seed).build(), data, null, fit);
        List<Seeds.Run> again = Seeds.fit(new long[]{2}, seed -> RecurrentModel.rnn(4).outputs(1).seed(seed).build(), data, null, fit);
        try {
            assertArrayEquals(new long[]{1, 2}, runs.stream().mapToLong(Seeds.Run::seed).toArray());
            assertEquals(3, runs.get(0).history().epochs().size());
            assertNotEquals(runs.get(0).history().lastTrainLoss(), runs.get(1).history().lastTrainLoss(), "seeds differ");
            assertEquals(runs.get(1).history().lastTrainLoss(), again.get(0).history().lastTrainLoss(), 1e-7,
                    "the same seed trains the same network");
            String described = Seeds.describe(runs);
            assertTrue(described.startsWith("seed 1: 3 epochs, last training loss "), described);
            assertEquals(2, described.lines().count());
        } finally {
            runs.forEach(r -> r.model().close());
            again.forEach(r -> r.model().close());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Seeds.first(0)).getMessage().contains("at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Seeds.fit(new long[0], seed -> null, data, null, fit)).getMessage().contains("no seeds"));
    }
}
