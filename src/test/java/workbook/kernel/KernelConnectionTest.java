package workbook.kernel;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shell channel's reader against real ZeroMQ sockets, read frame by frame as jjava's reader does. */
class KernelConnectionTest {

    private final ZMQ.Context context = ZMQ.context(1);
    private final KernelConnection.WholeMessageChannel channel;
    private final ZMQ.Socket client = context.socket(SocketType.DEALER);

    KernelConnectionTest() throws Exception {
        channel = new KernelConnection.WholeMessageChannel(context, KernelConnectionProperties.parse(
                "{\"signature_scheme\": \"hmac-sha256\", \"key\": \"k\"}").createHMACGenerator(), false, null);
        channel.setReceiveTimeOut(5_000);   // a reader that would block for the next message fails, not hangs
        int port = channel.bindToRandomPort("tcp://127.0.0.1");
        client.connect("tcp://127.0.0.1:" + port);
    }

    @AfterEach
    void close() {
        client.close();
        channel.close();
        context.close();
    }

    private void send(String... frames) {
        for (int i = 0; i < frames.length; i++) {
            client.send(frames[i].getBytes(StandardCharsets.UTF_8), i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aWholeMessageReadsAsItCame() {
        send("<IDS|MSG>", "sig", "{}", "{}", "{}", "{}", "buffer");
        channel.recv();   // the identity the ROUTER socket puts first
        for (String frame : new String[] {"<IDS|MSG>", "sig", "{}", "{}", "{}", "{}", "buffer"}) {
            assertArrayEquals(bytes(frame), channel.recv());
        }
        assertEquals(false, channel.hasReceiveMore());
    }

    @Test
    void aMessageWithoutTheDelimiterIsDroppedAndTheNextOneIsUntouched() {
        send("", "ping");
        send("<IDS|MSG>", "sig", "h", "p", "m", "c");
        channel.recv();
        channel.recv();
        assertArrayEquals(bytes("ping"), channel.recv());
        KernelConnection.BrokenMessage broken = assertThrows(KernelConnection.BrokenMessage.class, channel::recv);
        assertEquals("a message of 3 frames ended without the <IDS|MSG> delimiter", broken.getMessage());
        channel.recv();   // the next message's identity, then the message whole
        assertArrayEquals(bytes("<IDS|MSG>"), channel.recv());
        assertEquals("sig", channel.recvStr());
        for (String frame : new String[] {"h", "p", "m", "c"}) {
            assertArrayEquals(bytes(frame), channel.recv());
        }
    }

    @Test
    void aMessageCutAfterItsDelimiterIsDroppedToo() {
        send("<IDS|MSG>", "sig", "h");
        channel.recv();
        channel.recv();
        channel.recvStr();
        channel.recv();
        KernelConnection.BrokenMessage broken = assertThrows(KernelConnection.BrokenMessage.class, channel::recv);
        assertEquals("a message of 4 frames ended before the 5 frames after its <IDS|MSG> delimiter",
                broken.getMessage());
    }
}
