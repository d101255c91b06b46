package workbook.classic;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArModelTest {

    @Test
    void reproducesAutoRegOnLogAirlinePassengers() {
        ArModel ar = ArModel.fit(ArimaModelTest.series("log_air"), 2);
        // The numbers of the issue, then statsmodels' full precision.
        assertEquals(0.23228, ar.intercept(), 5e-6);
        assertEquals(1.17428, ar.coefficients()[0], 5e-6);
        assertEquals(-0.21487, ar.coefficients()[1], 5e-6);
        assertEquals(0.0105759, ar.sigma2(), 1e-7);
        JsonObject ref = References.get("autoreg_log_air_p2");
        double[] params = References.doubles(ref, "params");
        assertEquals(params[0], ar.intercept(), 1e-10);
        assertEquals(params[1], ar.coefficients()[0], 1e-10);
        assertEquals(params[2], ar.coefficients()[1], 1e-10);
        assertEquals(ref.get("sigma2").getAsDouble(), ar.sigma2(), 1e-12);
        assertEquals(ref.get("nobs").getAsInt(), ar.observations());
        assertEquals(ref.get("llf").getAsDouble(), ar.logLikelihood(), 1e-8);
        assertEquals(ref.get("aic").getAsDouble(), ar.aic(), 1e-8);
        assertEquals(ref.get("bic").getAsDouble(), ar.bic(), 1e-8);

        Forecast f = ar.forecast(12);
        assertArrayEquals(References.doubles(ref, "forecast"), f.mean(), 1e-10);
        assertArrayEquals(References.doubles(ref, "lower"), f.lower(), 1e-10);
        assertArrayEquals(References.doubles(ref, "upper"), f.upper(), 1e-10);
    }

    @Test
    void orderSelectionOnACommonSampleMatchesStatsmodels() {
        JsonObject ref = References.get("autoreg_select_d_log_air");
        double[] y = ArimaModelTest.series("d_log_air");
        double[] aic = References.doubles(ref, "aic");
        double[] bic = References.doubles(ref, "bic");
        for (int p = 1; p <= 13; p++) {
            ArModel m = ArModel.fit(y, p, 13);
            assertEquals(aic[p - 1], m.aic(), 1e-8, "AR(" + p + ")");
            assertEquals(bic[p - 1], m.bic(), 1e-8, "AR(" + p + ")");
        }
        Table table = ArModel.selectOrder(y, 13);
        assertEquals(ref.get("selected_aic").getAsInt(), table.intColumn("p").get(0));
        assertEquals(ref.get("selected_bic").getAsInt(), table.sortAscendingOn("bic").intColumn("p").get(0));
    }

    @Test
    void tooShortSeriesIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArModel.fit(new double[]{1, 2, 3, 4, 5}, 3));
        assertTrue(e.getMessage().contains("AR(3) needs at least 8 points") && e.getMessage().contains("has 5"), e.getMessage());
    }
}
