package workbook.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the workbook's {@code data/} folder. Notebooks run with the working directory
 * {@code notebooks/}, tests and programs with the repository root, so both {@code ./data} and
 * {@code ../data} are tried; the system property {@value #PROPERTY} overrides both.
 */
public final class DataFiles {

    /** System property naming the data folder explicitly, e.g. {@code -Dworkbook.data=/srv/data}. */
    public static final String PROPERTY = "workbook.data";

    private DataFiles() {
    }

    /** The data folder; the error lists every path that was tried. */
    public static Path directory() {
        List<Path> tried = candidates();
        for (Path candidate : tried) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("data folder not found; tried " + tried
                + " (set -D" + PROPERTY + "=/path/to/data to choose it)");
    }

    /** A file inside the data folder, e.g. {@code DataFiles.file("stocks.csv")}. */
    public static Path file(String name) {
        Path path = directory().resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("data file '" + name + "' not found: " + path.toAbsolutePath());
        }
        return path;
    }

    private static List<Path> candidates() {
        List<Path> tried = new ArrayList<>();
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            tried.add(Path.of(override).toAbsolutePath().normalize());
            return tried;
        }
        Path cwd = Path.of("").toAbsolutePath();
        tried.add(cwd.resolve("data"));
        if (cwd.getParent() != null) {
            tried.add(cwd.getParent().resolve("data"));
        }
        return tried;
    }
}
