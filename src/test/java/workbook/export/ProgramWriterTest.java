package workbook.export;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notebook cells as one program: where each snippet goes, and the notebooks a program cannot express. */
class ProgramWriterTest {

    private static final CellSnippets SPLITTER = new CellSnippets();
    private static final List<String> DEFAULT_IMPORTS = List.of("import java.util.*;", "import static workbook.kernel.Notebook.display;");

    @AfterAll
    static void close() {
        SPLITTER.close();
    }

    private static ProgramWriter.Program write(ProgramWriter.Cell... cells) {
        // the library: every workbook package but the checkers and the kernel
        return ProgramWriter.write("07-example.ipynb", List.of(cells), DEFAULT_IMPORTS,
                pkg -> !pkg.equals("workbook.check") && !pkg.equals("workbook.kernel"), SPLITTER);
    }

    private static ProgramWriter.Cell cell(int index, String source) {
        return new ProgramWriter.Cell(index, source, null);
    }

    /** Compiles and runs the program in this JVM; returns what it printed. */
    private static String run(ProgramWriter.Program program) throws Exception {
        Path folder = Files.createTempDirectory("program-writer-test");
        Path source = folder.resolve(program.className() + ".java");
        Files.writeString(source, program.source());
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-d", folder.toString(),
                "-classpath", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8) + "\n" + program.source());
        java.io.PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {folder.toUri().toURL()},
                ProgramWriterTest.class.getClassLoader())) {
            System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass(program.className()).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsGoUpMethodsAndTypesBecomeStaticMembersAndTheRestRunsInOrder() throws Exception {
        ProgramWriter.Program program = write(
                cell(1, "import java.time.LocalDate;\nimport workbook.check.Chapter07;   // the checkers\nimport workbook.classic.Metrics;"),
                cell(2, "// how far apart\nint gap = 3;   // days\nrecord Span(int days) { int weeks() { return days / 7; } }\n"
                        + "double twice(double x) {\n    return 2 * x;\n}\nSystem.out.println(twice(gap) + \" \" + new Span(14).weeks());"),
                cell(3, "interface Shape { double area(); }\nfinal class Square implements Shape { public double area() { return 4; } }\n"
                        + "@SuppressWarnings(\"unused\") static int three() { return 3; }\n"
                        + "Shape shape = new Square();\nSystem.out.println(shape.area() + three() + Metrics.mae(new double[] {1}, new double[] {2}));"));
        String source = program.source();
        assertEquals(List.of(), program.problems());
        assertTrue(source.contains("import java.util.*;\nimport java.time.LocalDate;\n"
                + "// import workbook.check.Chapter07;   (workbook.check is not part of the library)\nimport workbook.classic.Metrics;\n"), source);
        assertTrue(!source.contains("workbook.kernel"), "the kernel's own display import stays out: " + source);
        assertTrue(source.contains("        // how far apart\n        int gap = 3;   // days\n"), "a comment stays with its line: " + source);
        assertTrue(source.contains("    static record Span(int days)"), source);
        assertTrue(source.contains("    static double twice(double x) {\n        return 2 * x;\n    }"), source);
        assertTrue(source.contains("    static interface Shape"), source);
        assertTrue(source.contains("    static final class Square"), source);
        assertTrue(source.contains("    @SuppressWarnings(\"unused\") static int three()"), "static is not added twice: " + source);
        assertEquals("6.0 2\n8.0\n", run(program).replace(System.lineSeparator(), "\n"));
        assertEquals(Map.of(1, "in", 2, "in", 3, "in"), program.cells());
    }

    @Test
    void aMethodThatReadsACellVariableIsNamedWithItsCell() {
        ProgramWriter.Program program = write(
                cell(2, "double rate = 0.5;"),
                cell(4, "double scaled(double x) {\n    double rate2 = 1;\n    return x * rate * rate2;\n}"),
                cell(5, "class Holder { double get() { return rate; } }"),
                cell(6, "double own(double rate) { return rate; }"));   // a parameter of that name is its own
        assertEquals(List.of(
                "07-example.ipynb cell 4: the method scaled uses the cell variable rate (declared in cell 2); in a program it is"
                        + " a local variable of main, which a static method cannot see: pass it as a parameter",
                "07-example.ipynb cell 5: the type Holder uses the cell variable rate (declared in cell 2); in a program it is"
                        + " a local variable of main, which a static type cannot see: pass it as a parameter"),
                program.problems());
    }

    @Test
    void aVariableDeclaredTwiceIsNamedWithBothCells() {
        ProgramWriter.Program program = write(cell(1, "var loss = 1.0;"), cell(3, "int epochs = 2;\nvar loss = 2.0;"));
        assertEquals(List.of("07-example.ipynb cell 3: the variable loss is declared again (first in cell 1); JShell replaces it,"
                + " a program cannot: give one of them another name"), program.problems());
    }

    @Test
    void cellsThatNeedTheCheckersStayOutAndSoDoCellsThatUseWhatTheyDeclared() throws Exception {
        ProgramWriter.Program program = write(
                cell(1, "import workbook.check.Chapter07;"),
                cell(2, "Chapter07.Answer answer = x -> x;"),
                new ProgramWriter.Cell(3, "Chapter07.checkAnswer(answer);", "exercise checker (workbook.check is not part of the library)"),
                cell(4, "System.out.println(answer.apply(2));"),
                cell(5, "System.out.println(\"still here\");"));
        assertEquals(List.of(), program.problems());
        assertEquals("in", program.cells().get(1));
        assertEquals("left out: uses Chapter07, from workbook.check, which is not part of the library", program.cells().get(2));
        assertEquals("left out: exercise checker (workbook.check is not part of the library)", program.cells().get(3));
        assertEquals("left out: uses answer, declared in cell 2, left out", program.cells().get(4));
        assertTrue(program.source().contains("        // cell 4 left out: uses answer, declared in cell 2, left out\n"), program.source());
        assertEquals("still here\n", run(program).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void namesFollowTheNotebooks() {
        assertEquals("Notebook05Lstm", ProgramWriter.className("05-lstm.ipynb"));
        assertEquals("Notebook04bTheTrainingLoop", ProgramWriter.className("04b-the-training-loop.ipynb"));
    }
}
