package workbook;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages' layering: each package-info.java says, in one line, which workbook packages its package may use
 * ({@code <p>May import: {@code workbook.data}, {@code workbook.display}.} or {@code May import: nothing of the
 * workbook.}); that line is the one source of the rules. This test holds every main source file to its package's
 * line (imports and fully qualified names in code; comments and string literals do not count) and the rules to a
 * layering without cycles. The README's list of the layering is checked against the same lines
 * ({@link ReadmeCodeMapTest}).
 */
class LayeringTest {

    static final Path SOURCES = Path.of("src/main/java/workbook");
    private static final Pattern RULE = Pattern.compile(
            "May import: (nothing of the workbook|\\{@code workbook\\.[a-z]+}(?:, \\{@code workbook\\.[a-z]+})*)\\.");
    private static final Pattern RULE_PACKAGE = Pattern.compile("\\{@code workbook\\.([a-z]+)}");
    /** workbook.x as the start of a qualified name: not the tail of another name (a.workbook.x) nor a package alone. */
    private static final Pattern WORKBOOK_REFERENCE = Pattern.compile("(?<![\\w$.])workbook\\.([a-z][a-z0-9_]*)\\b");

    @Test
    void everyPackageUsesOnlyWhatItsPackageInfoAllows() throws IOException {
        Map<String, Set<String>> rules = rules();
        List<String> violations = new ArrayList<>();
        for (String pkg : rules.keySet()) {
            for (Path file : javaFiles(SOURCES.resolve(pkg))) {
                violations.addAll(violations(file.toString(), pkg, Files.readString(file), rules.get(pkg)));
            }
        }
        assertEquals(List.of(), violations, "change the code, or the package-info's 'May import' line if the layering"
                + " should change (and the README's list with it)");
    }

    @Test
    void theRulesFormLayersWithoutACycle() throws IOException {
        Map<String, Set<String>> rules = rules();
        assertEquals(Optional.empty(), cycle(rules), "a package may not, through others, import itself");
        for (Map.Entry<String, Set<String>> rule : rules.entrySet()) {
            assertTrue(rules.keySet().containsAll(rule.getValue()),
                    "workbook." + rule.getKey() + " may import a package that does not exist: " + rule.getValue());
        }
    }

    // The checker's own tests: it finds what it must, and only that.

    @Test
    void theCheckerFindsImportsAndQualifiedNamesInCodeOnly() {
        String source = String.join("\n",
                "package workbook.data;",                                          // 1
                "import workbook.display.Displays;",                               // 2: allowed
                "import static workbook.kernel.Notebook.display;",                 // 3: not allowed
                "/** Uses {@link workbook.kernel.JavaKernel} in prose. */",        // 4: Javadoc
                "class A { // workbook.bench is only named here",                  // 5: a line comment
                "  String s = \"workbook.check.Check \\\" workbook.bench\";",      // 6: a string, escaped quote
                "  char c = '\"'; Object o = workbook.plot.Plots.class;",          // 7: a char literal, then code
                "  String t = \"\"\"",                                             // 8: a text block
                "      workbook.djl.Seeds \"\"\" + workbook.data.Columns.x();",    // 9: the block ends, own package
                "  /* workbook.scratch",                                           // 10: a block comment
                "     */ int n = workbook.scratch.Recurrent.defaultSeed();",       // 11: code after it
                "  org.example.workbook.djl.X x;",                                 // 12: another name's tail
                "}");
        List<String> found = violations("A.java", "data", source, Set.of("display"));
        assertEquals(List.of(
                "A.java:3 uses workbook.kernel; workbook.data may import: workbook.display",
                "A.java:7 uses workbook.plot; workbook.data may import: workbook.display",
                "A.java:11 uses workbook.scratch; workbook.data may import: workbook.display"), found);
    }

    @Test
    void theCheckerReadsTheRuleLineAndFailsWithoutOne() {
        assertEquals(Optional.of(Set.of("data", "display")), rule("/**\n * Text.\n *\n * <p>May import:"
                + " {@code workbook.data}, {@code workbook.display}. More text.\n */\npackage workbook.plot;\n"));
        assertEquals(Optional.of(Set.of()),
                rule("/** <p>May import: nothing of the workbook. */ package workbook.io;"));
        assertEquals(Optional.empty(), rule("/** Imports nothing from the workbook. */ package workbook.io;"));
        assertEquals(Optional.empty(), rule("/** May import: workbook.data. */ package workbook.plot;"));
        assertEquals(Optional.empty(), rule("/** May import: {@code workbook.data},\n * {@code workbook.display}. */"),
                "the rule is one line");
    }

