package workbook.check;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Checkers print their verdict; tests of checkers read it back from here. */
abstract class CapturesStandardOutput {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStandardOutput() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardOutput() {
        System.setOut(original);
    }

    /** What was printed so far in this test, stripped. */
    String printed() {
        return captured.toString(StandardCharsets.UTF_8).strip();
    }

    /** What was printed since the last call, stripped; the next call starts afresh. */
    String takeOutput() {
        String text = printed();
        captured.reset();
        return text;
    }
}
