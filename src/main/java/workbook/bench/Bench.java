package workbook.bench;

import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./workbook bench}: runs every suite, prints one table and writes
 * {@code target/bench/results.json} (a list of {@code {"name", "unit", "value"}}).
 */
public final class Bench {

    private Bench() {
    }

    /** The suites, in the order they run. Each package that has something to measure adds its suite here. */
    static List<BenchSuite> suites() {
        return List.of(new ScratchBench(), new workbook.classic.ClassicBench(), new DjlBench());
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
        write(all, output);
        System.out.println("written: " + output);
    }

    static void write(List<BenchResult> results, Path output) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, new GsonBuilder().setPrettyPrinting().create().toJson(results));
    }
}
