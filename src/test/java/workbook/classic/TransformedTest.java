package workbook.classic;

import org.junit.jupiter.api.Test;
import workbook.data.Columns;
import workbook.data.Datasets;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identities between the transformed forecasters and the baselines. */
class TransformedTest {

    private static final double[] PASSENGERS = Columns.doubles(Datasets.airPassengers(), "passengers");

    @Test
    void zeroSeasonalDifferencesAreTheSeasonalNaiveForecast() {
        Forecaster zeros = (w, h) -> new double[h];
        for (int horizon : new int[]{1, 12, 30}) {
            assertArrayEquals(Baselines.seasonalNaive(12).forecast(PASSENGERS, horizon),
                    Transformed.differenced(12, zeros).forecast(PASSENGERS, horizon), 1e-9);
        }
    }

    @Test
    void zeroAnomaliesAreTheClimatologyForecast() {
        Forecaster zeros = (w, h) -> new double[h];
        for (int horizon : new int[]{1, 12, 30}) {
            assertArrayEquals(Baselines.seasonalMean(12).forecast(PASSENGERS, horizon),
                    Transformed.deseasonalised(12, zeros).forecast(PASSENGERS, horizon), 1e-9);
        }
        // the last anomaly carried forward adds y_n - (mean of its season) to the next season's mean
        double[] y = {1, 10, 3, 14, 5, 12};   // season 2: means 3 and 12
        assertArrayEquals(new double[]{3 + 0, 12 + 0}, Transformed.deseasonalised(2, zeros).forecast(y, 2), 1e-12);
        assertArrayEquals(new double[]{3 + 0}, Transformed.deseasonalised(2, Baselines.persistence()).forecast(y, 1), 1e-12);
        assertArrayEquals(new double[]{3 + (14 - 38.0 / 3)}, Transformed.deseasonalised(2, Baselines.persistence())
                .forecast(new double[]{1, 10, 3, 14, 5, 14}, 1), 1e-12);   // season means 3 and 38/3
    }

    @Test
    void seasonalAnomaliesSubtractEachPositionsMean() {
        assertArrayEquals(new double[]{-2, -2, 0, 2, 2, 0}, Transformed.seasonalAnomalies(new double[]{1, 10, 3, 14, 5, 12}, 2),
                1e-12);
        assertArrayEquals(new double[]{-1, 1, 0}, Transformed.seasonalAnomalies(new double[]{1, 3, 2}, 1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Transformed.seasonalAnomalies(new double[]{1, 2}, 3));
        assertThrows(IllegalArgumentException.class, () -> Transformed.seasonalAnomalies(new double[]{1, 2}, 0));
    }

    @Test
    void theMeanOfTheDifferencesIsTheDriftForecast() {
        // mean of y_t - y_{t-1} = (y_n - y_1)/(n - 1): the drift slope
        assertArrayEquals(Baselines.drift().forecast(PASSENGERS, 24),
                Transformed.differenced(1, Baselines.mean()).forecast(PASSENGERS, 24), 1e-9);
    }

    @Test
    void logScaleKeepsPersistenceAndGivesTheGeometricMean() {
        assertArrayEquals(Baselines.persistence().forecast(PASSENGERS, 5),
                Transformed.log(Baselines.persistence()).forecast(PASSENGERS, 5), 1e-9);
        double[] f = Transformed.log(Baselines.mean()).forecast(new double[]{1, 4, 16}, 2);
        assertArrayEquals(new double[]{4, 4}, f, 1e-12);   // exp(mean(log)) = (1·4·16)^(1/3)
    }

    @Test
    void composedTransformsUseOnlyTheHistory() {
        Forecaster airline = Transformed.log(Transformed.differenced(12, (w, h) -> ArModel.fit(w, 1).forecast(h).mean()));
        double[] train = Arrays.copyOf(PASSENGERS, 132);
        double[] f = airline.forecast(train, 12);
        // the AR(1) on Δ12 log y by hand
        double[] log = Arrays.stream(train).map(Math::log).toArray();
        double[] w = Differencing.difference(log, 12);
        double[] expected = Arrays.stream(Differencing.undifference(log, ArModel.fit(w, 1).forecast(12).mean(), 12))
                .map(Math::exp).toArray();
        assertArrayEquals(expected, f, 1e-9);
    }

    @Test
    void roundedSummaryKeepsTheValuesAndDropsMse() {
        Backtest.Result r = Backtest.rollingOrigin(132).horizon(12).step(12).season(12)
                .compare("seasonal naive", Baselines.seasonalNaive(12)).run(PASSENGERS);
        tech.tablesaw.api.Table shown = r.rounded(2);
        assertTrue(!shown.columnNames().contains("mse") && !shown.columnNames().contains("percentage_undefined"), shown.columnNames().toString());
        assertArrayEquals(new double[]{r.mean("seasonal naive", "mae")}, shown.doubleColumn("mae").asDoubleArray(), 0);
        assertTrue(shown.print().contains("47.83"), shown.print());   // the 1960 MAE of "same month last year"
        assertTrue(r.summary().columnNames().contains("mse"), "the summary itself is unchanged");
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Transformed.log(Baselines.persistence()).forecast(new double[]{3, 0, 2}, 1));
        assertTrue(negative.getMessage().contains("positive values") && negative.getMessage().contains("index 1"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Transformed.differenced(0, Baselines.mean()));
        IllegalStateException wrongLength = assertThrows(IllegalStateException.class,
                () -> Transformed.differenced(1, (w, h) -> new double[h + 1]).forecast(PASSENGERS, 3));
        assertTrue(wrongLength.getMessage().contains("4 values for horizon 3"), wrongLength.getMessage());
    }
}
