package workbook.classic;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

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
    void tooShortSeriesIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArModel.fit(new double[]{1, 2, 3, 4, 5}, 3));
        assertTrue(e.getMessage().contains("AR(3) needs at least 8 points") && e.getMessage().contains("has 5"), e.getMessage());
    }
}
