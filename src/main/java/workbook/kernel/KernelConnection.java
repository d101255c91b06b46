package workbook.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * jjava's connection to Jupyter, with shell and control channels that read one message at a time, and a
 * {@link ChannelGuard} on every channel loop.
 *
 * <p>jjava's reader takes frames until the {@code <IDS|MSG>} delimiter and then five more, whether or not the
 * message has that many. A message cut short (a heartbeat's {@code ping} sent to the wrong port by a client that
 * outlived its kernel, a port scanner's bytes) made it wait for the next message and read it as the rest: that
 * request ran, its reply went to the sender of the broken one, and the reader saw a notebook waiting for nothing.
 * {@link WholeMessageChannel} notices where a message ends and drops a broken one there instead.
 */
final class KernelConnection extends JupyterConnection {

    /** Frames after the delimiter that every message has: signature, header, parent header, metadata, content. */
    static final int FRAMES_AFTER_DELIMITER = 5;
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final KernelConnectionProperties properties;
    private final PrintStream log;
    private final ZMQ.Context channelContext = ZMQ.context(1);
    private final WholeMessageChannel shellChannel;
    private final WholeMessageChannel controlChannel;

    /** {@code log}: the kernel's own log (its terminal), for notes about dropped messages. */
    KernelConnection(KernelConnectionProperties properties, PrintStream log)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        this.log = log;
        // The base class's own shell and control sockets stay unbound; these two take their ports.
        this.shellChannel = new WholeMessageChannel(channelContext, properties.createHMACGenerator(), false, this);
        this.controlChannel = new WholeMessageChannel(channelContext, properties.createHMACGenerator(), true, this);
    }

    /** As the base class's, with this class's shell and control channels, then a guard on every channel loop. */
    @Override
    public void connect() {
        heartbeat.bind(properties);
        shellChannel.bind(properties);
        controlChannel.bind(properties);
        stdin.bind(properties);
        iopub.bind(properties);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        ChannelGuard.keepListening(log);
    }

    @Override
    public void close() {
        shellChannel.close();
        controlChannel.close();
        super.close();
        channelContext.close();
    }

    @Override
    public void waitUntilClose() {
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
        super.waitUntilClose();
    }

    /** A message that ended before the frames every message has; it was read whole and dropped. */
    static final class BrokenMessage extends RuntimeException {
        BrokenMessage(int frames, boolean delimiterSeen) {
            super("a message of " + frames + (frames == 1 ? " frame" : " frames") + " ended "
                    + (delimiterSeen ? "before the " + FRAMES_AFTER_DELIMITER + " frames after its <IDS|MSG> delimiter"
                                     : "without the <IDS|MSG> delimiter"));
        }
    }

    /**
     * A shell or control channel whose reader cannot run past the end of a message. jjava's reader asks for frames
     * with {@code recv}; after the last frame of a broken message, the next such call would block for the next
     * message: it throws {@link BrokenMessage} instead, and the channel's guard drops the message and listens on.
     * Only the channel's own loop thread reads, so the counts need no lock.
     */
    static final class WholeMessageChannel extends ShellChannel {
        private int frames;
        private int framesAfterDelimiter = -1;   // -1: no delimiter yet
        private BrokenMessage endedBroken;

        WholeMessageChannel(ZMQ.Context context, HMACGenerator signer, boolean isControl, JupyterConnection connection) {
            super(context, signer, isControl, connection);
        }

        @Override
        public byte[] recv(int flags) {
            if (endedBroken != null) {
                BrokenMessage broken = endedBroken;
                endedBroken = null;
                throw broken;
            }
            byte[] frame = super.recv(flags);
            if (frame == null) {
                return null;   // nothing yet (a non-blocking read): no frame to count
            }
            frames++;
            if (framesAfterDelimiter >= 0) {
                framesAfterDelimiter++;
            } else if (Arrays.equals(frame, DELIMITER)) {
                framesAfterDelimiter = 0;
            }
            if (!hasReceiveMore()) {
                if (framesAfterDelimiter < FRAMES_AFTER_DELIMITER) {
                    endedBroken = new BrokenMessage(frames, framesAfterDelimiter >= 0);
                }
                frames = 0;
                framesAfterDelimiter = -1;
            }
            return frame;
        }
    }
}
