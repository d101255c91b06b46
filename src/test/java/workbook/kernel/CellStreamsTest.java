package workbook.kernel;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellStreamsTest {

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final List<String[]> sent = Collections.synchronizedList(new ArrayList<>());
    private final CellStreams streams = new CellStreams(new PrintStream(terminal, true), new PrintStream(terminal, true));

    private String textOf(String streamName) {
        StringBuilder text = new StringBuilder();
        synchronized (sent) {
            sent.stream().filter(m -> m[0].equals(streamName)).forEach(m -> text.append(m[1]));
        }
        return text.toString();
    }

    @Test
    void manyLinesGoOutWholeInFewMessagesAndInOrderAcrossStreams() {
        CellStreams.Cell cell = streams.startCell((name, text) -> sent.add(new String[] {name, text}));
        streams.bindCurrentThread();
        for (int i = 0; i < 20_000; i++) {
            streams.out.println("line " + i);
        }
        streams.err.println("a warning");
        streams.out.println("after the warning");
        streams.finishCell(cell);
        String[] lines = textOf("stdout").split("\n");
        assertEquals(20_001, lines.length);
        assertEquals("line 19999", lines[19_999]);
        assertTrue(sent.size() < 50, sent.size() + " messages");
        assertEquals("a warning\n", sent.get(sent.size() - 2)[1], "stderr between the stdout it was printed between");
        assertEquals("", terminal.toString());
    }

    @Test
    void outputOverTheLimitIsCountedNotSent() {
        CellStreams.Cell cell = streams.startCell((name, text) -> sent.add(new String[] {name, text}));
        streams.bindCurrentThread();
        int lines = CellStreams.MAX_LINES_PER_CELL + 1234;
        for (int i = 0; i < lines; i++) {
            streams.out.println(i);
        }
        streams.finishCell(cell);
        assertEquals(CellStreams.MAX_LINES_PER_CELL, textOf("stdout").split("\n").length);
        assertEquals(1234, cell.leftOutLines());
        assertTrue(textOf("stderr").contains("1,234 more lines"), textOf("stderr"));
    }

    @Test
    void outputWithoutACellGoesToTheTerminal() throws InterruptedException {
        CellStreams.Cell cell = streams.startCell((name, text) -> sent.add(new String[] {name, text}));
        streams.finishCell(cell);
        Thread unowned = new Thread(() -> streams.out.println("kernel log"));
        unowned.start();
        unowned.join();
        assertEquals("kernel log" + System.lineSeparator(), terminal.toString());
        assertTrue(sent.isEmpty());
    }

    @Test
    void theTimerSendsWholeLinesSoALineIsOneOutput() throws InterruptedException {
        CellStreams.Cell cell = streams.startCell((name, text) -> sent.add(new String[] {name, text}));
        streams.bindCurrentThread();
        streams.out.print("book ");
        Thread.sleep(4 * CellStreams.FLUSH_INTERVAL_MILLIS); // several timer rounds, less than a partial line waits
        streams.out.println("684,768 characters ‖∂L‖");
        Thread.sleep(4 * CellStreams.FLUSH_INTERVAL_MILLIS);
        assertEquals(1, sent.size(), "sent by the timer, in one piece");
        assertEquals("book 684,768 characters ‖∂L‖" + System.lineSeparator(), sent.get(0)[1]);
        streams.finishCell(cell);
    }

    @Test
    void aLineWithoutItsBreakGoesOutAfterWaiting() throws InterruptedException {
        CellStreams.Cell cell = streams.startCell((name, text) -> sent.add(new String[] {name, text}));
        streams.bindCurrentThread();
        streams.out.print("Training... ");
        Thread.sleep(CellStreams.PARTIAL_LINE_MILLIS + 10 * CellStreams.FLUSH_INTERVAL_MILLIS);
        assertEquals("Training... ", textOf("stdout"), "a progress line shows while the cell still runs");
        streams.out.println("done");
        streams.finishCell(cell);
        assertEquals("Training... done" + System.lineSeparator(), textOf("stdout"));
    }

    @Test
    void aCellLeftRunningKeepsItsOutputWhileLaterCellsRun() throws Exception {
        List<String> first = Collections.synchronizedList(new ArrayList<>());
        List<String> second = Collections.synchronizedList(new ArrayList<>());
        CellStreams.Cell left = streams.startCell((name, text) -> first.add(text));
        java.util.concurrent.CountDownLatch bound = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch laterCellRuns = new java.util.concurrent.CountDownLatch(1);
        Thread background = new Thread(() -> {
            streams.bindCurrentThread().keepOutputToItself();
            bound.countDown();
            try {
                laterCellRuns.await();
            } catch (InterruptedException e) {
                return;
            }
            streams.out.println("still spinning");
            streams.out.flush();
        });
        background.start();
        bound.await();
        streams.finishCell(left);
        CellStreams.Cell later = streams.startCell((name, text) -> second.add(text));
        streams.bindCurrentThread();
        laterCellRuns.countDown();
        background.join();
        streams.out.println("the later cell's own line");
        streams.finishCell(later);
        left.flush();
        assertEquals(List.of("the later cell's own line\n"), second);
        assertEquals(List.of("still spinning\n"), first);
    }
}
