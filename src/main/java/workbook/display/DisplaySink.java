package workbook.display;

/**
 * Where teaching code sends things to show: a notebook (through the kernel) or the console.
 * The teaching packages only know this interface, never the kernel.
 */
public interface DisplaySink {

    /** Shows {@code value} and returns an id that {@link #update} can later replace in place. */
    String display(Object value);

    /** Replaces what was shown under {@code displayId} with {@code value}. */
    void update(String displayId, Object value);

    /** Says that {@code displayId} will not be updated again (the console ends its line); nothing by default. */
    default void finish(String displayId) {
    }
}
