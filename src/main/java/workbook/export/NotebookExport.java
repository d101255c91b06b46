package workbook.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import workbook.kernel.CellEvaluator;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * {@code ./workbook export}'s Java half (src/scripts/export_notebooks.py reads the notebooks and says which cells
 * are magics or checkers): writes each notebook as {@code OUT/NotebookNN....java}, compiles every program against
 * the library's classpath alone into {@code OUT/classes}, and writes {@code OUT/export.json} (which cells each
 * program holds). Problems name notebook, cell and name; exit status 1 when there is any.
 *
 * <p>Usage: {@code NotebookExport OUT LIBRARY_CLASSPATH CELLS_JSON}, where CELLS_JSON is
 * {@code [{"notebook": "05-lstm.ipynb", "cells": [{"index": 3, "source": "...", "leftOut": null}, ...]}, ...]}.
 */
public final class NotebookExport {

    private NotebookExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: NotebookExport OUT_DIR LIBRARY_CLASSPATH CELLS_JSON; got " + args.length + " arguments");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        List<Path> libraryClasspath = new ArrayList<>();
        for (String entry : args[1].split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                libraryClasspath.add(Path.of(entry));
            }
        }
        JsonArray notebooks = JsonParser.parseString(Files.readString(Path.of(args[2]))).getAsJsonArray();
        Files.createDirectories(out);

        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        List<ProgramWriter.Program> programs = new ArrayList<>();
        List<String> notebookNames = new ArrayList<>();
        List<String> defaultImports = CellEvaluator.STARTUP_IMPORTS;
        try (CellSnippets splitter = new CellSnippets()) {
            for (JsonElement element : notebooks) {
                JsonObject notebook = element.getAsJsonObject();
                String name = notebook.get("notebook").getAsString();
                List<ProgramWriter.Cell> cells = new ArrayList<>();
                for (JsonElement c : notebook.getAsJsonArray("cells")) {
                    JsonObject cell = c.getAsJsonObject();
                    JsonElement leftOut = cell.get("leftOut");
                    cells.add(new ProgramWriter.Cell(cell.get("index").getAsInt(), cell.get("source").getAsString(),
                            leftOut == null || leftOut.isJsonNull() ? null : leftOut.getAsString()));
                }
                ProgramWriter.Program program = ProgramWriter.write(name, cells, defaultImports,
                        pkg -> onClasspath(libraryClasspath, pkg), splitter);
                Files.writeString(out.resolve(program.className() + ".java"), program.source(), StandardCharsets.UTF_8);
                problems.addAll(program.problems());
                programs.add(program);
                notebookNames.add(name);
            }
        }
        double exportSeconds = (System.nanoTime() - started) / 1e9;

        double compileSeconds = 0;
        if (problems.isEmpty()) {
            long compileStart = System.nanoTime();
            problems.addAll(compile(out, args[1], programs, notebookNames));
            compileSeconds = (System.nanoTime() - compileStart) / 1e9;
        }
        writeSummary(out, programs, notebookNames, problems.isEmpty());
        for (int i = 0; i < programs.size(); i++) {
            ProgramWriter.Program program = programs.get(i);
            long in = program.cells().values().stream().filter("in"::equals).count();
            System.out.printf(Locale.ROOT, "%-40s %s.java: %d of %d code cells%n", notebookNames.get(i), program.className(),
                    in, program.cells().size());
        }
        for (String problem : problems) {
            System.out.println("FAIL " + problem);
        }
        System.out.printf(Locale.ROOT, "%d programs in %s: written in %.1f s, compiled against the library alone in %.1f s%s%n",
                programs.size(), out, exportSeconds, compileSeconds, problems.isEmpty() ? "" : "; " + problems.size() + " problems");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** Whether a package has classes in a folder or jar of the classpath. */
    static boolean onClasspath(List<Path> classpath, String pkg) {
        String folder = pkg.replace('.', '/');
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                if (Files.isDirectory(entry.resolve(folder))) {
                    return true;
                }
            } else if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    if (jar.stream().anyMatch(e -> e.getName().startsWith(folder + "/"))) {
                        return true;
                    }
                } catch (IOException e) {
                    // not a jar: it holds no package
                }
            }
        }
        return false;
    }

    /** Compiles every program at once; each error is named by the notebook cell and line it comes from. */
    private static List<String> compile(Path out, String classpath, List<ProgramWriter.Program> programs, List<String> notebooks)
            throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path classes = out.resolve("classes");
        Files.createDirectories(classes);
        Map<String, Integer> byFile = new LinkedHashMap<>();
        List<File> files = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            File file = out.resolve(programs.get(i).className() + ".java").toFile();
            files.add(file);
            byFile.put(file.getName(), i);
        }
        List<String> problems = new ArrayList<>();
        try (StandardJavaFileManager files0 = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classpath, "-d", classes.toString(), "-proc:none",
                    "-encoding", "UTF-8", "-Xmaxerrs", "1000");
            boolean ok = compiler.getTask(null, files0, diagnostics, options, null, files0.getJavaFileObjectsFromFiles(files)).call();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName().toString();
                Integer index = byFile.get(file);
                String message = d.getMessage(Locale.ROOT).replace("\n", " ").replaceAll("\\s+", " ");
                if (index == null) {
                    problems.add(file + ": " + message);
                    continue;
                }
                ProgramWriter.Program program = programs.get(index);
                int line = (int) d.getLineNumber();
                ProgramWriter.Origin origin = line >= 1 && line <= program.origins().size()
                        ? program.origins().get(line - 1) : ProgramWriter.Origin.NONE;
                String where = origin.cell() < 0 ? file + " line " + line
                        : notebooks.get(index) + " cell " + origin.cell() + " line " + origin.line();
                problems.add(where + ": does not compile as a program: " + message);
            }
            if (!ok && problems.isEmpty()) {
                problems.add("the programs did not compile (no error was reported)");
            }
        }
        return problems;
    }

    private static void writeSummary(Path out, List<ProgramWriter.Program> programs, List<String> notebooks, boolean compiled)
            throws IOException {
        JsonArray summary = new JsonArray();
        for (int i = 0; i < programs.size(); i++) {
            JsonObject entry = new JsonObject();
            entry.addProperty("notebook", notebooks.get(i));
            entry.addProperty("program", programs.get(i).className());
            entry.addProperty("compiled", compiled);
            JsonObject cells = new JsonObject();
            programs.get(i).cells().forEach((index, status) -> cells.addProperty(String.valueOf(index), status));
            entry.add("cells", cells);
            summary.add(entry);
        }
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        Files.writeString(out.resolve("export.json"), gson.toJson(summary) + "\n", StandardCharsets.UTF_8);
    }
}
