package workbook.classic;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import workbook.display.Interruption;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Baselines, metrics and the rolling-origin backtest, checked by hand on small series. */
class ForecastingTest {

    private static final double[] HISTORY = {10, 12, 11, 13, 14, 16, 15, 17};

    @Test
    void baselines() {
        assertArrayEquals(new double[]{17, 17, 17}, Baselines.persistence().forecast(HISTORY, 3), 0);
        assertArrayEquals(new double[]{14, 16, 15, 17, 14}, Baselines.seasonalNaive(4).forecast(HISTORY, 5), 0);
        assertArrayEquals(new double[]{18, 19}, Baselines.drift().forecast(HISTORY, 2), 1e-12); // slope (17-10)/7 = 1
        assertArrayEquals(new double[]{13.5}, Baselines.mean().forecast(HISTORY, 1), 1e-12);
        // season 4: positions 0..3 of {10,12,11,13 | 14,16,15,17}; the next value is at position 0 again
        assertArrayEquals(new double[]{12, 14, 13, 15, 12}, Baselines.seasonalMean(4).forecast(HISTORY, 5), 1e-12);
        // 9 values, season 4: the next is at position 1 (12, 16), then 2 (11, 15), 3 (13, 17), 0 (10, 14, 20)
        double[] nine = Arrays.copyOf(HISTORY, 9);
        nine[8] = 20;
        assertArrayEquals(new double[]{14, 13, 15, 44.0 / 3}, Baselines.seasonalMean(4).forecast(nine, 4), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Baselines.seasonalMean(0));
        IllegalArgumentException shortHistory = assertThrows(IllegalArgumentException.class,
                () -> Baselines.seasonalMean(12).forecast(HISTORY, 1));
        assertTrue(shortHistory.getMessage().contains("needs at least 12 points"), shortHistory.getMessage());
    }

    @Test
    void spreadOverSeeds() {
        Spread s = Spread.of(2.0, 2.2, 2.4);
        assertEquals(2.2, s.mean(), 1e-12);
        assertEquals(0.2, s.sd(), 1e-12);
        assertEquals(2.0, s.min(), 0);
        assertEquals(2.4, s.max(), 0);
        assertEquals("2.20 ± 0.20 (2.00–2.40, 3 seeds)", s.format(2));
        assertTrue(s.clearlyBelow(Spread.of(2.5, 2.6)));
        assertTrue(!s.clearlyBelow(Spread.of(2.3, 2.6)));   // overlapping runs: no claim
        assertTrue(s.clearlyBelow(2.41) && !s.clearlyBelow(2.4));
        assertEquals(0, Spread.of(1.5).sd(), 0);
        assertThrows(IllegalArgumentException.class, () -> Spread.of(1.0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Spread.of());
    }

    @Test
    void metricsByHand() {
        double[] actual = {100, 200, 400};
        double[] forecast = {110, 180, 400};
        assertEquals(10, Metrics.mae(actual, forecast), 1e-12);
        assertEquals(Math.sqrt(500.0 / 3), Metrics.rmse(actual, forecast), 1e-12);
        assertEquals(100 * (0.1 + 0.1 + 0) / 3, Metrics.mape(actual, forecast), 1e-12);
        assertEquals(100 * (20.0 / 210 + 40.0 / 380) / 3, Metrics.smape(actual, forecast), 1e-12);
        // naive in-sample MAE of {1, 3, 2, 6} = (2 + 1 + 4) / 3
        assertEquals(10 / (7.0 / 3), Metrics.mase(actual, forecast, new double[]{1, 3, 2, 6}), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.mape(new double[]{0, 1}, new double[]{1, 1}));
        assertTrue(e.getMessage().contains("index 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metrics.mae(new double[]{1}, new double[]{1, 2}));
    }

    @Test
    void interruptStopsABacktestCleanly() {
        Thread.currentThread().interrupt();
        Interruption.StoppedByInterrupt stopped = assertThrows(Interruption.StoppedByInterrupt.class,
                () -> Backtest.rollingOrigin(3).compare("p", Baselines.persistence()).run(new double[]{1, 2, 3, 4, 5}));
        assertTrue(stopped.getMessage().contains("backtest fold 0"), stopped.getMessage());
        assertTrue(!Thread.currentThread().isInterrupted());
    }

    @Test
    void rollingOriginSeesOnlyThePast() {
        double[] series = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        int[] seenLengths = new int[10];
        int[] calls = {0};
        Forecaster spy = (history, h) -> {
            seenLengths[calls[0]++] = history.length;
            // the history ends right before the origin: its last value is origin value - 1
            assertEquals(history.length, history[history.length - 1], 0);
            return Baselines.persistence().forecast(history, h);
        };
        Backtest.Result r = Backtest.rollingOrigin(6).horizon(2).step(1).compare("spy", spy)
                .compare("drift", Baselines.drift()).run(series);
        assertEquals(3, calls[0]); // origins 6, 7, 8 (8 + 2 = 10 points)
        assertArrayEquals(new int[]{6, 7, 8}, Arrays.copyOf(seenLengths, 3));
        Table folds = r.folds();
        assertEquals(6, folds.rowCount());
        assertEquals(1.5, r.mean("spy", "mae"), 1e-12); // persistence on a line of slope 1: errors 1 and 2
        assertEquals(Math.sqrt(2.5), r.mean("spy", "rmse"), 1e-12);
        assertEquals(0, r.mean("drift", "mae"), 1e-12);
        assertEquals(1.5, r.mean("spy", "mase"), 1e-12); // naive in-sample MAE is 1
        assertEquals(0, r.summary().intColumn("percentage_undefined").get(0));
        Backtest.Result zeros = Backtest.rollingOrigin(2).compare("zero", (history, h) -> new double[h])
                .run(new double[]{1, 0, 0, 2});
        assertEquals(1, zeros.summary().intColumn("percentage_undefined").get(0)); // origin 2: actual 0, forecast 0
        assertEquals(1.0, zeros.mean("zero", "mae"), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backtest.rollingOrigin(9).horizon(2).compare("p", Baselines.persistence()).run(series));
        assertTrue(e.getMessage().contains("longer than the series (10 points)"), e.getMessage());
    }
}
