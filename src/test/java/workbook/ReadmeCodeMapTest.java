package workbook;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's code map ("## The code") against the tree: a row for every package and every code folder, none for
 * one that is gone, every path it names there, and its list of the layering equal to the package-infos' rules
 * ({@link LayeringTest}), ground up.
 */
class ReadmeCodeMapTest {

    private static final Pattern PACKAGE_ROW = Pattern.compile("^\\| `workbook\\.([a-z]+)` \\|");
    private static final Pattern FOLDER_ROW = Pattern.compile("^\\| `([^`]+)/` \\|");
    private static final Pattern LAYER_LINE = Pattern.compile("^- ((?:`[a-z]+`(?:, )?)+): (.+)$");
    private static final Pattern NAMED_PATH = Pattern.compile("`([.\\w-]+/[^`\\s]*)`");
    /** Folders whose own sub-folders have rows, instead of one row for them: the packages, the Python by role. */
    private static final Set<String> LISTED_BY_SUB_FOLDER = Set.of("src/main/java", "src/test/python");

    @Test
    void everyPackageHasARowAndEveryRowAPackage() throws IOException {
        assertEquals(LayeringTest.packages(), rowsNaming(PACKAGE_ROW),
                "the README's package table (## The code) against " + LayeringTest.SOURCES);
    }

    @Test
    void everyCodeFolderHasARowAndEveryRowAFolder() throws IOException {
        assertEquals(codeFolders(), rowsNaming(FOLDER_ROW), "the README's folder table (## The code) against the tree");
    }

    @Test
    void everyPathTheSectionNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String line : codeSection()) {
            Matcher m = NAMED_PATH.matcher(line);
            while (m.find()) {
                String path = m.group(1);
                if (!path.startsWith("target/") && !path.startsWith("./") && !Files.exists(Path.of(path))) {
                    missing.add(path);
                }
            }
        }
        assertEquals(List.of(), missing, "paths named under ## The code that do not exist");
    }

    @Test
    void theLayeringListIsThePackageInfosRulesGroundUp() throws IOException {
        Map<String, Set<String>> listed = new LinkedHashMap<>();
        for (String line : codeSection()) {
            Matcher m = LAYER_LINE.matcher(line);
            if (m.matches()) {
                Set<String> allowed = m.group(2).equals("nothing of the workbook")
                        ? Set.of() : new TreeSet<>(List.of(m.group(2).split(", ")));
                for (String pkg : m.group(1).replace("`", "").split(", ")) {
                    assertTrue(listed.keySet().containsAll(allowed),
                            pkg + " is listed below a package it may import: list the layers ground up");
                    listed.put(pkg, allowed);
                }
            }
        }
        assertEquals(LayeringTest.rules(), new TreeMap<>(listed),
                "the README's layering list (## The code) against the package-infos' 'May import:' lines");
    }

    /** What the section's table rows of one kind name (the pattern's first group). */
    private static Set<String> rowsNaming(Pattern row) throws IOException {
        Set<String> named = new TreeSet<>();
        for (String line : codeSection()) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                named.add(m.group(1));
            }
        }
        return named;
    }

    /** The folders that hold code outside the packages: src/'s and its parts' sub-folders, and .ci. */
    static Set<String> codeFolders() throws IOException {
        Set<String> folders = new TreeSet<>(List.of(".ci"));
        List<String> pending = new ArrayList<>(List.of("src"));
        while (!pending.isEmpty()) {
            String folder = pending.remove(0);
            try (Stream<Path> entries = Files.list(Path.of(folder))) {
                for (Path entry : (Iterable<Path>) entries.filter(Files::isDirectory).sorted()::iterator) {
                    String path = folder + "/" + entry.getFileName();
                    if (entry.getFileName().toString().startsWith("__")) {
                        continue;   // __pycache__: Python's, not the project's
                    }
                    if (path.equals("src/main") || path.equals("src/test") || LISTED_BY_SUB_FOLDER.contains(path)) {
                        if (!path.equals("src/main/java")) {
                            pending.add(path);
                        }
                    } else {
                        folders.add(path);
                    }
                }
            }
        }
        return folders;
    }

    /** The README's lines from "## The code" to the next section. */
    static List<String> codeSection() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("## The code");
        assertTrue(start >= 0, "README.md has a section '## The code'");
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }
}
