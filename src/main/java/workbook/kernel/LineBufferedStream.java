package workbook.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes output on a line at a time. The base library's streams flush on every write, so one
 * {@code printf} became a dozen separate stream messages (and broken lines in exported HTML).
 * Whatever is left without a newline goes out when the cell ends ({@link #flush()}).
 */
final class LineBufferedStream extends OutputStream {

    private static final int MAX_PENDING_BYTES = 8192;

    private final OutputStream target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private LineBufferedStream(OutputStream target) {
        this.target = target;
    }

    /** A print stream for {@code System.out} or {@code System.err} that writes whole lines to {@code target}. */
    static PrintStream around(OutputStream target) {
        return new PrintStream(new LineBufferedStream(target), false, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (b == '\n' || pending.size() >= MAX_PENDING_BYTES) {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
        boolean newline = false;
        for (int i = offset; i < offset + length && !newline; i++) {
            newline = bytes[i] == '\n';
        }
        if (newline || pending.size() >= MAX_PENDING_BYTES) {
            flush();
        }
    }

    @Override
    public synchronized void flush() {
        if (pending.size() > 0) {
            try {
                pending.writeTo(target);
                target.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            pending.reset();
        }
    }
}
