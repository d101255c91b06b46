package workbook.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The magics on a real JShell, offline against the build's local repository. */
class MagicsTest {

    @TempDir
    static Path folder;
    private static CellEvaluator evaluator;
    private static Magics magics;

    @BeforeAll
    static void start() {
        evaluator = new CellEvaluator();
        MavenDependencies offline = new MavenDependencies(
                Path.of(System.getProperty("user.home"), ".m2", "repository"), () -> false);
        magics = new Magics(evaluator::addToClasspath, evaluator::evaluate, offline, folder);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static CellFailure failureOf(String cell) {
        CellFailure failure = assertThrows(CellFailure.class, () -> magics.run(cell));
        assertEquals("MagicError", failure.errorName());
        assertEquals(1, failure.getMessage().lines().count(), failure.getMessage());
        return failure;
    }

    /** What the cell printed, and its value. */
    private static String printedBy(String cell, Object[] value) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            value[0] = magics.run(cell);
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mavenAddsTheArtifactAndItsDependenciesToTheShell() {
        long start = System.nanoTime();
        Object value = magics.run("%maven org.apache.commons:commons-text:1.12.0\n"
                + "org.apache.commons.text.WordUtils.capitalize(org.apache.commons.lang3.StringUtils.reverse(\"olleh\"))");
        assertEquals("Hello", value);
        assertTrue((System.nanoTime() - start) / 1e9 < 3);
    }

    @Test
    void loadFromPomTakesADependenciesFragment() {
        magics.run("""
                %%loadFromPOM
                <dependencies>
                  <dependency>
                    <groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>3.14.0</version>
                  </dependency>
                </dependencies>""");
        assertEquals("cba", magics.run("org.apache.commons.lang3.StringUtils.reverse(\"abc\")"));
    }

    @Test
    void badInputGivesOneLineAndTheSessionKeepsItsVariables() {
        magics.run("int kept = 41;");
        assertTrue(failureOf("%maven commons-lang3").getMessage()
                .startsWith("%maven: expected GROUP:ARTIFACT:VERSION"));
        assertTrue(failureOf("%maven org.example.nowhere:nothing:1.0").getMessage()
                .contains("cannot resolve org.example.nowhere:nothing:jar:1.0; looked in the local repository"));
        String badPom = failureOf("%%loadFromPOM\n<project><dependencies>").getMessage();
        assertTrue(badPom.startsWith("%%loadFromPOM: expected a POM (<project>), <dependencies> or <dependency> in the cell; "
                + "it does not parse"), badPom);
        String unknown = failureOf("%mavne a:b:1").getMessage();
        assertTrue(unknown.startsWith("Unknown line magic %mavne; expected one of Line magics: %classpath"), unknown);
        assertTrue(failureOf("%%nosuch\nint x = 1;").getMessage().startsWith("Unknown cell magic %%nosuch"));
        assertEquals("A cell magic must be the cell's first line; %%time came after other lines (line 2)",
                failureOf("%lsmagic\n%%time\nint y = 2;").getMessage());
        assertEquals(42, magics.run("kept + 1"));
    }

    @Test
    void loadTriesIJavasExtensionsFromTheNotebookFolder() throws Exception {
        Files.writeString(folder.resolve("tripler.jsh"), "int triple(int x) { return 3 * x; }\n");
        assertEquals(42, magics.run("%load tripler\ntriple(14)"));
        Files.writeString(folder.resolve("steps.ipynb"), """
                {"cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": ["# not code"]},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["int step = 5;\\n", "step += 2;"]},
                  {"cell_type": "code", "metadata": {}, "outputs": [], "source": "%load tripler.jsh\\nstep * 2"}
                ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""");
        assertEquals(14, magics.run("%load steps"), "the value of the notebook's last code cell");
        assertEquals(7, magics.run("step"));
        String missing = failureOf("%load nothing-here").getMessage();
        Path base = folder.toAbsolutePath().resolve("nothing-here");
        assertEquals("%load: no file named nothing-here; tried " + base + ", " + base + ".jsh, " + base + ".jshell, "
                + base + ".java, " + base + ".ipynb", missing);
    }

    @Test
    void aFileThatLoadsItselfIsRefusedNotLoopedForever() throws Exception {
        Files.writeString(folder.resolve("ping.jsh"), "%load pong\n");
        Files.writeString(folder.resolve("pong.jsh"), "int pongs = 1;\n");
        Files.writeString(folder.resolve("loop.ipynb"), """
                {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "%load loop"}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""");
        String message = failureOf("%load loop").getMessage();
        assertTrue(message.endsWith("is already loading (loop.ipynb → loop.ipynb)"), message);
        assertEquals(2, magics.run("1 + 1"), "the kernel goes on");
        assertEquals(1, magics.run("%load ping\npongs"), "a script's own magics run");
    }

    @Test
    void lsmagicListsLineAndCellMagics() {
        String listing = printedBy("%lsmagic", new Object[1]);
        assertEquals("Line magics: %classpath %jars %load %lsmagic %maven %time\nCell magics: %%loadFromPOM %%time\n", listing);
    }

    @Test
    void timePrintsWallAndCpuTimeAfterTheOutputAndKeepsTheValue() {
        Object[] value = new Object[1];
        String printed = printedBy("%%time\nThread.sleep(200);\nSystem.out.println(\"done\");\n6 * 7", value);
        assertEquals(42, value[0]);
        var lines = printed.split("\n");
        assertEquals("done", lines[0], printed);
        assertTrue(lines[1].matches("CPU times: total [0-9.]+ (µs|ms|s) \\(all kernel threads\\)"), printed);
        assertTrue(lines[2].matches("Wall time: [0-9.]+ (ms|s)"), printed);
        double wallMillis = Double.parseDouble(lines[2].split(" ")[2]) * (lines[2].endsWith(" s") ? 1000 : 1);
        assertTrue(wallMillis >= 200 && wallMillis < 5000, "the cell slept 200 ms: " + printed);
        printedBy("%time int timed = 6 * 7;", value);
        assertEquals(42, magics.run("timed"));
        assertEquals("850 µs", Magics.duration(850_000));
        assertEquals("4.56 s", Magics.duration(4_560_000_000L));
        assertEquals("2min 5s", Magics.duration(125_000_000_000L));
    }

    @Test
    void cellMagicKeepsTheCellsLineNumbersInErrors() {
        CellFailure failure = assertThrows(CellFailure.class, () -> magics.run("%%time\nint fine = 1;\nint broken = ;"));
        assertTrue(String.join("\n", failure.report()).contains("line 3"), failure.report().toString());
    }
}
