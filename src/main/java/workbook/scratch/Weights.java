package workbook.scratch;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weights in and out, as plain maps {@code name → double[][]} (weights) or {@code double[]} (biases).
 *
 * <p>PyTorch: a JSON file as written by
 * {@code json.dump({k: v.tolist() for k, v in model.state_dict().items()}, f)} loads with
 * {@link #fromPyTorchJson(Path)} and goes into a network with {@link Recurrent#loadStateDict(Map)}.
 */
public final class Weights {

    private Weights() {
    }

    /** Reads {@code {"weight_ih_l0": [[...], ...], "bias_ih_l0": [...], ...}}; 2-D lists become double[][], 1-D double[]. */
    public static Map<String, Object> fromPyTorchJson(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toAbsolutePath().toString(), null, "weights file not found");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException(path + ": expected a JSON object {name: nested list}, got " + kind(root));
        }
        return fromJson(root.getAsJsonObject(), path.toString());
    }

    /** The same from a parsed JSON object (used for fixtures that hold several state dicts). */
    public static Map<String, Object> fromJson(JsonObject object, String source) {
        Map<String, Object> weights = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            weights.put(e.getKey(), toArray(e.getValue(), source + ": " + e.getKey()));
        }
        return weights;
    }

    /** Writes the map in the same JSON form PyTorch's {@code tolist()} gives. */
    public static void toPyTorchJson(Map<String, ?> weights, Path path) throws IOException {
        JsonObject root = new JsonObject();
        for (Map.Entry<String, ?> e : weights.entrySet()) {
            root.add(e.getKey(), toJson(e.getValue(), e.getKey()));
        }
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        Files.writeString(path, new GsonBuilder().create().toJson(root));
    }

    /** "[3 x 4]", "[5]", or the Java type of something that is neither. */
    static String describe(Object array) {
        if (array instanceof double[] v) {
            return "vector [" + v.length + "]";
        }
        if (array instanceof double[][] m) {
            return "matrix [" + m.length + " x " + (m.length == 0 ? 0 : m[0].length) + "]";
        }
        return array == null ? "null" : array.getClass().getSimpleName();
    }

    private static Object toArray(JsonElement e, String where) {
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException(where + ": expected a list of numbers or of lists, got " + kind(e));
        }
        JsonArray a = e.getAsJsonArray();
        if (a.size() > 0 && a.get(0).isJsonArray()) {
            double[][] m = new double[a.size()][];
            for (int r = 0; r < a.size(); r++) {
                if (!a.get(r).isJsonArray()) {
                    throw new IllegalArgumentException(where + ": row " + r + " is not a list");
                }
                m[r] = toVector(a.get(r).getAsJsonArray(), where + " row " + r);
                if (m[r].length != m[0].length) {
                    throw new IllegalArgumentException(where + ": row " + r + " has " + m[r].length + " values, row 0 has " + m[0].length);
                }
            }
            return m;
        }
        return toVector(a, where);
    }

    private static double[] toVector(JsonArray a, String where) {
        double[] v = new double[a.size()];
        for (int k = 0; k < v.length; k++) {
            JsonElement x = a.get(k);
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber()) {
                throw new IllegalArgumentException(where + ": element " + k + " is " + x + ", expected a number");
            }
            v[k] = x.getAsDouble();
        }
        return v;
    }

    private static JsonElement toJson(Object value, String name) {
        JsonArray a = new JsonArray();
        if (value instanceof double[] v) {
            for (double x : v) {
                a.add(x);
            }
        } else if (value instanceof double[][] m) {
            for (double[] row : m) {
                a.add(toJson(row, name));
            }
        } else {
            throw new IllegalArgumentException(name + ": expected double[] or double[][], got " + describe(value));
        }
        return a;
    }

    private static String kind(JsonElement e) {
        return e.isJsonObject() ? "an object" : e.isJsonArray() ? "a list" : e.isJsonNull() ? "null" : "the value " + e;
    }
}
