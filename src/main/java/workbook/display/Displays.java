package workbook.display;

import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

import java.io.Console;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The current {@link DisplaySink}. Outside a notebook it is the console: values are printed as
 * text; updates overwrite the current line on a terminal and are lines of their own in a file or a pipe. The workbook's kernel installs its own sink at start.
 */
public final class Displays {

    private static volatile DisplaySink current = new ConsoleSink();

    private Displays() {
    }

    public static DisplaySink current() {
        return current;
    }

    /** Called once by the kernel; teaching code never needs it. */
    public static void install(DisplaySink sink) {
        current = Objects.requireNonNull(sink, "sink");
    }

    /** Shows a value where the reader is looking (notebook output or console). */
    public static String display(Object value) {
        return current.display(value);
    }

    /** Tables longer than this show their first and last rows only, in a notebook and on the console. */
    public static final int MAX_TABLE_ROWS = 20;

    /**
     * A value as text: what the console prints and what a notebook keeps as its plain-text form. A figure is its
     * title and number of traces (its drawing needs a browser: save it with {@code Plots.save}), a table its
     * rows (the first and last when there are more than {@link #MAX_TABLE_ROWS}), anything else its toString.
     */
    public static String text(Object value) {
        if (value instanceof Figure figure) {
            String title = figure.getLayout() == null ? null : figure.getLayout().getTitle();
            int traces = figure.getTraces() == null ? 0 : figure.getTraces().length;
            return "Figure: " + (title == null || title.isBlank() ? "(untitled)" : title)
                    + " (" + traces + (traces == 1 ? " trace)" : " traces)");
        }
        if (value instanceof Table table) {
            return table.print(MAX_TABLE_ROWS);
        }
        return String.valueOf(value);
    }

    public static void update(String displayId, Object value) {
        current.update(displayId, value);
    }

    /** Ends a display that will not be updated again: on a terminal, the progress line gets its newline. */
    public static void finish(String displayId) {
        if (displayId != null) {
            current.finish(displayId);
        }
    }

    /**
     * Plain-text fallback. On a terminal a display's updates rewrite its line in place with '\r' and {@link #finish}
     * ends the line; when the output is a file or a pipe, every display and update is a line of its own, so a log
     * holds no '\r' and never ends mid-line.
     */
    static final class ConsoleSink implements DisplaySink {
        private final boolean terminal;
        private final PrintStream out;
        private int counter;
        /** The display whose line is still open on the terminal, or null. */
        private String openId;
        private int openLength;

        ConsoleSink() {
            this(isTerminal(), null);
        }

        /** {@code out} null: System.out as it is at each call (tests and the kernel may replace it). */
        ConsoleSink(boolean terminal, PrintStream out) {
            this.terminal = terminal;
            this.out = out;
        }

        private PrintStream out() {
            return out != null ? out : System.out;
        }

        @Override
        public synchronized String display(Object value) {
            String id = "console-" + (++counter);
            show(id, text(value), false);
            return id;
        }

        @Override
        public synchronized void update(String displayId, Object value) {
            show(displayId, text(value), displayId.equals(openId));
        }

        @Override
        public synchronized void finish(String displayId) {
            if (displayId.equals(openId)) {
                out().println();
                out().flush();
                openId = null;
            }
        }

        private void show(String id, String text, boolean inPlace) {
            PrintStream o = out();
            if (!terminal) {
                o.println(text);
            } else if (inPlace) {
                // pad with spaces so a shorter line leaves nothing of the longer one behind
                o.print("\r" + text + " ".repeat(Math.max(0, openLength - text.length())));
                openLength = text.length();
            } else {
                if (openId != null) {
                    o.println();
                }
                o.print(text);
                openId = id;
                openLength = text.length();
            }
            o.flush();
        }

        /** A terminal, not a file or a pipe. Java 22+ has a Console also when redirected, and says so with isTerminal. */
        static boolean isTerminal() {
            Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (NoSuchMethodException beforeJava22) {
                return true;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }
    }
}
