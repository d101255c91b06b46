package workbook.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import workbook.display.DisplaySink;
import tech.tablesaw.plotly.components.Figure;
import workbook.display.Displays;
import workbook.display.FigureJson;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs an exported program's {@code main} and records what it shows as a notebook would keep it: text written to
 * {@code System.out} and {@code System.err} as stream outputs, each display as one output whose text an update
 * replaces (a notebook keeps a progress line's last state; the console prints every state), an uncaught exception
 * as an error output. Writes them as nbformat outputs (JSON), so a test can compare the program's results with the
 * notebook's, in order (a figure's plotted numbers too). The program itself is not changed: only the display sink is, as the kernel changes it.
 *
 * <p>Usage: {@code RecordedRun OUTPUTS_JSON PROGRAM_CLASS}; exit status 1 when the program threw.
 */
public final class RecordedRun {

    private final JsonArray outputs = new JsonArray();
    private final Map<String, JsonObject> displays = new HashMap<>();
    private String pendingStream;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private int counter;

    private RecordedRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RecordedRun OUTPUTS_JSON PROGRAM_CLASS; got " + args.length + " arguments");
            System.exit(2);
        }
        RecordedRun run = new RecordedRun();
        PrintStream console = System.err;
        System.setOut(new PrintStream(run.stream("stdout"), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(run.stream("stderr"), true, StandardCharsets.UTF_8));
        Displays.install(run.sink());
        int status = 0;
        try {
            Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            run.error(e.getCause());
            e.getCause().printStackTrace(console);
            status = 1;
        }
        System.out.flush();
        System.err.flush();
        synchronized (run) {
            run.flushPending();
            Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();
            Files.writeString(Path.of(args[0]), gson.toJson(run.outputs) + "\n", StandardCharsets.UTF_8);
        }
        System.exit(status);   // DJL's threads must not keep the JVM alive
    }

    private OutputStream stream(String name) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (RecordedRun.this) {
                    if (!name.equals(pendingStream)) {
                        flushPending();
                        pendingStream = name;
                    }
                    pending.write(b, off, len);
                }
            }
        };
    }

    /** Text written so far becomes one stream output (a display or another stream comes next). */
    private void flushPending() {
        if (pendingStream != null && pending.size() > 0) {
            JsonObject stream = new JsonObject();
            stream.addProperty("output_type", "stream");
            stream.addProperty("name", pendingStream);
            stream.addProperty("text", pending.toString(StandardCharsets.UTF_8));
            outputs.add(stream);
        }
        pending.reset();
        pendingStream = null;
    }

    private DisplaySink sink() {
        return new DisplaySink() {
            @Override
            public String display(Object value) {
                synchronized (RecordedRun.this) {
                    System.out.flush();
                    flushPending();
                    String id = "recorded-" + (++counter);
                    JsonObject output = new JsonObject();
                    output.addProperty("output_type", "display_data");
                    output.add("data", plainText(value));
                    outputs.add(output);
                    displays.put(id, output);
                    return id;
                }
            }

            @Override
            public void update(String displayId, Object value) {
                synchronized (RecordedRun.this) {
                    JsonObject output = displays.get(displayId);
                    if (output != null) {
                        output.add("data", plainText(value));
                    }
                }
            }
        };
    }

    /** A value's plain text, and for a figure its plotted numbers (plotly's JSON, as the kernel sends it). */
    private static JsonObject plainText(Object value) {
        JsonObject data = new JsonObject();
        data.addProperty("text/plain", Displays.text(value));
        if (value instanceof Figure figure) {
            data.add(FigureJson.MIME_TYPE, FigureJson.of(figure));
        }
        return data;
    }

    private synchronized void error(Throwable thrown) {
        flushPending();
        JsonObject error = new JsonObject();
        error.addProperty("output_type", "error");
        error.addProperty("ename", thrown.getClass().getName());
        error.addProperty("evalue", String.valueOf(thrown.getMessage()));
        outputs.add(error);
    }
}
