package workbook.classic;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seasonality against numpy's FFT (src/test/python/references/seasonality_references.py, checked there against scipy). */
class SeasonalityTest {

    private static final JsonObject REFERENCES = load();

    private static JsonObject load() {
        try (var reader = new InputStreamReader(Objects.requireNonNull(
                SeasonalityTest.class.getResourceAsStream("/classic/seasonality.json")), StandardCharsets.UTF_8)) {
            return new Gson().fromJson(reader, JsonObject.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] doubles(JsonObject o, String key) {
        return new Gson().fromJson(o.get(key), double[].class);
    }

    private static void matchesNumpy(String name) {
        JsonObject ref = REFERENCES.getAsJsonObject(name);
        Seasonality.Periodogram p = Seasonality.periodogram(doubles(ref, "y"));
        assertEquals(ref.get("nfft").getAsInt(), p.nfft(), name + " nfft");
        assertArrayEquals(doubles(ref, "frequency"), p.frequency(), 1e-15, name + " frequencies");
        double[] power = doubles(ref, "power");
        double scale = java.util.Arrays.stream(power).max().orElseThrow();
        for (int k = 0; k < power.length; k++) {
            assertEquals(power[k], p.power()[k], 1e-10 * scale, name + " power at k=" + (k + 1));
        }
        double[] periods = doubles(ref, "peakPeriods");
        List<Seasonality.Peak> peaks = p.peaks(periods.length);
        assertEquals(periods.length, peaks.size(), name + " number of peaks");
        for (int i = 0; i < periods.length; i++) {
            assertEquals(periods[i], peaks.get(i).period(), 1e-9, name + " peak " + i);
        }
    }

    @Test
    void sineOfPeriodEightOnAnExactGrid() {
        matchesNumpy("sine");
        Seasonality.Periodogram p = Seasonality.periodogram(doubles(REFERENCES.getAsJsonObject("sine"), "y"));
        Seasonality.Peak strongest = p.peaks(1).get(0);
        assertEquals(8.0, strongest.period(), 0);
        // amplitude 2 on 64 points: |X_k| = 2 * 64 / 2 = 64, power 64² / 64 = 64; the cosine of amplitude 0.5 gives 4
        assertEquals(64.0, strongest.power(), 1e-9);
        assertEquals(4.0, p.peaks(2).get(1).power(), 1e-9);
        assertEquals(64.0 / 68.0, strongest.share(), 1e-9);
    }

    @Test
    void lengthThatIsNotAPowerOfTwoIsZeroPadded() {
        matchesNumpy("odd");
    }

    @Test
    void birthsHaveWeeklyAndYearlyCycles() {
        matchesNumpy("births2012");
        List<Seasonality.Peak> peaks = Seasonality.periodogram(
                doubles(REFERENCES.getAsJsonObject("births2012"), "y")).peaks(3);
        assertEquals(7.0, peaks.get(0).period(), 0.05);
        assertEquals(3.5, peaks.get(1).period(), 0.05);
        assertTrue(peaks.get(2).period() > 300, "a yearly cycle, roughly located: " + peaks.get(2));
    }

    @Test
    void badInputIsNamed() {
        var tooShort = assertThrows(IllegalArgumentException.class, () -> Seasonality.periodogram(new double[]{1, 2, 3}));
        assertTrue(tooShort.getMessage().contains("at least 4 points"), tooShort.getMessage());
        var constant = assertThrows(IllegalArgumentException.class, () -> Seasonality.periodogram(new double[]{5, 5, 5, 5, 5}));
        assertTrue(constant.getMessage().contains("constant"), constant.getMessage());
        var nan = assertThrows(IllegalArgumentException.class, () -> Seasonality.periodogram(new double[]{1, Double.NaN, 3, 4}));
        assertTrue(nan.getMessage().contains("index 1"), nan.getMessage());
        var count = assertThrows(IllegalArgumentException.class,
                () -> Seasonality.periodogram(new double[]{1, 2, 1, 2}).peaks(0));
        assertTrue(count.getMessage().contains("at least 1"), count.getMessage());
    }
}
