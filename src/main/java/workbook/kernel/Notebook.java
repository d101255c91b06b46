package workbook.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.UUID;

/**
 * IJava's display functions, so notebooks written for IJava run unchanged:
 * {@code display(obj)} shows an object now and returns its display id,
 * {@code updateDisplay(id, obj)} replaces it in place. Every cell imports them statically.
 *
 * <p>The workbook's own notebooks call {@link workbook.display.Displays} instead: it works in a
 * plain Java program too, where it prints to the console.
 */
public final class Notebook {

    private Notebook() {
    }

    /** Shows {@code value} in the cell's output; returns the display id. */
    public static String display(Object value) {
        return display(value, new String[0]);
    }

    /** Shows {@code value} rendered as the given MIME types only (e.g. "text/html"). */
    public static String display(Object value, String... mimeTypes) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        DisplayData data = render(kernel, value, mimeTypes);
        String id = data.hasDisplayId() ? data.getDisplayId() : UUID.randomUUID().toString();
        data.setDisplayId(id);
        flushPrintedOutput(kernel);
        kernel.display(data);
        return id;
    }

    /** Replaces what was shown under {@code displayId}. */
    public static void updateDisplay(String displayId, Object value) {
        updateDisplay(displayId, value, new String[0]);
    }

    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        flushPrintedOutput(kernel);
        kernel.getIO().display.updateDisplay(displayId, render(kernel, value, mimeTypes));
    }

    /** Output is sent in batches: what the cell printed before a display must not arrive after it. */
    private static void flushPrintedOutput(BaseKernel kernel) {
        if (kernel instanceof JavaKernel javaKernel) {
            javaKernel.flushCellOutput();
        }
    }

    private static DisplayData render(BaseKernel kernel, Object value, String[] mimeTypes) {
        if (value instanceof DisplayData data) {
            return new DisplayData(data);
        }
        return mimeTypes.length == 0
                ? kernel.getRenderer().render(value)
                : kernel.getRenderer().renderAs(value, mimeTypes);
    }
}
