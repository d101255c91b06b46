package workbook.bench;

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
 * {@code target/bench/results.json} (a list of {@code {"name", "unit", "value"}}).
 */
public final class Bench {

    private Bench() {
    }

    /** The suites, in the order they run. Each package that has something to measure adds its suite here. */
    static List<BenchSuite> suites() {
        return List.of(new ScratchBench(), new ClassicBench(), new DjlBench());
    }

    public static void main(String[] args) throws Exception {
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
        printTargets(all);
        write(all, output);
        System.out.println("written: " + output);
    }

    /** The from-scratch targets, as figures and ratios, so a run says at once where they stand. */
    static void printTargets(List<BenchResult> results) {
        Map<String, Double> value = new HashMap<>();
        results.forEach(r -> value.put(r.name(), r.value()));
        System.out.println("== targets");
        Double chars = value.get("charrnn.scratch.h100.t25");
        if (chars != null) {
            System.out.printf(Locale.ROOT, "  char-rnn from scratch, one thread: %.0f characters/s (target: at least 70,000)%n", chars);
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
                System.out.printf(Locale.ROOT, "  LSTM training, from scratch / DJL, %s each: %.0f / %.0f = %.2f (target: at least 0.5)%n",
                        how, scratch, djl, scratch / djl);
            }
            if (scratch != null && djlBest != null && !djlBest.equals(djl)) {
                System.out.printf(Locale.ROOT, "  LSTM training, from scratch (%s) / DJL at its best: %.0f / %.0f = %.2f (target: at least 0.5)%n",
                        how, scratch, djlBest, scratch / djlBest);
            }
        }
    }

    static void write(List<BenchResult> results, Path output) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, new GsonBuilder().setPrettyPrinting().create().toJson(results));
    }
}
