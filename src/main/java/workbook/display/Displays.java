package workbook.display;

import java.util.Objects;

/**
 * The current {@link DisplaySink}. Outside a notebook it is the console: values are printed as
 * text and updates overwrite the current line. The workbook's kernel installs its own sink at start.
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

    public static void update(String displayId, Object value) {
        current.update(displayId, value);
    }

    /** Plain-text fallback: one line per display, progress updates rewrite the line with '\r'. */
    static final class ConsoleSink implements DisplaySink {
        private int counter;
        private String lastId;

        @Override
        public synchronized String display(Object value) {
            if (lastId != null) {
                System.out.println();
            }
            lastId = "console-" + (++counter);
            System.out.print(value);
            System.out.flush();
            return lastId;
        }

        @Override
        public synchronized void update(String displayId, Object value) {
            if (displayId.equals(lastId)) {
                System.out.print("\r" + value);
            } else {
                System.out.print(System.lineSeparator() + value);
                lastId = displayId;
            }
            System.out.flush();
        }
    }
}
