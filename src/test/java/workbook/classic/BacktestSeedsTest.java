package workbook.classic;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error by lead time, spreads over seeds and verdict sentences of {@link Backtest.Result}; {@link Metrics#coverage}. */
class BacktestSeedsTest {

    private static final double[] LINE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    /** Persistence plus a constant offset: a "seed" whose error is known exactly. */
    private static Forecaster offset(double by) {
        return (history, h) -> {
            double[] f = Baselines.persistence().forecast(history, h);
            for (int i = 0; i < h; i++) {
                f[i] += by;
            }
            return f;
        };
    }

    private static Backtest.Result result() {
        return Backtest.rollingOrigin(6).horizon(2)
                .compare("persistence", Baselines.persistence())
                .compare("drift", Baselines.drift())
                .compare(Backtest.seedName("net", 1), offset(0.5))
                .compare(Backtest.seedName("net", 2), offset(1.0))
                .compare(Backtest.seedName("net", 3), offset(1.5))
                .run(LINE);
    }

    @Test
    void errorByStepAveragesEachLeadTimeOverTheFolds() {
        Backtest.Result r = result();
        // persistence on a line of slope 1 misses by 1 one step ahead and by 2 two steps ahead
        assertArrayEquals(new double[]{1, 2}, r.errorByStep("persistence", "mae"), 1e-12);
        assertArrayEquals(new double[]{1, 2}, r.errorByStep("persistence", "rmse"), 1e-12);
        assertArrayEquals(new double[]{0, 0}, r.errorByStep("drift", "mae"), 1e-12);
        // the seeds miss by |1 - offset| and |2 - offset|: 0.5, 0, 0.5 at step 1; 1.5, 1, 0.5 at step 2; a group is their mean
        assertArrayEquals(new double[]{1.0 / 3, 1.0}, r.errorByStep("net", "mae"), 1e-12);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.errorByStep("persistence", "mape"))
                .getMessage().contains("'mae' and 'rmse'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.errorByStep("nobody", "mae"))
                .getMessage().contains("no forecaster 'nobody'"));
    }

    @Test
    void spreadAndOverSeedsGatherTheSeedsOfAGroup() {
        Backtest.Result r = result();
        Spread net = r.spread("net", "mae");
        assertEquals(3, net.runs());
        assertEquals(0.5, net.min(), 1e-12);    // seeds 2 and 3: errors 0 and 1, or 0.5 and 0.5
        assertEquals(1.0, net.max(), 1e-12);    // seed 1: errors 0.5 and 1.5
        Table shown = r.overSeeds(2, "mae");
        assertEquals(3, shown.rowCount());
        assertEquals("net", shown.stringColumn("forecaster").get(2));
        assertEquals(3, shown.intColumn("runs").get(2));
        assertEquals(net.format(2), shown.stringColumn("mae").get(2));
        assertEquals("1.50", shown.stringColumn("mae").get(0));
    }

    @Test
    void verdictsClaimAWinOnlyWhenEverySeedAgrees() {
        Backtest.Result r = result();
        assertEquals("drift beats persistence by 100.0%: mae 0.00 against 1.50", r.verdict("drift", "persistence", "mae", 2));
        assertTrue(r.verdict("net", "persistence", "mae", 2).startsWith("net beats persistence on every seed, by 55.6% on average: mae 0.67 ± 0.29 (0.50–1.00, 3 seeds) against 1.50"),
                r.verdict("net", "persistence", "mae", 2));
        assertTrue(r.verdict("persistence", "net", "mae", 2).startsWith("net beats persistence on every seed"));
        assertTrue(r.verdict("drift", "net", "mae", 2).startsWith("drift beats net on every seed, by 100.0% on average: mae 0.00 against"));
        assertEquals("net", r.best("mae", "persistence", "net"));
        assertEquals("drift", r.best("mae", "persistence", "drift", "net"));
        Backtest.Result mixed = Backtest.rollingOrigin(6).horizon(2)
                .compare("persistence", Baselines.persistence())
                .compare(Backtest.seedName("net", 1), offset(1.0))
                .compare(Backtest.seedName("net", 2), offset(-1.0))
                .run(LINE);
        // seed 1 misses by 0 and 1 (mae 0.5), seed 2 by 2 and 3 (mae 2.5); persistence 1.5
        assertTrue(mixed.verdict("net", "persistence", "mae", 1).startsWith("net beats persistence on 1 of 2 seeds only"),
                mixed.verdict("net", "persistence", "mae", 1));
    }

    @Test
    void verdictCallsTwoDeterministicForecastersWithinATenthOfAPercentEven() {
        Backtest.Result r = Backtest.rollingOrigin(6).compare("a", offset(0)).compare("b", offset(0.0005)).run(LINE);
        assertTrue(r.verdict("a", "b", "mae", 3).startsWith("a and b are within 0.1% of each other"), r.verdict("a", "b", "mae", 3));
        Backtest.Result apart = Backtest.rollingOrigin(6).compare("a", offset(0)).compare("b", offset(0.01)).run(LINE);
        assertEquals("b beats a by 1.0%: mae 0.990 against 1.000", apart.verdict("a", "b", "mae", 3));
    }

    @Test
    void coverageCountsTheValuesInsideTheirInterval() {
        assertEquals(0.75, Metrics.coverage(new double[]{1, 2, 3, 10}, new double[]{0, 2, 2, 0}, new double[]{2, 3, 3, 9}), 1e-12);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Metrics.coverage(new double[]{1, 2}, new double[]{0}, new double[]{2, 3})).getMessage().contains("as many"));
    }
}
