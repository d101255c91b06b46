package workbook.classic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestFoldsTest {

    @Test
    void perFoldValuesAndFoldByFoldWins() {
        // a straight line with one jump: drift is exact except at the jump, persistence is always 1 behind
        double[] y = {0, 1, 2, 3, 4, 10, 11, 12};
        Backtest.Result r = Backtest.rollingOrigin(3).horizon(1)
                .compare("persistence", Baselines.persistence())
                .compare("drift", Baselines.drift())
                .run(y);
        assertEquals(5, r.foldCount());
        assertArrayEquals(new double[]{1, 1, 6, 1, 1}, r.perFold("persistence", "mae"), 1e-12);
        double[] drift = r.perFold("drift", "mae");
        assertEquals(0, drift[0], 1e-12);
        assertEquals(5, drift[2], 1e-12);   // at the jump: 4 + 1 forecast, 10 came
        // drift wins four folds; in the fourth both miss by exactly 1, a tie that counts for neither
        assertEquals(1, drift[3], 1e-12);
        assertEquals(4, r.foldsBelow("drift", "persistence", "mae"));
        assertEquals(0, r.foldsBelow("persistence", "drift", "mae"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> r.perFold("AR", "mae"));
        assertTrue(unknown.getMessage().contains("[persistence, drift]"), unknown.getMessage());
    }
}
