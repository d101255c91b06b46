package workbook.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's medians, kept from run to run: one file per run, {@code <yyyyMMdd-HHmmss>-<commit>.json}, in a folder
 * the build does not clean ({@code ./workbook bench} uses {@code .workbook/bench-history/}), so a change can be set
 * against the commits before it on the same machine.
 */
final class BenchHistory {

    /** One run's record: which commit, when, over how many rounds, and each target's median. */
    record Run(String commit, String date, int rounds, Map<String, Double> medians) {
    }

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private BenchHistory() {
    }

    /** Prints how each median moved since the latest run kept in {@code folder}, then keeps this one there. */
    static Path keep(Path folder, String commit, int rounds, Map<String, Double> medians) throws IOException {
        Files.createDirectories(folder);
        Run previous = latest(folder);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Run run = new Run(commit, now.toString(), rounds, medians);
        if (previous != null) {
            System.out.println("== since the last run kept (commit " + previous.commit() + ", " + previous.date() + ")");
            for (Map.Entry<String, Double> e : medians.entrySet()) {
                Double before = previous.medians().get(e.getKey());
                if (before != null) {
                    System.out.printf(Locale.ROOT, "  %-58s %10.3f -> %10.3f  (%+.0f%%)%n", e.getKey(), before, e.getValue(),
                            100 * (e.getValue() / before - 1));
                }
            }
        }
        String safeCommit = commit.replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = folder.resolve(FILE_DATE.format(now) + "-" + safeCommit + ".json");
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(run));
        System.out.println("kept: " + file);
        return file;
    }

    /** The latest readable run in {@code folder} (by file name, which starts with the date), or null. */
    static Run latest(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (int i = files.size() - 1; i >= 0; i--) {
            try {
                Run run = new Gson().fromJson(Files.readString(files.get(i)), Run.class);
                if (run != null && run.medians() != null) {
                    return run;
                }
            } catch (JsonParseException | IOException unreadable) {
                System.out.println("  (skipped " + files.get(i) + ": not a benchmark run: "
                        + unreadable.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        return null;
    }
}
