package workbook.djl;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import workbook.classic.Backtest;
import workbook.classic.Baselines;
import workbook.classic.Spread;
import workbook.data.Columns;
import workbook.data.Datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walk-forward one-step forecasts per run: the same scores as Backtest, sentences that claim only what every run shows. */
class SeedForecastsTest {

    private static final double[] TEMPERATURE = Columns.doubles(Datasets.nottingham(), "temperature");

    @Test
    void aBaselineScoresAsInTheBacktest() {
        SeedForecasts climatology = SeedForecasts.of("climatology", TEMPERATURE, 156, Baselines.seasonalMean(12));
        double backtest = Backtest.rollingOrigin(192).compare("climatology", Baselines.seasonalMean(12))
                .run(TEMPERATURE).mean("climatology", "rmse");
        Spread test = climatology.rmse(192, 240);
        assertEquals(backtest, test.mean(), 1e-12);
        assertEquals(1, test.runs());
        assertEquals(0, test.sd());
        assertEquals(36, climatology.actual(156, 192).length);
        assertArrayEquals(climatology.actual(192, 194), new double[]{TEMPERATURE[192], TEMPERATURE[193]});
        assertThrows(IllegalArgumentException.class, () -> climatology.rmse(100, 192));
        assertThrows(IllegalArgumentException.class, () -> SeedForecasts.of("x", TEMPERATURE, 240, Baselines.persistence()));
    }

    @Test
    void theSeasonalBaselinesAreTheClassicForecasters() {
        SeedForecasts[] baselines = SeedForecasts.seasonalBaselines(TEMPERATURE, 192, 12, 2);
        assertEquals(5, baselines.length);
        Backtest.Result backtest = Backtest.rollingOrigin(192).compare("persistence", Baselines.persistence())
                .compare("seasonal naive", Baselines.seasonalNaive(12))
                .compare("AR(2)", (history, h) -> workbook.classic.ArModel.fit(history, 2).forecast(h).mean())
                .run(TEMPERATURE);
        assertEquals(backtest.mean("persistence", "rmse"), baselines[0].rmse(192, 240).mean(), 1e-12);
        assertEquals(backtest.mean("seasonal naive", "rmse"), baselines[1].rmse(192, 240).mean(), 1e-12);
        assertEquals("AR(2)", baselines[3].name());
        assertEquals(backtest.mean("AR(2)", "rmse"), baselines[3].rmse(192, 240).mean(), 1e-12);
        // the persistence of the anomalies is weak: climatology + AR(1) stays within 10% of climatology
        double climatology = baselines[2].rmse(192, 240).mean();
        assertEquals(climatology, baselines[4].rmse(192, 240).mean(), 0.1 * climatology);
    }

    @Test
    void aWinIsClaimedOnlyWhenEverySeedShowsIt() {
        double[] actual = {0, 0, 0, 0};
        SeedForecasts baseline = new SeedForecasts("baseline", 10, actual, new double[][]{{1, 1, 1, 1}});
        SeedForecasts better = new SeedForecasts("better", 10, actual, new double[][]{{0.5, 0.5, 0.5, 0.5}, {0.8, 0.8, 0.8, 0.8}});
        SeedForecasts mixed = new SeedForecasts("mixed", 10, actual, new double[][]{{0.5, 0.5, 0.5, 0.5}, {2, 2, 2, 2}});
        assertEquals("better beats baseline on every seed (RMSE better 0.65 ± 0.21 (0.50–0.80, 2 seeds), baseline 1.00)",
                better.versus(baseline, 10, 14, 2));
        assertEquals("no clear winner between better and mixed: the runs overlap (RMSE better 0.65 ± 0.21 (0.50–0.80, "
                + "2 seeds), mixed 1.25 ± 1.06 (0.50–2.00, 2 seeds))", better.versus(mixed, 10, 14, 2));
        assertTrue(baseline.versus(better, 10, 14, 2).startsWith("better beats baseline on every seed"));
        assertArrayEquals(new double[]{1.25, 1.25}, mixed.meanForecast(11, 13), 1e-12);
        assertArrayEquals(new double[]{0.5, 2}, mixed.rmsePerRun(10, 14), 1e-12);
        Table table = SeedForecasts.table("t", 10, 14, 2, baseline, better);
        assertEquals(2, table.rowCount());
        assertEquals("", table.stringColumn(3).get(0));
        assertEquals("0.65 ± 0.21 (0.50–0.80, 2 seeds)", table.stringColumn(3).get(1));
        assertThrows(IllegalArgumentException.class, () -> new SeedForecasts("short", 10, actual, new double[][]{{1}}));
    }
}
