package workbook.display;

/**
 * Cooperative stopping for long loops. The Jupyter "interrupt" button interrupts the thread that
 * runs the cell (in-process Java cannot kill a thread). Every long loop in the workbook (training,
 * backtests, sampling) calls {@link #checkpoint(String)} once per batch or step: it then stops at
 * the next batch, keeping what it has done so far.
 */
public final class Interruption {

    private Interruption() {
    }

    /**
     * Throws {@link StoppedByInterrupt} if the current thread was interrupted.
     *
     * @param progress what has been done so far, e.g. "epoch 3, batch 17"; it goes into the message
     */
    public static void checkpoint(String progress) {
        if (Thread.interrupted()) {
            throw new StoppedByInterrupt("Interrupted: stopped cleanly after " + progress
                    + "; everything trained up to there is kept.");
        }
    }

    /** Like {@link #checkpoint(String)}, for loops that build the message only when needed. */
    public static boolean requested() {
        return Thread.currentThread().isInterrupted();
    }

    /** Thrown by {@link #checkpoint(String)}; the kernel shows it as an interrupted cell. */
    public static final class StoppedByInterrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StoppedByInterrupt(String message) {
            super(message);
        }
    }
}
