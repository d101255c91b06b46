package workbook.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./workbook bench}: runs every suite, prints one table and writes
 * {@code target/bench/results.json} (a list of {@code {"name", "unit", "value"}}). {@code Bench --targets FILE} prints
 * issue 21's targets from such a file, once the launcher has added PyTorch's rows and the kernel's start time.
 */
public final class Bench {

    private Bench() {
    }

    /** The suites, in the order they run. Each package that has something to measure adds its suite here. */
    static List<BenchSuite> suites() {
        return List.of(new ScratchBench(), new ClassicBench(), new DjlBench());
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--targets")) {
            // the launcher's last step, once PyTorch's and the kernel's rows are in the same file
            printTargets(read(Path.of(args[1])));
            return;
        }
        if (args.length > 1 || args.length == 1 && args[0].startsWith("--")) {
            throw new IllegalArgumentException("usage: Bench [RESULTS_JSON] | Bench --targets RESULTS_JSON; got "
                    + String.join(" ", args));
        }
        Path output = Path.of(args.length > 0 ? args[0] : "target/bench/results.json");
        List<BenchResult> all = new ArrayList<>();
        for (BenchSuite suite : suites()) {
            // each suite starts from a collected heap, so it does not pay for the garbage of the one before
            System.gc();
            System.out.println("== " + suite.title());
            List<BenchResult> results = suite.run();
            for (BenchResult r : results) {
                // Small figures (seconds per epoch) need decimals; throughputs do not.
                String format = Math.abs(r.value()) < 10 ? "  %-48s %14.3f  %s%n" : "  %-48s %14.1f  %s%n";
                System.out.printf(Locale.ROOT, format, r.name(), r.value(), r.unit());
            }
            all.addAll(results);
        }
        write(all, output);
        System.out.println("written: " + output);
    }

    /** Issue 21's epoch-time target: DJL at most as long as PyTorch from Python, per cell and thread count. */
    static final double DJL_OVER_TORCH_TARGET = 1.0;
    /** Issue 21's from-scratch target: the scratch LSTM trains at least half as fast as DJL's. */
    static final double SCRATCH_OVER_DJL_TARGET = 0.5;
    /** Issue 21's kernel target: start to the first cell's result, through jupyter_client. */
    static final double KERNEL_START_TARGET_SECONDS = 1.5;

    /**
     * Every target as a figure or a ratio of figures measured in the same run, with the target next to it, so a run
     * says at once where they stand. Rows that were not measured (no PyTorch, no kernel timing) are left out.
     */
    static void printTargets(List<BenchResult> results) {
        Map<String, Double> value = new HashMap<>();
        results.forEach(r -> value.put(r.name(), r.value()));
        System.out.println("== targets");
        Double chars = value.get("charrnn.scratch.h100.t25");
        if (chars != null) {
            System.out.printf(Locale.ROOT, "  char-rnn from scratch, one thread: %.0f characters/s (target: at least 70,000)%n", chars);
        }
        for (String threads : new String[] {"", ".threads2"}) {
            String how = threads.isEmpty() ? "one thread" : "two threads";
            for (String cell : new String[] {"rnn", "lstm", "gru"}) {
                String config = ".n" + DjlBench.WINDOWS + ".b" + DjlBench.BATCH + ".t" + DjlBench.STEPS + ".h" + DjlBench.HIDDEN;
                Double djl = value.get("epoch." + cell + ".djl" + config + threads);
                Double torch = value.get("epoch." + cell + ".torch" + config + threads);
                if (djl != null && torch != null) {
                    System.out.printf(Locale.ROOT, "  %-4s epoch, DJL / PyTorch from Python, %s each: %.3f s / %.3f s = %.2f"
                            + " (target: at most %.1f)%n", cell, how, djl, torch, djl / torch, DJL_OVER_TORCH_TARGET);
                }
            }
        }
        // each from-scratch figure against DJL on as many threads, and against DJL's best (on this machine, one thread)
        Double djlOne = value.get("train.lstm.djl.b32.t50.h64");
        Double djlTwo = value.get("train.lstm.djl.b32.t50.h64.threads2");
        Double djlBest = djlOne == null ? djlTwo : djlTwo == null ? djlOne : Double.valueOf(Math.max(djlOne, djlTwo));
        for (String threads : new String[] {"", ".threads2"}) {
            Double scratch = value.get("train.lstm.scratch.b32.t50.h64" + threads);
            Double djl = threads.isEmpty() ? djlOne : djlTwo;
            String how = threads.isEmpty() ? "one thread" : "two threads";
            if (scratch != null && djl != null) {
                System.out.printf(Locale.ROOT, "  LSTM training, from scratch / DJL, %s each: %.0f / %.0f sequences/s = %.2f"
                        + " (target: at least %.1f)%n", how, scratch, djl, scratch / djl, SCRATCH_OVER_DJL_TARGET);
            }
            if (scratch != null && djlBest != null && !djlBest.equals(djl)) {
                System.out.printf(Locale.ROOT, "  LSTM training, from scratch (%s) / DJL at its best: %.0f / %.0f = %.2f"
                        + " (target: at least %.1f)%n", how, scratch, djlBest, scratch / djlBest, SCRATCH_OVER_DJL_TARGET);
            }
        }
        Double kernelStart = value.get("kernel.start.first_result");
        if (kernelStart != null) {
            System.out.printf(Locale.ROOT, "  kernel start to first result, median: %.2f s (target: at most %.1f)%n",
                    kernelStart, KERNEL_START_TARGET_SECONDS);
        }
    }

    static List<BenchResult> read(Path results) throws IOException {
        if (!Files.isRegularFile(results)) {
            throw new IOException("no benchmark results at " + results.toAbsolutePath() + ": run ./workbook bench first");
        }
        BenchResult[] rows = new Gson().fromJson(Files.readString(results), BenchResult[].class);
        return rows == null ? List.of() : List.of(rows);
    }

    static void write(List<BenchResult> results, Path output) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, new GsonBuilder().setPrettyPrinting().create().toJson(results));
    }
}
