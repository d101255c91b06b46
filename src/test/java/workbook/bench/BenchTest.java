package workbook.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchTest {

    private static String targetsOf(List<BenchResult> results) {
        return printed(() -> Bench.printTargets(results));
    }

    interface Printing {
        void run() throws IOException;
    }

    private static String printed(Printing printing) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            printing.run();
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static List<BenchResult> round(double djlRnn, double torchRnn, double kernelStart) {
        return List.of(new BenchResult("epoch.rnn.djl.n2000.b32.t50.h64", "s", djlRnn),
                new BenchResult("epoch.rnn.torch.n2000.b32.t50.h64", "s", torchRnn),
                new BenchResult("kernel.start.first_result", "s", kernelStart));
    }

    @Test
    void theVerdictIsTheMedianOfTheRoundsWithEveryRoundShown() {
        // one slow round (a busy minute on the machine) moves that round's ratio, not the median
        List<List<BenchResult>> rounds = List.of(round(0.18, 0.20, 1.4), round(0.30, 0.20, 1.6), round(0.19, 0.20, 1.45));
        Map<String, Double>[] medians = new Map[1];
        String shown = printed(() -> medians[0] = Bench.printMedians(rounds));
        assertTrue(shown.contains("median of 3 rounds"), shown);
        assertEquals(0.95, medians[0].get("rnn  epoch, DJL / PyTorch from Python, one thread each"), 1e-12);
        assertEquals(1.45, medians[0].get("kernel start to first result, s"), 1e-12);
        assertTrue(shown.contains("(rounds: 0.90 1.50 0.95; target: at most 1.0)"), shown);
        assertFalse(shown.contains("NOT MET"), shown);
        // two of three rounds over the target: not met
        String slow = printed(() -> Bench.printMedians(List.of(round(0.25, 0.20, 1.4), round(0.24, 0.20, 1.4),
                round(0.10, 0.20, 1.4))));
        assertTrue(slow.lines().anyMatch(l -> l.contains("rnn  epoch") && l.endsWith("NOT MET")), slow);
    }

    @Test
    void eachRunIsKeptAndSetAgainstTheOneBefore(@TempDir Path folder) throws IOException {
        String first = printed(() -> BenchHistory.keep(folder, "abc1234", 3, Map.of("kernel start to first result, s", 2.0)));
        assertFalse(first.contains("since the last run"), first);
        // a stray file in the folder (sorted last) is skipped, not fatal
        Files.writeString(folder.resolve("99999999-notes.json"), "not json {");
        String second = printed(() -> BenchHistory.keep(folder, "def5678-modified", 3,
                Map.of("kernel start to first result, s", 1.5)));
        assertTrue(second.contains("commit abc1234"), second);
        assertTrue(second.contains("2.000 ->      1.500  (-25%)"), second);
        BenchHistory.Run latest = BenchHistory.latest(folder);
        assertEquals("def5678-modified", latest.commit());
        assertEquals(3, latest.rounds());
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
