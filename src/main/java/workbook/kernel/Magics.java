package workbook.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The line magics IJava users know, written at the top of a cell:
 * <ul>
 *   <li>{@code %classpath path...}: add jars or class folders (globs allowed, e.g. {@code lib/*.jar});</li>
 *   <li>{@code %jars path...}: the same, for jar files;</li>
 *   <li>{@code %load file.jsh}: run a JShell script as if it were this cell.</li>
 * </ul>
 * Magic lines are taken off the top of the cell; the rest runs as Java. The lines stay in place
 * as blank lines, so line numbers in error messages still match the cell.
 */
final class Magics {

    private final Consumer<String> addToClasspath;
    private final Function<String, Object> runScript;

    Magics(Consumer<String> addToClasspath, Function<String, Object> runScript) {
        this.addToClasspath = addToClasspath;
        this.runScript = runScript;
    }

    /** The outcome of the magic lines: the Java code left to run, and a value from {@code %load}. */
    record Result(String remainingCode, Object loadedValue) {
    }

    Result apply(String cell) {
        String[] lines = cell.split("\n", -1);
        Object loadedValue = ValueKeepingExecutionControl.NO_VALUE;
        int i = 0;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("%")) {
                break;
            }
            Object value = run(line);
            if (value != ValueKeepingExecutionControl.NO_VALUE) {
                loadedValue = value;
            }
            lines[i] = "";
        }
        return new Result(String.join("\n", lines), loadedValue);
    }

    private Object run(String line) {
        String[] words = line.substring(1).trim().split("\\s+");
        String name = words[0];
        List<String> args = List.of(words).subList(1, words.length);
        switch (name) {
            case "classpath", "jars" -> {
                if (args.isEmpty()) {
                    throw usage("%" + name + " needs at least one path, e.g. %" + name + " lib/*.jar");
                }
                List<String> paths = new ArrayList<>();
                for (String arg : args) {
                    paths.addAll(expand(arg, name.equals("jars")));
                }
                addToClasspath.accept(String.join(File.pathSeparator, paths));
                System.out.println("Added to the classpath: " + String.join(", ", paths));
                return ValueKeepingExecutionControl.NO_VALUE;
            }
            case "load" -> {
                if (args.size() != 1) {
                    throw usage("%load takes one file, e.g. %load helpers.jsh; got: " + String.join(" ", args));
                }
                Path script = Path.of(args.get(0));
                if (!Files.isRegularFile(script)) {
                    throw usage("%load: no file " + script.toAbsolutePath());
                }
                try {
                    return runScript.apply(Files.readString(script));
                } catch (IOException e) {
                    throw usage("%load: cannot read " + script + ": " + e.getMessage());
                }
            }
            default -> throw usage("Unknown magic %" + name + ". This kernel knows %classpath, %jars and %load.");
        }
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
                throw usage("cannot list " + folder.toAbsolutePath() + ": " + e.getMessage());
            }
            if (found.isEmpty()) {
                throw usage("no file matches " + pattern + " (looked in " + folder.toAbsolutePath() + ")");
            }
        } else {
            if (!Files.exists(path)) {
                throw usage("no such file or folder: " + path.toAbsolutePath());
            }
            found.add(path.toAbsolutePath().toString());
        }
        if (jarsOnly) {
            for (String file : found) {
                if (!file.endsWith(".jar")) {
                    throw usage("%jars expects .jar files; got " + file + " (use %classpath for folders)");
                }
            }
        }
        found.sort(null);
        return found;
    }

    private static CellFailure usage(String message) {
        return new CellFailure("MagicError", message, List.of(message), null);
    }
}
