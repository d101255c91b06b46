package workbook.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code System.out} and {@code System.err} of the kernel, as ipykernel handles them: output is
 * collected per cell and sent in batches (every {@value #FLUSH_INTERVAL_MILLIS} ms, or sooner when
 * a batch reaches {@value #MAX_BATCH_BYTES} bytes), not a message per {@code println}. Thousands of
 * tiny messages overflowed ZeroMQ's queue: lines, and even the cell's "idle", were lost.
 *
 * <p>A batch sent by the timer ends at a line break: a {@code printf} writes its pieces one by one,
 * and a line cut between two messages is stored as two outputs, which differ from run to run. A
 * line without its break yet (a progress "Training... ") goes out once it has waited
 * {@value #PARTIAL_LINE_MILLIS} ms, and at once before a display, an input prompt or the cell's end.
 *
 * <p>A cell shows at most {@value #MAX_LINES_PER_CELL} lines or {@value #MAX_BYTES_PER_CELL} bytes;
 * the rest is counted, not sent, and a notice says how much was left out.
 *
 * <p>A thread started by a cell writes to that cell (an inheritable thread-local remembers it), even
 * after the cell ended, unless another cell is running then: a pooled thread created in an early cell
 * and reused later writes to the running cell. Output while no cell runs and that no cell owns goes to
 * the kernel's terminal, as before.
 */
final class CellStreams implements AutoCloseable {

    static final long FLUSH_INTERVAL_MILLIS = 50;
    static final long PARTIAL_LINE_MILLIS = 500;
    static final int MAX_BATCH_BYTES = 256 * 1024;
    static final int MAX_LINES_PER_CELL = 25_000;
    static final long MAX_BYTES_PER_CELL = 4L * 1024 * 1024;

    /** Where a cell's batches go: a Jupyter {@code stream} message named "stdout" or "stderr". */
    @FunctionalInterface
    interface Sink {
        void send(String streamName, String text);
    }

    /** The streams to install as {@code System.out} and {@code System.err}. */
    final PrintStream out;
    final PrintStream err;

    private final PrintStream terminalOut;
    private final PrintStream terminalErr;
    private final InheritableThreadLocal<Cell> owner = new InheritableThreadLocal<>();
    private final Set<Cell> withPending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cell-output-flusher");
        t.setDaemon(true);
        return t;
    });
    private volatile Cell running;

    CellStreams(PrintStream terminalOut, PrintStream terminalErr) {
        this.terminalOut = terminalOut;
        this.terminalErr = terminalErr;
        this.out = new PrintStream(new Router("stdout"), false, StandardCharsets.UTF_8);
        this.err = new PrintStream(new Router("stderr"), false, StandardCharsets.UTF_8);
        flusher.scheduleWithFixedDelay(this::flushPending, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Output from now on (of threads no other cell owns) belongs to a new cell sent to {@code sink}. */
    Cell startCell(Sink sink) {
        Cell cell = new Cell(sink);
        running = cell;
        return cell;
    }

    /** Makes the calling thread, and threads it starts from now on, write to the running cell; returns that cell. */
    Cell bindCurrentThread() {
        Cell cell = running;
        owner.set(cell);
        return cell;
    }

    /** Sends what the cell has left and, if output was cut, how much; later cells no longer write to it. */
    void finishCell(Cell cell) {
        out.flush();
        err.flush();
        cell.finish();
        if (running == cell) {
            running = null;
        }
    }

    /** Sends the calling thread's pending output now: text printed before a display must arrive before it. */
    void flushCurrent() {
        Cell cell = target();
        if (cell != null) {
            cell.flush();
        }
    }

    private Cell target() {
        Cell own = owner.get();
        Cell now = running;
        return own != null && (now == null || now == own || own.keepsOutput) ? own : now;
    }

    private void flushPending() {
        for (Cell cell : withPending) {
            withPending.remove(cell);
            if (cell.flushWholeLines(cell.waitedTooLong())) {
                withPending.add(cell); // a line without its break waits for the next round
            }
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        for (Cell cell : withPending) {
            cell.flush();
        }
    }

    /** Routes the bytes of one stream to the cell of the writing thread. */
    private final class Router extends OutputStream {
        private final String streamName;

        Router(String streamName) {
            this.streamName = streamName;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            Cell cell = target();
            if (cell == null) {
                (streamName.equals("stdout") ? terminalOut : terminalErr).write(bytes, offset, length);
                return;
            }
            if (cell.append(streamName, bytes, offset, length)) {
                withPending.add(cell);
            }
        }

        @Override
        public void flush() {
            if (target() == null) {
                (streamName.equals("stdout") ? terminalOut : terminalErr).flush();
            }
        }
    }

    /** One cell's output: a pending batch of one stream, and the counts that enforce the limit. */
    static final class Cell {
        private final Sink sink;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private String pendingStream = "stdout";
        private long pendingSinceNanos;
        private long shownLines;
        private long shownBytes;
        private long leftOutLines;
        private long leftOutBytes;
        private boolean cut;
        private int messagesSent;
        private volatile boolean keepsOutput;

        Cell(Sink sink) {
            this.sink = sink;
        }

        /**
         * From now on the threads of this cell write to it even while another cell runs: for a cell left
         * running in the background (Java 20+ cannot stop it), whose output must not flood later cells.
         */
        void keepOutputToItself() {
            keepsOutput = true;
        }

        /** Adds output; returns true when some of it waits to be sent. */
        synchronized boolean append(String streamName, byte[] bytes, int offset, int length) {
            if (cut) {
                countLeftOut(bytes, offset, length);
                return false;
            }
            if (!streamName.equals(pendingStream)) {
                flush(); // keep the order of stdout and stderr lines
                pendingStream = streamName;
            }
            if (pending.size() == 0) {
                pendingSinceNanos = System.nanoTime();
            }
            int end = offset;
            while (end < offset + length && shownLines < MAX_LINES_PER_CELL && shownBytes < MAX_BYTES_PER_CELL) {
                if (bytes[end] == '\n') {
                    shownLines++;
                }
                shownBytes++;
                end++;
            }
            pending.write(bytes, offset, end - offset);
            if (end < offset + length) {
                cut = true;
                countLeftOut(bytes, end, offset + length - end);
                flush();
                sink.send("stderr", String.format(Locale.ROOT, "%n[Output cut here: a cell shows at most %,d lines"
                        + " or %d MiB. The rest of this cell's output is counted, not shown.]%n",
                        MAX_LINES_PER_CELL, MAX_BYTES_PER_CELL >> 20));
                messagesSent++;
                return false;
            }
            if (pending.size() >= MAX_BATCH_BYTES) {
                flushWholeLines(true);
            }
            return pending.size() > 0;
        }

        private void countLeftOut(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    leftOutLines++;
                }
            }
            leftOutBytes += length;
        }

        synchronized void flush() {
            if (pending.size() > 0) {
                String text = pending.toString(StandardCharsets.UTF_8);
                pending.reset();
                sink.send(pendingStream, text);
                messagesSent++;
            }
        }

        /**
         * Sends the pending output up to its last line break, or all of it (never half a character)
         * when {@code evenAPartialLine}. Returns true when some output is still waiting.
         */
        synchronized boolean flushWholeLines(boolean evenAPartialLine) {
            byte[] bytes = pending.toByteArray();
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end == 0 && evenAPartialLine) {
                end = bytes.length;
                while (end > 0 && (bytes[end - 1] & 0xC0) == 0x80) {
                    end--; // back off to the first byte of the last character...
                }
                if (end > 0 && (bytes[end - 1] & 0x80) != 0) {
                    end--; // ...and leave that character, maybe incomplete, for the next batch
                }
                if (end == 0) {
                    end = bytes.length;
                }
            }
            if (end > 0) {
                sink.send(pendingStream, new String(bytes, 0, end, StandardCharsets.UTF_8));
                messagesSent++;
                pending.reset();
                pending.write(bytes, end, bytes.length - end);
                pendingSinceNanos = System.nanoTime();
            }
            return pending.size() > 0;
        }

        /** True when the oldest output waiting has waited {@value #PARTIAL_LINE_MILLIS} ms. */
        synchronized boolean waitedTooLong() {
            return System.nanoTime() - pendingSinceNanos >= TimeUnit.MILLISECONDS.toNanos(PARTIAL_LINE_MILLIS);
        }

        synchronized void finish() {
            flush();
            if (cut) {
                sink.send("stderr", String.format(Locale.ROOT, "[%,d more lines (%.1f MiB) of output were left out.]%n",
                        leftOutLines, leftOutBytes / (1024.0 * 1024.0)));
                messagesSent++;
            }
        }

        synchronized long leftOutLines() {
            return leftOutLines;
        }

        /** Stream messages sent so far, notices included. */
        synchronized int messagesSent() {
            return messagesSent;
        }
    }
}