    @Test
    void theCheckerFindsACycle() {
        Map<String, Set<String>> rules = new TreeMap<>(Map.of(
                "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of()));
        assertEquals(Optional.of(List.of("a", "b", "c", "a")), cycle(rules));
        rules.put("c", Set.of("d"));
        assertEquals(Optional.empty(), cycle(rules));
    }

    /** Each package under src/main/java/workbook and the packages its package-info allows; fails without one. */
    static Map<String, Set<String>> rules() throws IOException {
        Map<String, Set<String>> rules = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (String pkg : packages()) {
            Path info = SOURCES.resolve(pkg).resolve("package-info.java");
            Optional<Set<String>> rule = Files.exists(info) ? rule(Files.readString(info)) : Optional.empty();
            rule.ifPresentOrElse(allowed -> rules.put(pkg, allowed),
                    () -> missing.add(info + (Files.exists(info) ? " has no 'May import:' line" : " is missing")));
        }
        assertEquals(List.of(), missing, "every package says what it may import, in one line of its package-info:"
                + " <p>May import: {@code workbook.data}, {@code workbook.display}. (or: nothing of the workbook.)");
        return rules;
    }

    /** The packages under src/main/java/workbook (folders), sorted. */
    static Set<String> packages() throws IOException {
        try (Stream<Path> entries = Files.list(SOURCES)) {
            Set<String> packages = new TreeSet<>();
            entries.filter(Files::isDirectory).forEach(p -> packages.add(p.getFileName().toString()));
            return packages;
        }
    }

    /** The packages a package-info's "May import:" line names (an empty set: nothing); empty without such a line. */
    static Optional<Set<String>> rule(String packageInfo) {
        for (String line : packageInfo.split("\n")) {
            Matcher m = RULE.matcher(line);
            if (m.find()) {
                Set<String> allowed = new TreeSet<>();
                Matcher each = RULE_PACKAGE.matcher(m.group(1));
                while (each.find()) {
                    allowed.add(each.group(1));
                }
                return Optional.of(allowed);
            }
        }
        return Optional.empty();
    }

    /** "file:line uses workbook.x; workbook.p may import: ..." for each reference the rule does not allow. */
    static List<String> violations(String file, String pkg, String source, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        String[] lines = codeOnly(source).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Set<String> used = new LinkedHashSet<>();
            Matcher m = WORKBOOK_REFERENCE.matcher(lines[i]);
            while (m.find()) {
                used.add(m.group(1));
            }
            for (String other : used) {
                if (!other.equals(pkg) && !allowed.contains(other)) {
                    out.add(file + ":" + (i + 1) + " uses workbook." + other + "; workbook." + pkg + " may import: "
                            + (allowed.isEmpty() ? "nothing of the workbook"
                            : String.join(", ", allowed.stream().map(a -> "workbook." + a).toList())));
                }
            }
        }
        return out;
    }

    /**
     * The source with comments, string and character literals and text blocks blanked out (newlines kept, so line
     * numbers stay): what is left is code, where a qualified name is a real use.
     */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = literalEnd(source, i + 3, "\"\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = literalEnd(source, i + 1, String.valueOf(source.charAt(i)));
            } else {
                out.append(source.charAt(i++));
                continue;
            }
            for (; i < end; i++) {
                out.append(source.charAt(i) == '\n' ? '\n' : ' ');
            }
        }
        return out.toString();
    }

    /** Where a literal that closes with {@code close} ends (past the close), skipping escaped characters. */
    private static int literalEnd(String source, int from, String close) {
        for (int i = from; i < source.length(); i++) {
            if (source.charAt(i) == '\\') {
                i++;
            } else if (source.startsWith(close, i)) {
                return i + close.length();
            }
        }
        return source.length();
    }

    /** A cycle among the rules (a, b, ..., a), if there is one. */
    static Optional<List<String>> cycle(Map<String, Set<String>> rules) {
        Set<String> done = new TreeSet<>();
        for (String start : rules.keySet()) {
            Optional<List<String>> found = cycleFrom(start, rules, new ArrayList<>(), done);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> cycleFrom(String pkg, Map<String, Set<String>> rules, List<String> path,
                                                    Set<String> done) {
        int seen = path.indexOf(pkg);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(pkg);
            return Optional.of(cycle);
        }
        if (done.contains(pkg)) {
            return Optional.empty();
        }
        path.add(pkg);
        for (String next : new TreeSet<>(rules.getOrDefault(pkg, Set.of()))) {
            Optional<List<String>> found = cycleFrom(next, rules, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        done.add(pkg);
        return Optional.empty();
    }

    private static List<Path> javaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
