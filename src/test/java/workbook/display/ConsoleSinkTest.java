package workbook.display;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
