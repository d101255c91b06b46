package workbook.display;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

import java.io.StringReader;
import java.util.Map;

/**
 * A Tablesaw figure as the {@code application/vnd.plotly.v1+json} bundle ({@code data}, {@code layout},
 * {@code config}) that JupyterLab, VS Code and nbviewer draw natively, without the kernel's HTML; also what the
 * tests compare when an exported program stands for a second run of its notebook (the figure's numbers).
 *
 * <p>Tablesaw only writes JavaScript: object literals with unquoted keys, single-quoted strings,
 * trailing commas and HTML-escaped text. Each literal is read with Gson's lenient reader once its
 * trailing commas are dropped; the text is unescaped afterwards.
 */
public final class FigureJson {

    public static final String MIME_TYPE = "application/vnd.plotly.v1+json";

    private static final Map<String, String> ENTITIES = Map.of(
            "&#39;", "'", "&quot;", "\"", "&lt;", "<", "&gt;", ">", "&#x27;", "'", "&#x2F;", "/", "&#96;", "`");

    private FigureJson() {
    }

    /** The figure's data, layout and config as plotly's JSON; throws JsonParseException if Tablesaw's script is unreadable. */
    public static JsonObject of(Figure figure) {
        JsonObject bundle = new JsonObject();
        JsonArray data = new JsonArray();
        Trace[] traces = figure.getTraces() == null ? new Trace[0] : figure.getTraces();
        for (int i = 0; i < traces.length; i++) {
            data.add(literalAssigned(traces[i].asJavascript(i)));
        }
        bundle.add("data", data);
        bundle.add("layout", figure.getLayout() == null ? new JsonObject() : literalAssigned(figure.getLayout().asJavascript()));
        if (figure.getConfig() != null) {
            bundle.add("config", literalAssigned(figure.getConfig().asJavascript()));
        }
        return bundle;
    }

    /** The value of {@code var name = {...};} as JSON. */
    static JsonElement literalAssigned(String script) {
        int equals = script.indexOf('=');
        if (equals < 0) {
            throw new JsonParseException("no assignment in Tablesaw's script: " + script.strip());
        }
        JsonReader reader = new JsonReader(new StringReader(withoutTrailingCommas(script.substring(equals + 1))));
        return unescaped(JsonParser.parseReader(reader));
    }

    /** Drops a comma (outside strings) that only whitespace separates from a closing '}' or ']'. */
    static String withoutTrailingCommas(String js) {
        StringBuilder out = new StringBuilder(js.length());
        char quote = 0;
        for (int i = 0; i < js.length(); i++) {
            char c = js.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < js.length()) {
                    out.append(js.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ',') {
                int next = i + 1;
                while (next < js.length() && Character.isWhitespace(js.charAt(next))) {
                    next++;
                }
                if (next < js.length() && (js.charAt(next) == '}' || js.charAt(next) == ']')) {
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Tablesaw's templates HTML-escape text (a title "it's" arrives as "it&#39;s"); JSON wants the text. */
    private static JsonElement unescaped(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject copy = new JsonObject();
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                copy.add(entry.getKey(), unescaped(entry.getValue()));
            }
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            for (JsonElement item : element.getAsJsonArray()) {
                copy.add(unescaped(item));
            }
            return copy;
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString() && element.getAsString().contains("&")) {
            String text = element.getAsString();
            for (Map.Entry<String, String> entity : ENTITIES.entrySet()) {
                text = text.replace(entity.getKey(), entity.getValue());
            }
            return new JsonPrimitive(text.replace("&amp;", "&"));
        }
        return element;
    }
}
