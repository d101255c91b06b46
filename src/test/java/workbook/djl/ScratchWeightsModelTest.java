package workbook.djl;

import org.junit.jupiter.api.Test;
import workbook.scratch.Model;
import workbook.scratch.Recurrent;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole models (recurrent layers and dense head) copied both ways predict the same. */
class ScratchWeightsModelTest {

    private static double worstGap(double[][] a, double[][] b) {
        assertEquals(a.length, b.length);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i].length, b[i].length);
            for (int j = 0; j < a[i].length; j++) {
                worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return worst;
    }

    @Test
    void scratchModelToDjlAndBackPredictsTheSame() {
        double[][][] x = ScratchParityTest.random(new Random(5), 4, 7, 3);
        Model scratch = Model.builder(Recurrent.gru(3, 6).layers(2).seed(2).build()).outputs(2).seed(9).build();
        double[][] expected = scratch.predict(x);
        try (RecurrentModel djl = RecurrentModel.gru(6).layers(2).outputs(2).seed(1).build()) {
            ScratchWeights.copy(scratch, djl);
            double toDjl = worstGap(expected, djl.predict(x));
            assertTrue(toDjl < 1e-5, "scratch → DJL, max difference " + toDjl);

            Model back = Model.builder(Recurrent.gru(3, 6).layers(2).seed(77).build()).outputs(2).seed(78).build();
            ScratchWeights.copy(djl, back);
            double roundTrip = worstGap(expected, back.predict(x));
            assertTrue(roundTrip < 1e-5, "DJL → scratch, max difference " + roundTrip);
            assertTrue(roundTrip > 0, "the way back goes through float32, so it cannot be exact");
        }
    }

    @Test
    void headsOfDifferentSizesAreRefused() {
        Model scratch = Model.builder(Recurrent.lstm(2, 4).build()).outputs(3).build();
        try (RecurrentModel djl = RecurrentModel.lstm(4).outputs(1).build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScratchWeights.copy(scratch, djl));
            assertTrue(e.getMessage().contains("the heads differ") && e.getMessage().contains("[3 x 4]"), e.getMessage());
        }
    }
}
