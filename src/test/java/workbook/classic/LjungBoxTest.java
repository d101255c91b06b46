package workbook.classic;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LjungBoxTest {

    @Test
    void matchesStatsmodelsAcorrLjungbox() {
        JsonObject ref = References.SARIMA.getAsJsonObject("ljung_box");
        double[] x = References.doubles(ref, "values");
        for (JsonElement element : ref.getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            int lags = c.get("lags").getAsInt();
            int modelDf = c.get("model_df").getAsInt();
            LjungBox test = LjungBox.test(x, lags, modelDf);
            String label = "Q(" + lags + "), model_df " + modelDf;
            assertEquals(c.get("statistic").getAsDouble(), test.statistic(), 1e-9 * test.statistic(), label);
            double p = c.get("pvalue").getAsDouble();
            assertEquals(p, test.pValue(), 1e-6 * p, label + " p-value (relative, down to 1e-55)");
            assertEquals(lags - modelDf, test.degreesOfFreedom(), label);
        }
    }

    @Test
    void airlineResidualsAreWhiteNoiseAsInStatsmodels() {
        for (JsonElement element : References.SARIMA.getAsJsonArray("sarima")) {
            JsonObject ref = element.getAsJsonObject();
            if (!ref.has("ljung_box_residuals_24")) {
                continue;
            }
            JsonObject lb = ref.getAsJsonObject("ljung_box_residuals_24");
            SarimaModel m = SarimaModel.fit(ArimaModelTest.series(ref.get("series").getAsString()), SarimaModelTest.order(ref));
            LjungBox test = LjungBox.test(m.residuals(), 24, m.order().armaCoefficients());
            // the residuals come from parameters that agree to about 1e-4, so Q agrees to a few hundredths
            assertEquals(lb.get("statistic").getAsDouble(), test.statistic(), 0.05, m.toString());
            assertEquals(lb.get("pvalue").getAsDouble(), test.pValue(), 0.005, m.toString());
            assertEquals(lb.get("model_df").getAsInt(), m.order().armaCoefficients());
        }
    }

    @Test
    void whiteNoiseAndItsOpposite() {
        java.util.Random random = new java.util.Random(3);
        double[] noise = new double[400];
        double[] walk = new double[400];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = random.nextGaussian();
            walk[t] = (t == 0 ? 0 : walk[t - 1]) + noise[t];
        }
        assertFalse(LjungBox.test(noise, 20, 0).rejectsWhiteNoise(0.01));
        assertTrue(LjungBox.test(walk, 20, 0).rejectsWhiteNoise(0.01));
        assertTrue(LjungBox.test(walk, 20, 0).toString().startsWith("Ljung-Box Q(20) = "));
    }

    @Test
    void badInputIsNamed() {
        double[] x = new double[50];
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> LjungBox.test(x, 10, 10));
        assertTrue(tooMany.getMessage().contains("fewer than the lags tested (10)"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LjungBox.test(x, 0, 0));
        IllegalArgumentException shortSeries = assertThrows(IllegalArgumentException.class,
                () -> LjungBox.test(new double[5], 10, 0));
        assertTrue(shortSeries.getMessage().contains("Ljung-Box test over 10 lags"), shortSeries.getMessage());
    }
}
