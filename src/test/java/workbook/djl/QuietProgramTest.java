package workbook.djl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plain program using the library prints nothing but its own lines: no INFO lines, no CUDA warning, no libtorch
 * warning; progress is a line per update when the output is a pipe; no process-wide setting changes unless asked.
 */
class QuietProgramTest {

    /** Every line the program itself may print. */
    private static final Pattern OWN_LINE = Pattern.compile("training: \\d+ batches per epoch, 2 epochs"
            + "|epoch [12]/2  batch \\d+/\\d+  loss \\d+\\.\\d{5}  \\d+ seq/s  \\d+s left"
            + "|epoch [12]/2  loss \\d+\\.\\d{6}"
            + "|prediction -?\\d\\.\\d{6}"
            + "|tuned for small models: (true|false), intra-op threads: \\d+");

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(properties));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), QuietProgram.class.getName()));
        Path dir = Files.createTempDirectory("quiet-program");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the program ran over 120 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertOnlyOwnLines(Run run) {
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err(), "stderr");
        assertFalse(run.out().contains("\r"), "no carriage return in a pipe: " + run.out());
        assertTrue(run.out().endsWith(System.lineSeparator()), "ends with a newline: " + run.out());
        String[] lines = run.out().split(System.lineSeparator());
        for (String line : lines) {
            assertTrue(OWN_LINE.matcher(line).matches(), "not the program's own line: '" + line + "' in\n" + run.out());
        }
        assertTrue(lines.length >= 7, "training line, 2+ DJL progress lines, prediction, 2 scratch epochs, threads:\n" + run.out());
        assertTrue(lines[0].startsWith("training: ") && run.out().contains("epoch 2/2  loss "), run.out());
    }

    @Test
    void aPlainProgramPrintsOnlyItsOwnLinesAndChangesNoProcessSetting() throws Exception {
        Run plain = run();
        assertOnlyOwnLines(plain);
        assertTrue(plain.out().contains("tuned for small models: false"), plain.out());

        Run tuned = run("-D" + Models.TUNING_PROPERTY + "=true");
        assertOnlyOwnLines(tuned);
        assertTrue(tuned.out().contains("tuned for small models: true, intra-op threads: 1"), tuned.out());
        // the same seeds give the same model either way
        assertEquals(line(plain.out(), "prediction"), line(tuned.out(), "prediction"));
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }
}
