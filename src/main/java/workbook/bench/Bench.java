package workbook.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        if (args.length >= 1 && args[0].equals("--targets")) {
            // the launcher's last step, once PyTorch's and the kernel's rows are in each round's file
            targetsCommand(List.of(args).subList(1, args.length));
            return;
        }
        if (args.length > 1 || args.length == 1 && args[0].startsWith("--")) {
            throw new IllegalArgumentException("usage: Bench [RESULTS_JSON] | Bench --targets [--history DIR --commit ID]"
                    + " RESULTS_JSON... (one file a round); got " + String.join(" ", args));
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
     * One target as measured in one round: {@code line} says what was divided by what ("... = 0.75 (target: at most
     * 1.0)"), {@code value} is the figure or ratio held against {@code target}.
     */
    record Target(String name, String line, double value, double target, boolean atMost) {
        boolean met() {
            return atMost ? value <= target : value >= target;
        }

        String bound() {
            return (atMost ? "at most " : "at least ") + String.format(Locale.ROOT, target >= 1000 ? "%.0f" : "%.1f", target);
        }
    }

    /**
     * Every target as a figure or a ratio of figures measured in the same round, with the target next to it. Rows that
     * were not measured (no PyTorch, no kernel timing) are left out.
     */
    static List<Target> targets(List<BenchResult> results) {
        Map<String, Double> value = new HashMap<>();
        results.forEach(r -> value.put(r.name(), r.value()));
        List<Target> targets = new ArrayList<>();
        Double chars = value.get("charrnn.scratch.h100.t25");
        if (chars != null) {
            targets.add(new Target("char-rnn from scratch, one thread, characters/s", String.format(Locale.ROOT,
                    "char-rnn from scratch, one thread: %.0f characters/s (target: at least 70,000)", chars), chars,
                    70_000, false));
        }
        for (String threads : new String[] {"", ".threads2"}) {
            String how = threads.isEmpty() ? "one thread" : "two threads";
            for (String cell : new String[] {"rnn", "lstm", "gru"}) {
                String config = ".n" + DjlBench.WINDOWS + ".b" + DjlBench.BATCH + ".t" + DjlBench.STEPS + ".h" + DjlBench.HIDDEN;
                Double djl = value.get("epoch." + cell + ".djl" + config + threads);
                Double torch = value.get("epoch." + cell + ".torch" + config + threads);
                if (djl != null && torch != null) {
                    String name = String.format(Locale.ROOT, "%-4s epoch, DJL / PyTorch from Python, %s each", cell, how);
                    targets.add(new Target(name, String.format(Locale.ROOT, "%s: %.3f s / %.3f s = %.2f (target: at most %.1f)",
                            name, djl, torch, djl / torch, DJL_OVER_TORCH_TARGET), djl / torch, DJL_OVER_TORCH_TARGET, true));
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
                String name = "LSTM training, from scratch / DJL, " + how + " each";
                targets.add(new Target(name, String.format(Locale.ROOT, "%s: %.0f / %.0f sequences/s = %.2f (target: at least %.1f)",
                        name, scratch, djl, scratch / djl, SCRATCH_OVER_DJL_TARGET), scratch / djl, SCRATCH_OVER_DJL_TARGET, false));
            }
            if (scratch != null && djlBest != null && !djlBest.equals(djl)) {
                String name = "LSTM training, from scratch (" + how + ") / DJL at its best";
                targets.add(new Target(name, String.format(Locale.ROOT, "%s: %.0f / %.0f = %.2f (target: at least %.1f)",
                        name, scratch, djlBest, scratch / djlBest, SCRATCH_OVER_DJL_TARGET), scratch / djlBest,
                        SCRATCH_OVER_DJL_TARGET, false));
            }
        }
        Double kernelStart = value.get("kernel.start.first_result");
        if (kernelStart != null) {
            targets.add(new Target("kernel start to first result, s", String.format(Locale.ROOT,
                    "kernel start to first result, median: %.2f s (target: at most %.1f)", kernelStart,
                    KERNEL_START_TARGET_SECONDS), kernelStart, KERNEL_START_TARGET_SECONDS, true));
        }
        return targets;
    }

    /** The targets of one round, each line as measured. */
    static void printTargets(List<BenchResult> results) {
        System.out.println("== targets");
        for (Target t : targets(results)) {
            System.out.println("  " + t.line() + (t.met() ? "" : "  NOT MET"));
        }
    }

    /**
     * The targets over several rounds: each round measures every side in the same minutes (DJL, then PyTorch), and
     * the median over the rounds is held against the target, with every round's value beside it, so a machine that
     * slows down for a minute moves one round, not the verdict. Returns each target's median, by name.
     */
    static Map<String, Double> printMedians(List<List<BenchResult>> rounds) {
        Map<String, List<Target>> byName = new LinkedHashMap<>();
        for (List<BenchResult> round : rounds) {
            for (Target t : targets(round)) {
                byName.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        System.out.println("== targets, median of " + rounds.size() + " round" + (rounds.size() == 1 ? "" : "s"));
        for (List<Target> measured : byName.values()) {
            double[] values = measured.stream().mapToDouble(Target::value).sorted().toArray();
            int n = values.length;
            double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
            Target first = measured.get(0);
            Target atMedian = new Target(first.name(), "", median, first.target(), first.atMost());
            StringBuilder each = new StringBuilder();
            for (Target t : measured) {
                each.append(each.length() == 0 ? "" : " ").append(format(t.value()));
            }
            System.out.printf(Locale.ROOT, "  %-58s %8s  (rounds: %s; target: %s)%s%n", first.name(), format(median),
                    each, first.bound(), atMedian.met() ? "" : "  NOT MET");
            medians.put(first.name(), median);
        }
        return medians;
    }

    private static String format(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * {@code --targets [--history DIR --commit ID] FILE...}: every round's lines, then the medians; with a history
     * folder, the medians are kept there as {@code <date>-<commit>.json} and set against the latest earlier file.
     */
    private static void targetsCommand(List<String> args) throws IOException {
        Path history = null;
        String commit = "unknown";
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--history" -> history = Path.of(args.get(++i));
                case "--commit" -> commit = args.get(++i);
                default -> files.add(Path.of(args.get(i)));
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("Bench --targets needs at least one results file");
        }
        List<List<BenchResult>> rounds = new ArrayList<>();
        for (Path file : files) {
            rounds.add(read(file));
        }
        if (rounds.size() == 1) {
            printTargets(rounds.get(0));
        }
        Map<String, Double> medians = printMedians(rounds);
        if (history != null) {
            BenchHistory.keep(history, commit, rounds.size(), medians);
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
