package workbook.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchTest {

    private static String targetsOf(List<BenchResult> results) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Bench.printTargets(results);
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void targetsShowEachRatioOfTheSameRunWithItsTarget() {
        String shown = targetsOf(List.of(
                new BenchResult("epoch.rnn.djl.n2000.b32.t50.h64", "s", 0.150),
                new BenchResult("epoch.rnn.torch.n2000.b32.t50.h64", "s", 0.200),
                new BenchResult("epoch.gru.djl.n2000.b32.t50.h64.threads2", "s", 0.500),
                new BenchResult("epoch.gru.torch.n2000.b32.t50.h64.threads2", "s", 0.400),
                new BenchResult("train.lstm.djl.b32.t50.h64", "sequences/s", 8000),
                new BenchResult("train.lstm.scratch.b32.t50.h64", "sequences/s", 4400),
                new BenchResult("kernel.start.first_result", "s", 1.234)));
        assertTrue(shown.contains("rnn  epoch, DJL / PyTorch from Python, one thread each: 0.150 s / 0.200 s = 0.75"
                + " (target: at most 1.0)"), shown);
        assertTrue(shown.contains("gru  epoch, DJL / PyTorch from Python, two threads each: 0.500 s / 0.400 s = 1.25"),
                shown);
        assertTrue(shown.contains("LSTM training, from scratch / DJL, one thread each: 4400 / 8000 sequences/s = 0.55"
                + " (target: at least 0.5)"), shown);
        assertTrue(shown.contains("kernel start to first result, median: 1.23 s (target: at most 1.5)"), shown);
        // a cell PyTorch did not time has no ratio, and no row is made up for it
        assertFalse(shown.contains("lstm epoch"), shown);
    }

    @Test
    void targetsComeBackFromTheResultsFile(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("results.json");
        List<BenchResult> rows = List.of(new BenchResult("epoch.lstm.djl.n2000.b32.t50.h64", "s", 0.25),
                new BenchResult("epoch.lstm.torch.n2000.b32.t50.h64", "s", 0.5));
        Bench.write(rows, file);
        assertEquals(rows, Bench.read(file));
        assertTrue(targetsOf(Bench.read(file)).contains("= 0.50 (target: at most 1.0)"));
        IOException missing = assertThrows(IOException.class, () -> Bench.read(folder.resolve("none.json")));
        assertTrue(missing.getMessage().contains("run ./workbook bench first"), missing.getMessage());
    }
}
