package workbook.classic;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The statsmodels numbers in src/test/resources/classic/references.json (made by
 * src/test/python/references/classic_references.py) and sarima.json (src/test/python/references/sarima_references.py).
 */
final class References {

    static final JsonObject ROOT = load("references.json");
    static final JsonObject SARIMA = load("sarima.json");

    private References() {
    }

    private static JsonObject load(String file) {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                References.class.getResourceAsStream("/classic/" + file), file), StandardCharsets.UTF_8)) {
            return new Gson().fromJson(reader, JsonObject.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject get(String key) {
        return ROOT.getAsJsonObject(key);
    }

    /** A JSON array of numbers; null entries (statsmodels' NaN) become NaN. */
    static double[] doubles(JsonObject object, String key) {
        JsonArray array = object.getAsJsonArray(key);
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement e = array.get(i);
            out[i] = e.isJsonNull() ? Double.NaN : e.getAsDouble();
        }
        return out;
    }
}
