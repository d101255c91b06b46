package workbook.classic;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ACF, PACF, decomposition and the ADF test against statsmodels; differencing and rolling by hand. */
class ExplorationTest {

    @Test
    void acfAndBartlettBandMatchStatsmodels() {
        JsonObject ref = References.get("acf_nottem");
        Correlogram acf = Correlogram.acf(ArimaModelTest.series("nottem"), 24);
        assertArrayEquals(References.doubles(ref, "acf"), acf.values(), 1e-10);
        assertArrayEquals(References.doubles(ref, "lower"), acf.lower(), 1e-10);
        assertArrayEquals(References.doubles(ref, "upper"), acf.upper(), 1e-10);
    }

    @Test
    void pacfMatchesStatsmodelsYuleWalker() {
        JsonObject ref = References.get("pacf_nottem");
        double[] y = ArimaModelTest.series("nottem");
        Correlogram pacf = Correlogram.pacf(y, 24);
        assertArrayEquals(References.doubles(ref, "pacf"), pacf.values(), 1e-10);
        assertArrayEquals(References.doubles(ref, "lower"), pacf.lower(), 1e-10);
        assertArrayEquals(References.doubles(ref, "upper"), pacf.upper(), 1e-10);
        assertArrayEquals(References.doubles(ref, "pacf_ywm"), Correlogram.pacf(y, 24, 0.05, false).values(), 1e-10);
    }

    @Test
    void decompositionMatchesStatsmodels() {
        double[] air = ArimaModelTest.series("log_air").clone();
        for (int i = 0; i < air.length; i++) {
            air[i] = Math.exp(air[i]);
        }
        for (SeasonalDecomposition.Model model : SeasonalDecomposition.Model.values()) {
            JsonObject ref = References.get("decompose_air_" + model.name().toLowerCase());
            SeasonalDecomposition d = SeasonalDecomposition.of(air, 12, model);
            assertArrayEquals(References.doubles(ref, "trend"), d.trend(), 1e-9, model + " trend");
            assertArrayEquals(References.doubles(ref, "seasonal"), d.seasonal(), 1e-9, model + " seasonal");
            assertArrayEquals(References.doubles(ref, "resid"), d.residual(), 1e-9, model + " residual");
        }
    }

    @Test
    void adfStatisticPValueAndCriticalValuesMatchStatsmodels() {
        for (JsonElement e : References.ROOT.getAsJsonArray("adf")) {
            JsonObject ref = e.getAsJsonObject();
            String name = ref.get("series").getAsString();
            DickeyFuller.Result r = DickeyFuller.test(ArimaModelTest.series(name), ref.get("lag").getAsInt());
            assertEquals(ref.get("statistic").getAsDouble(), r.statistic(), 1e-8, name);
            double p = ref.get("pvalue").getAsDouble();
            assertEquals(p, r.pValue(), 1e-8 * Math.max(p, 1e-20), name + " p-value");
            assertEquals(ref.get("nobs").getAsInt(), r.observations(), name);
            JsonObject crit = ref.getAsJsonObject("crit");
            assertEquals(crit.get("1%").getAsDouble(), r.critical1(), 1e-9);
            assertEquals(crit.get("5%").getAsDouble(), r.critical5(), 1e-9);
            assertEquals(crit.get("10%").getAsDouble(), r.critical10(), 1e-9);
        }
        assertFalse(DickeyFuller.test(ArimaModelTest.series("log_air"), 12).stationaryAt5Percent());
        assertTrue(DickeyFuller.test(ArimaModelTest.series("d_log_air"), 2).stationaryAt5Percent());
    }

    @Test
    void differencingAndItsInverse() {
        double[] y = {1, 4, 9, 16, 25, 36};
        assertArrayEquals(new double[]{3, 5, 7, 9, 11}, Differencing.difference(y), 0);
        assertArrayEquals(new double[]{2, 2, 2, 2}, Differencing.differenceTimes(y, 2), 0);
        assertArrayEquals(new double[]{15, 21, 27}, Differencing.seasonalDifference(y, 3), 0);
        // future seasonal differences 1, 1, 1 added to the last season (16, 25, 36)
        assertArrayEquals(new double[]{17, 26, 37}, Differencing.undifference(y, new double[]{1, 1, 1}, 3), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Differencing.difference(new double[]{1, 2}, 12));
        assertTrue(e.getMessage().contains("at least 13 points"), e.getMessage());
    }

    @Test
    void rollingStatisticsLikePandas() {
        double[] y = {1, 2, 3, 4, 10};
        double[] mean = Rolling.mean(y, 3);
        assertTrue(Double.isNaN(mean[0]) && Double.isNaN(mean[1]));
        assertArrayEquals(new double[]{2, 3, 17.0 / 3}, new double[]{mean[2], mean[3], mean[4]}, 1e-12);
        double[] std = Rolling.std(y, 3);
        assertEquals(1.0, std[2], 1e-12);
        assertEquals(Math.sqrt(((3 - 17.0 / 3) * (3 - 17.0 / 3) + (4 - 17.0 / 3) * (4 - 17.0 / 3) + (10 - 17.0 / 3) * (10 - 17.0 / 3)) / 2), std[4], 1e-12);
    }
}
