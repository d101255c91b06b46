package workbook.kernel;

import org.junit.jupiter.api.Test;
import org.zeromq.ZMQException;
import zmq.ZError;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelGuardTest {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    private String log() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMessageThatCannotBeReadIsDroppedWithANoteAndTheLoopListensOn() {
        long next = ChannelGuard.afterError("Shell-0",
                new SecurityException("Message received had invalid signature"), 1, log);
        assertEquals(ChannelGuard.PAUSE_AFTER_DROPPED_MILLIS, next);
        assertEquals("Note: the kernel's channel loop Shell-0 dropped a message it could not read or handle"
                + " (java.lang.SecurityException: Message received had invalid signature) and listens on.\n", log());
    }

    @Test
    void anErrorWhileHandlingARequestIsDroppedToo() {
        assertEquals(ChannelGuard.PAUSE_AFTER_DROPPED_MILLIS,
                ChannelGuard.afterError("Shell-0", new StackOverflowError(), 1, log));
    }

    @Test
    void zeroMqsOwnFailuresStillEndTheLoop() {
        assertEquals(-1, ChannelGuard.afterError("Shell-0", new ZMQException("Context was terminated",
                ZError.ETERM), 1, log));
        assertEquals(-1, ChannelGuard.afterError("Shell-0",
                new IllegalStateException("wrapped", new ZError.CtxTerminatedException()), 1, log));
        assertEquals("", log(), "closing is not a dropped message");
    }

    @Test
    void aFloodGetsTenNotesThenOnlyCounts() {
        for (int dropped = 1; dropped <= 1000; dropped++) {
            assertEquals(ChannelGuard.PAUSE_AFTER_DROPPED_MILLIS,
                    ChannelGuard.afterError("Shell-1", new IllegalArgumentException("bad"), dropped, log));
        }
        String[] lines = log().split("\n");
        assertEquals(ChannelGuard.NOTES_PER_CHANNEL, lines.length);
        assertTrue(lines[lines.length - 1].endsWith("Further ones are dropped without a note."), lines[lines.length - 1]);
    }
}
