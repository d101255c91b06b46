package workbook.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The magics IJava and JJava users know, with the same names and arguments.
 * Line magics ({@code %name args}) stand at the top of a cell, before its Java code; a cell magic
 * ({@code %%name args}) is the cell's first line and takes the rest of the cell as its body.
 * <ul>
 *   <li>{@code %classpath path...}: add jars or class folders (globs allowed, e.g. {@code lib/*.jar});</li>
 *   <li>{@code %jars path...}: the same, for jar files;</li>
 *   <li>{@code %maven GROUP:ARTIFACT:VERSION...} and {@code %%loadFromPOM}: add Maven artifacts and their dependencies;</li>
 *   <li>{@code %load name}: run a script or notebook (tries name, .jsh, .jshell, .java, .ipynb);</li>
 *   <li>{@code %lsmagic}; {@code %time STATEMENT} and {@code %%time}: wall and CPU time.</li>
 * </ul>
 * Magic lines stay in place as blank lines, so line numbers in error messages still match the cell.
 *
 * <p>The magics live in jjava-jupyter's {@link MagicsRegistry} (its {@link LineMagic}/{@link CellMagic}
 * contracts). Its {@code MagicParser} is not used: it transpiles each magic into a Java call run inside
 * the cell's JShell snippet, and {@code %load}, {@code %time} and {@code %%time} must themselves evaluate
 * code, which JShell cannot do from within a running snippet.
 */
final class Magics {

    static final List<String> LOAD_EXTENSIONS = List.of("", ".jsh", ".jshell", ".java", ".ipynb");
    private static final Object NO_VALUE = ValueKeepingExecutionControl.NO_VALUE;
    /** Magics that take the rest of their line as it is, not split into words. */
    private static final Set<String> WHOLE_LINE = Set.of("time");

    private final Consumer<String> addToClasspath;
    private final Function<String, Object> evaluate;
    private final MavenDependencies maven;
    private final Path notebookFolder;
    private final MagicsRegistry registry = new MagicsRegistry();
    /** The files {@code %load} is running now, outermost first: a file that loads itself would never end. */
    private final Deque<Path> loading = new ArrayDeque<>();

    /**
     * @param evaluate       runs Java code, returning its value or {@code NO_VALUE}
     * @param notebookFolder where relative {@code %load} names are looked up (Jupyter starts the kernel there)
     */
    Magics(Consumer<String> addToClasspath, Function<String, Object> evaluate, MavenDependencies maven, Path notebookFolder) {
        this.addToClasspath = addToClasspath;
        this.evaluate = evaluate;
        this.maven = maven;
        this.notebookFolder = notebookFolder;
        lineMagic("classpath", args -> addPaths("classpath", args));
        lineMagic("jars", args -> addPaths("jars", args));
        lineMagic("maven", this::maven);
        lineMagic("load", this::load);
        lineMagic("lsmagic", args -> {
            System.out.println(listing());
            return NO_VALUE;
        });
        lineMagic("time", args -> timed(args.get(0)));
        cellMagic("loadFromPOM", (args, body) -> {
            addJars(maven.resolvePom(body));
            return NO_VALUE;
        });
        cellMagic("time", (args, body) -> timed(body));
    }

    private void lineMagic(String name, Function<List<String>, Object> magic) {
        registry.registerLineMagic(name, (LineMagic<Object, org.dflib.jjava.jupyter.kernel.BaseKernel>) (kernel, args) -> magic.apply(args));
    }

    private interface Body {
        Object run(List<String> args, String body);
    }

    private void cellMagic(String name, Body magic) {
        registry.registerCellMagic(name, (CellMagic<Object, org.dflib.jjava.jupyter.kernel.BaseKernel>) (kernel, args, body) -> magic.run(args, body));
    }

    /** "Line magics: %classpath ..." and "Cell magics: %%loadFromPOM ...", sorted. */
    String listing() {
        return "Line magics: %" + String.join(" %", new TreeSet<>(registry.getLineMagicNames()))
                + "\nCell magics: %%" + String.join(" %%", new TreeSet<>(registry.getCellMagicNames()));
    }

    /**
     * Runs a whole cell: its magics, then its Java code. Returns the value to show: the code's last
     * expression, else the last value a magic gave ({@code %load}, {@code %time}), else {@code NO_VALUE}.
     */
    Object run(String cell) {
        String[] lines = cell.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first < lines.length && lines[first].strip().startsWith("%%")) {
            String[] words = lines[first].strip().substring(2).split("\\s+", 2);
            lines[first] = "";
            // the body keeps the blank lines above it, so errors point at the cell's own line numbers
            String body = String.join("\n", lines);
            List<String> args = words.length > 1 ? List.of(words[1].strip().split("\\s+")) : List.of();
            return call(words[0], false, () -> registry.evalCellMagic(null, words[0], args, body));
        }
        Object magicValue = NO_VALUE;
        for (int i = first; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("%")) {
                break;
            }
            if (line.startsWith("%%")) {
                throw failure("A cell magic must be the cell's first line; " + line.split("\\s+")[0]
                        + " came after other lines (line " + (i + 1) + ")");
            }
            String[] nameAndRest = line.substring(1).strip().split("\\s+", 2);
            String name = nameAndRest[0];
            String rest = nameAndRest.length > 1 ? nameAndRest[1].strip() : "";
            List<String> args = WHOLE_LINE.contains(name) ? List.of(rest)
                    : rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
            Object value = call(name, true, () -> registry.evalLineMagic(null, name, args));
            if (value != NO_VALUE) {
                magicValue = value;
            }
            lines[i] = "";
        }
        Object value = evaluate.apply(String.join("\n", lines));
        return CellEvaluator.hasValue(value) ? value : magicValue;
    }

    private interface MagicCall {
        Object call() throws Exception;
    }

    /** Runs one magic; a bad argument becomes a one-line MagicError, a failing cell it ran stays as it is. */
    private Object call(String name, boolean line, MagicCall magic) {
        String shown = (line ? "%" : "%%") + name;
        Set<String> known = line ? registry.getLineMagicNames() : registry.getCellMagicNames();
        if (!known.contains(name)) {
            throw failure("Unknown " + (line ? "line" : "cell") + " magic " + shown + "; expected one of "
                    + listing().replace("\n", "; "));
        }
        try {
            return magic.call();
        } catch (CellFailure failure) {
            throw failure;
        } catch (IllegalArgumentException e) {
            throw failure(shown + ": " + e.getMessage());
        } catch (Exception e) {
            throw failure(shown + " failed: " + e);
        }
    }

    private Object addPaths(String name, List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("expected at least one path, e.g. %" + name + " lib/*.jar; got none");
        }
        List<String> paths = new ArrayList<>();
        for (String arg : args) {
            paths.addAll(expand(arg, name.equals("jars")));
        }
        addToClasspath.accept(String.join(File.pathSeparator, paths));
        System.out.println("Added to the classpath: " + String.join(", ", paths));
        return NO_VALUE;
    }

    private Object maven(List<String> coordinates) {
        if (coordinates.isEmpty()) {
            throw new IllegalArgumentException("expected " + MavenDependencies.COORDINATE_FORMAT
                    + ", e.g. %maven org.apache.commons:commons-lang3:3.14.0; got none");
        }
        coordinates.forEach(MavenDependencies::parseCoordinate);
        addJars(maven.resolve(coordinates));
        return NO_VALUE;
    }

    private void addJars(List<Path> jars) {
        List<String> paths = jars.stream().map(Path::toString).toList();
        addToClasspath.accept(String.join(File.pathSeparator, paths));
        System.out.println("Added to the classpath: "
                + String.join(", ", jars.stream().map(p -> p.getFileName().toString()).toList()));
    }

    private Object load(List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("expected one file, e.g. %load helpers (tries helpers, .jsh, .jshell, "
                    + ".java, .ipynb); got " + (args.isEmpty() ? "none" : String.join(" ", args)));
        }
        Path script = findScript(args.get(0));
        if (loading.contains(script)) {
            List<String> chain = new ArrayList<>(loading.stream().map(p -> p.getFileName().toString()).toList());
            chain.add(script.getFileName().toString());
            throw new IllegalArgumentException("expected files that do not load themselves; " + script
                    + " is already loading (" + String.join(" → ", chain) + ")");
        }
        loading.addLast(script);
        try {
            return runScript(script);
        } finally {
            loading.removeLast();
        }
    }

    private Object runScript(Path script) {
        String text;
        try {
            text = Files.readString(script);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + script + ": " + e.getMessage());
        }
        if (!script.getFileName().toString().endsWith(".ipynb")) {
            return run(text);   // a script may start with magics too, as a cell may
        }
        Object last = NO_VALUE;
        for (String cell : codeCells(script, text)) {
            last = run(cell);
        }
        return last;
    }

    /** IJava's order: the name as given, then with .jsh, .jshell, .java, .ipynb; relative names from the notebook's folder. */
    Path findScript(String name) {
        Path given = Path.of(name);
        Path base = given.isAbsolute() ? given : notebookFolder.resolve(given);
        List<String> tried = new ArrayList<>();
        for (String extension : LOAD_EXTENSIONS) {
            Path candidate = base.resolveSibling(base.getFileName() + extension).toAbsolutePath().normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            tried.add(candidate.toString());
        }
        throw new IllegalArgumentException("no file named " + name + "; tried " + String.join(", ", tried));
    }

    /** The sources of a notebook's code cells, in order. */
    static List<String> codeCells(Path notebook, String json) {
        try {
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            List<String> cells = new ArrayList<>();
            for (JsonElement element : root.getAsJsonArray("cells")) {
                JsonObject cell = element.getAsJsonObject();
                if (!"code".equals(cell.get("cell_type").getAsString())) {
                    continue;
                }
                JsonElement source = cell.get("source");
                StringBuilder text = new StringBuilder();
                if (source.isJsonArray()) {
                    source.getAsJsonArray().forEach(part -> text.append(part.getAsString()));
                } else {
                    text.append(source.getAsString());
                }
                cells.add(text.toString());
            }
            return cells;
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("expected a Jupyter notebook (JSON with \"cells\") in " + notebook
                    + "; it does not read as one: " + e.getMessage());
        }
    }

    /** Runs code and prints, after its output, IPython-style wall and CPU time (CPU of the whole kernel process). */
    private Object timed(String code) {
        if (code.isBlank()) {
            throw new IllegalArgumentException("expected a statement to time, e.g. %time fit(model); got none");
        }
        long cpuStart = processCpuNanos();
        long wallStart = System.nanoTime();
        try {
            return run(code);
        } finally {
            long wall = System.nanoTime() - wallStart;
            long cpu = processCpuNanos() - cpuStart;
            System.out.println("CPU times: total " + duration(cpu) + " (all kernel threads)\nWall time: " + duration(wall));
        }
    }

    /** As IPython shows times: 850 µs, 12.3 ms, 4.56 s, 2min 5s. */
    static String duration(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        if (nanos < 60_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        long seconds = nanos / 1_000_000_000L;
        return seconds / 60 + "min " + seconds % 60 + "s";
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Expands a glob in the last path element ({@code lib/*.jar}); a plain path must exist. */
    private static List<String> expand(String pattern, boolean jarsOnly) {
        Path path = Path.of(pattern);
        String last = path.getFileName() == null ? "" : path.getFileName().toString();
        List<String> found = new ArrayList<>();
        if (last.contains("*") || last.contains("?")) {
            Path folder = path.getParent() == null ? Path.of(".") : path.getParent();
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(folder, last)) {
                matches.forEach(p -> found.add(p.toAbsolutePath().toString()));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot list " + folder.toAbsolutePath() + ": " + e.getMessage());
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no file matches " + pattern + " (looked in " + folder.toAbsolutePath() + ")");
            }
        } else {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no such file or folder: " + path.toAbsolutePath());
            }
            found.add(path.toAbsolutePath().toString());
        }
        if (jarsOnly) {
            for (String file : found) {
                if (!file.endsWith(".jar")) {
                    throw new IllegalArgumentException("expected .jar files; got " + file + " (use %classpath for folders)");
                }
            }
        }
        found.sort(null);
        return found;
    }

    private static CellFailure failure(String message) {
        return new CellFailure("MagicError", message, List.of(message), null);
    }
}
