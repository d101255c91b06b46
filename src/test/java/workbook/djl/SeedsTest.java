package workbook.djl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedsTest {

    /** Next value of a sine from 8 past values. */
    private static TrainData sine() {
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
    void aLongSeedIsNotTruncatedToItsLow32Bits() {
        long high = 1L + (1L << 32);   // the same low 32 bits as 1
        try (RecurrentModel one = RecurrentModel.gru(4).dense(1).inputFeatures(1).seed(1).build();
                RecurrentModel oneAgain = RecurrentModel.gru(4).dense(1).inputFeatures(1).seed(1).build();
                RecurrentModel other = RecurrentModel.gru(4).dense(1).inputFeatures(1).seed(high).build()) {
            assertArrayEquals(one.weight("l_0_i2h_WEIGHT"), oneAgain.weight("l_0_i2h_WEIGHT"), "the same seed");
            assertNotEquals(one.weight("l_0_i2h_WEIGHT")[0], other.weight("l_0_i2h_WEIGHT")[0],
                    "seeds 1 and 2^32 + 1 drew the same weights");
        }
    }

    @Test
    void oneRunPerSeedEachSeededByItsOwnSeed() {
        TrainData data = sine();
        Fit fit = Fit.epochs(3).batchSize(16).progress(false);
        List<Seeds.Run> runs = Seeds.fit(Seeds.first(2), seed -> RecurrentModel.rnn(4).dense(1).seed(seed).build(), data, null, fit);
        List<Seeds.Run> again = Seeds.fit(new long[]{2}, seed -> RecurrentModel.rnn(4).dense(1).seed(seed).build(), data, null, fit);
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
