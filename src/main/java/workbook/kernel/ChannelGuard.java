package workbook.kernel;

import org.dflib.jjava.jupyter.channels.Loop;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the kernel's channels listening after a message they cannot read or handle.
 *
 * <p>jjava's channel loops (shell, control, heartbeat) end for good when reading or handling a message throws. One
 * message with a wrong signature or broken JSON, which any process on the machine can send to the kernel's ports
 * (on a shared JupyterHub node, another user's), left the kernel looking alive, its process and heartbeat up, and
 * answering nothing: the reader's variables were out of reach. ipykernel drops such a message, logs it and listens
 * on; so does this. An {@code Error} while handling a request, which jjava's handlers let through, is treated the
 * same way. A failure of ZeroMQ itself (a closed socket or context, as at shutdown) still ends the loop.
 *
 * <p>A message cut short would not throw: jjava's reader would wait for the next message and read it as the rest.
 * {@link KernelConnection}'s channels throw for it, so that it is dropped here too.
 */
final class ChannelGuard {

    /** A short pause after a dropped message, so that a flood of them cannot keep a core busy. */
    static final long PAUSE_AFTER_DROPPED_MILLIS = 10;
    /** Notes on the kernel's terminal per channel; after that, dropped messages are only counted. */
    static final int NOTES_PER_CHANNEL = 10;

    private ChannelGuard() {
    }

    /**
     * Makes every channel loop started so far drop what it cannot read, with a note to {@code log} (the kernel's
     * terminal, not a cell's output). Returns the names of the loops guarded.
     */
    static List<String> keepListening(PrintStream log) {
        List<String> guarded = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread instanceof Loop loop && loop.isAlive()) {
                String channel = loop.getName();
                AtomicInteger dropped = new AtomicInteger();
                loop.onError(error -> afterError(channel, error, dropped.incrementAndGet(), log));
                guarded.add(channel);
            }
        }
        return guarded;
    }

    /** What the loop does next: a positive pause to listen on, or -1 to stop (jjava's loop reads it so). */
    static long afterError(String channel, Throwable error, int droppedSoFar, PrintStream log) {
        if (isZeroMqFailure(error)) {
            return -1;
        }
        if (droppedSoFar <= NOTES_PER_CHANNEL) {
            log.println("Note: the kernel's channel loop " + channel + " dropped a message it could not read or handle ("
                    + error + ") and listens on."
                    + (droppedSoFar == NOTES_PER_CHANNEL ? " Further ones are dropped without a note." : ""));
        }
        return PAUSE_AFTER_DROPPED_MILLIS;
    }

    /** ZeroMQ's own exceptions (a socket or context closed or broken), not a bad message. */
    static boolean isZeroMqFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            if (type.startsWith("org.zeromq.") || type.startsWith("zmq.")) {
                return true;
            }
        }
        return false;
    }
}
