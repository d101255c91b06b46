package workbook.display;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress on the console: in place on a terminal, a line per update in a file or a pipe. */
class ConsoleSinkTest {

    private static String run(boolean terminal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Displays.ConsoleSink sink = new Displays.ConsoleSink(terminal, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String id = sink.display("training: 2 epochs");
        sink.update(id, "epoch 1/2");
        sink.update(id, "epoch 2/2 done");
        sink.finish(id);
        sink.finish(id);   // a second finish adds nothing
        String other = sink.display("next");
        sink.finish(other);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFileOrPipeGetsOneLinePerUpdateAndNoCarriageReturn() {
        assertEquals("training: 2 epochs\nepoch 1/2\nepoch 2/2 done\nnext\n", run(false).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aTerminalRewritesTheLineInPlaceAndEndsItOnFinish() {
        // "epoch 1/2" is 9 characters after an 18-character line: 9 spaces wipe the rest
        assertEquals("training: 2 epochs\repoch 1/2         \repoch 2/2 done\nnext\n",
                run(true).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aFigureIsItsTitleAndTracesAndALongTableItsFirstAndLastRows() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Displays.ConsoleSink sink = new Displays.ConsoleSink(false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        double[] values = new double[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Table table = Table.create("thirty rows", DoubleColumn.create("x", values), DoubleColumn.create("y", values));
        sink.display(LinePlot.create("y against x", table, "x", "y"));
        sink.display(table);
        String printed = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        assertEquals("Figure: y against x (1 trace)", printed.lines().findFirst().orElseThrow());   // not Figure@1b2c3d
        assertEquals(table.print(Displays.MAX_TABLE_ROWS) + "\n", printed.substring(printed.indexOf('\n') + 1));
        assertTrue(printed.contains("29"), printed);
        assertFalse(printed.contains("  14  "), "the middle rows are left out: " + printed);
    }
}
