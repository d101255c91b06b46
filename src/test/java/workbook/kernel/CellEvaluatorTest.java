package workbook.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellEvaluatorTest {

    private static CellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new CellEvaluator();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void lastExpressionIsTheResultAndKeepsItsRealType() {
        Object result = evaluator.evaluate("int a = 20;\nint b = 22;\nnew StringBuilder().append(a + b)");
        assertTrue(result instanceof StringBuilder, "the real object, not its string: " + result);
        assertEquals("42", result.toString());
    }

    @Test
    void statementsAndDeclarationsHaveNoResult() {
        assertFalse(CellEvaluator.hasValue(evaluator.evaluate("int declared = 1;")));
        assertFalse(CellEvaluator.hasValue(evaluator.evaluate("System.out.println(\"printed\");")));
        assertFalse(CellEvaluator.hasValue(evaluator.evaluate("   \n\n  ")));
        // an expression ended by a semicolon is a statement: Displays.display(x); shows x, not its display id
        assertFalse(CellEvaluator.hasValue(evaluator.evaluate("String.valueOf(42);")));
        assertEquals("42", evaluator.evaluate("String.valueOf(42)"));
        assertFalse(CellEvaluator.hasValue(evaluator.evaluate("String.valueOf(42); // shown above\n// END SOLUTION")));
    }

    @Test
    void aSemicolonInACommentOrStringDoesNotEndTheCode() {
        assertTrue(CellEvaluator.endsWithSemicolon("f(x);\n// END SOLUTION"));
        assertTrue(CellEvaluator.endsWithSemicolon("f(x); /* done */"));
        assertFalse(CellEvaluator.endsWithSemicolon("f(x) // like this;"));
        assertFalse(CellEvaluator.endsWithSemicolon("f(\"a;\")"));
        assertTrue(CellEvaluator.endsWithSemicolon("f(\"// not a comment\", ';');"));
        assertFalse(CellEvaluator.endsWithSemicolon("f(\"say \\\"hi;\\\"\")"));
    }

    @Test
    void aFinalSemicolonSilencesTheResultAsInIPython() {
        assertEquals(3, evaluator.evaluate("java.util.List<Integer> kept = new java.util.ArrayList<>();\nkept.add(3);\nkept.get(0)"));
        assertFalse(CellEvaluator.hasValue(evaluator.evaluate("kept.add(4);")), "add returns true, but the cell is a statement");
        assertFalse(CellEvaluator.hasValue(evaluator.evaluate("String.valueOf(42);   // a comment after it")));
        assertEquals("a;b", evaluator.evaluate("String.join(\";\", \"a\", \"b\") // no semicolon: shown"));
        assertEquals(2, evaluator.evaluate("kept.size()"), "the silenced statement still ran");
        assertTrue(CellEvaluator.endsWithSemicolon("x();\n// done\n"));
        assertFalse(CellEvaluator.endsWithSemicolon("\"a // b;\""));
    }

    @Test
    void compileErrorNamesTheCellLineAndPointsAtTheCode() {
        CellFailure failure = assertThrows(CellFailure.class,
                () -> evaluator.evaluate("int ok = 1;\n\ndouble wrong = \"text\";"));
        assertEquals("CompilationError", failure.errorName());
        String report = String.join("\n", failure.report());
        assertTrue(report.contains("line 3"), report);
        assertTrue(report.contains("double wrong = \"text\";"), report);
        assertTrue(report.contains("^"), report);
    }

    @Test
    void exceptionShowsTypeMessageAndCellLineWithoutKernelFrames() {
        CellFailure failure = assertThrows(CellFailure.class, () -> evaluator.evaluate(
                "int n = 3;\nif (n > 2) {\n    throw new IllegalStateException(\"n is \" + n);\n}"));
        assertEquals("java.lang.IllegalStateException", failure.errorName());
        assertEquals("n is 3", failure.getMessage());
        String report = String.join("\n", failure.report());
        assertTrue(report.contains("line 3"), report);
        assertFalse(report.contains("workbook.kernel"), report);
        assertFalse(report.contains("jdk.internal"), report);
        assertTrue(failure.userException() instanceof IllegalStateException);
    }

    @Test
    void exceptionInsideAMethodDefinedInAnEarlierCellNamesThatCell() {
        evaluator.evaluate("double ratio(double a, double b) {\n    if (b == 0) throw new ArithmeticException(\"b is zero\");\n    return a / b;\n}");
        CellFailure failure = assertThrows(CellFailure.class, () -> evaluator.evaluate("ratio(1, 0)"));
        String report = String.join("\n", failure.report());
        assertTrue(report.contains("ratio, cell"), report);
        assertTrue(report.contains("line 2"), report);
    }

    @Test
    void variablesSurviveFailuresAndRerunsWithLeadingBlankLines() {
        evaluator.evaluate("var kept = new java.util.ArrayList<String>(java.util.List.of(\"x\"));");
        assertThrows(CellFailure.class, () -> evaluator.evaluate("undefinedThing()"));
        assertThrows(CellFailure.class, () -> evaluator.evaluate("throw new RuntimeException();"));
        for (int i = 0; i < 3; i++) {
            evaluator.evaluate("\n\n\nint unrelated = 5;\n\n");
        }
        assertEquals("[x]", evaluator.evaluate("kept").toString());
    }

    @Test
    void interruptStopsASleepingCellAndTheNextCellRuns() throws Exception {
        CompletableFuture<CellFailure> run = CompletableFuture.supplyAsync(() ->
                assertThrows(CellFailure.class, () -> evaluator.evaluate("Thread.sleep(600_000);")));
        Thread.sleep(500);
        evaluator.interrupt();
        CellFailure failure = run.get(10, TimeUnit.SECONDS);
        assertEquals("Interrupted", failure.errorName());
        assertEquals(3, evaluator.evaluate("1 + 2"));
    }

    @Test
    void interruptStopsALoopAtItsCheckpointWithProgressInTheMessage() throws Exception {
        evaluator.evaluate("int[] steps = {0};");
        CompletableFuture<CellFailure> run = CompletableFuture.supplyAsync(() ->
                assertThrows(CellFailure.class, () -> evaluator.evaluate(
                        "while (true) { workbook.display.Interruption.checkpoint(\"step \" + steps[0]); steps[0]++;"
                                + " System.setProperty(\"test.loop.running\", \"yes\"); }")));
        while (System.getProperty("test.loop.running") == null) {
            Thread.sleep(20);
        }
        evaluator.interrupt();
        CellFailure failure = run.get(10, TimeUnit.SECONDS);
        assertEquals("Interrupted", failure.errorName());
        assertTrue(failure.getMessage().contains("stopped cleanly after step"), failure.getMessage());
        assertTrue((Integer) evaluator.evaluate("steps[0]") > 0);
    }

    @Test
    void callsThatWouldStopTheKernelAreRefusedAndVariablesKept() {
        evaluator.evaluate("int keptBeforeExit = 7;");
        for (String cell : List.of("System.exit(0);", "Runtime.getRuntime().halt(1);",
                "java.util.function.IntConsumer quit = System::exit;",
                "void leave() { Runtime.getRuntime().exit(3); }")) {
            CellFailure refused = assertThrows(CellFailure.class, () -> evaluator.evaluate(cell), cell);
            assertEquals("KernelExitRefused", refused.errorName());
            assertTrue(refused.getMessage().contains("would stop the kernel"), refused.getMessage());
        }
        assertThrows(CellFailure.class, () -> evaluator.evaluate("leave()"), "a refused method is not defined");
        assertEquals(8, evaluator.evaluate("keptBeforeExit + 1"));
        assertEquals("exit", evaluator.evaluate("String exit = \"exit\"; exit"), "a name is not a call");
    }

    private CellFailure interruptWhenRunning(String property, String cell) throws Exception {
        CompletableFuture<CellFailure> run = CompletableFuture.supplyAsync(() -> assertThrows(CellFailure.class,
                () -> evaluator.evaluate("System.setProperty(\"" + property + "\", \"yes\");\n" + cell)));
        while (System.getProperty(property) == null) {
            Thread.sleep(20);
        }
        evaluator.interrupt();
        return run.get(15, TimeUnit.SECONDS);
    }

    @Test
    void aBusyLoopInACellIsStoppedAtItsLoopOnEveryJavaAndTheNextCellRunsCleanly() throws Exception {
        CellFailure failure = interruptWhenRunning("test.busy.running",
                "long spins = 0;\nint spin() { int n = 0; do { n++; } while (n != 0 || n == 0); return n; }\nwhile (true) { spins++; }");
        assertEquals("Interrupted", failure.errorName());
        assertTrue(failure.getMessage().contains("its loop was stopped"), failure.getMessage());
        assertTrue((Long) evaluator.evaluate("spins") > 0, "the loop ran until the stop");
        // a loop in a method the cell declared (a do-while: a conditional jump back) stops the same way
        CellFailure inMethod = interruptWhenRunning("test.method.running", "spin()");
        assertTrue(inMethod.getMessage().contains("its loop was stopped"), inMethod.getMessage());
        // the stop must not land on the next cells (before, the next cell died with a ThreadDeath)
        for (int i = 0; i < 3; i++) {
            assertEquals(2, evaluator.evaluate("1 + 1"));
            Thread.sleep(100);
        }
    }

    @Test
    void aLoopInsideALibraryIsStoppedForciblyOrLeftBehindAndTheNextCellRuns() throws Exception {
        // the loop is in the JDK's stream code, which the kernel does not instrument, and never checks for interrupts
        CellFailure failure = interruptWhenRunning("test.library.running",
                "java.util.stream.LongStream.iterate(0, i -> i + 1).filter(i -> i < 0).findFirst()");
        assertEquals("Interrupted", failure.errorName());
        if (Runtime.version().feature() >= 20) {
            assertTrue(failure.getMessage().contains("keeps running in the background"), failure.getMessage());
            assertTrue(failure.getMessage().contains("restart the kernel"), failure.getMessage());
        } else {
            assertTrue(failure.getMessage().contains("stopped forcibly"), failure.getMessage());
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(2, evaluator.evaluate("1 + 1"));
            Thread.sleep(100);
        }
    }

    @Test
    void deepRecursionGivesAShortTraceAndAClearMessage() {
        evaluator.evaluate("int down(int n) { return down(n + 1) + 1; }");
        CellFailure failure = assertThrows(CellFailure.class, () -> evaluator.evaluate("down(0)"));
        assertEquals("java.lang.StackOverflowError", failure.errorName());
        assertTrue(failure.getMessage().startsWith("deep recursion: the stack overflowed"), failure.getMessage());
        List<String> report = failure.report();
        assertTrue(report.size() <= CellEvaluator.RECURSION_FRAMES_SHOWN + 3, report.size() + " lines: " + report);
        assertTrue(report.get(report.size() - 1).matches("    \\.\\.\\. \\d+ more frames of the same recursion"),
                report.get(report.size() - 1));
        assertTrue(report.get(1).contains("down, cell"), report.get(1));
        assertEquals(5, evaluator.evaluate("1 + 4"), "the kernel goes on after the overflow");
    }

    @Test
    void redefiningAClassSaysWhichVariablesLostTheirValuesAndWhichCellsSetThem() {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream realErr = System.err;
        evaluator.numberCellsFromNowAs(31);
        evaluator.evaluate("class Point { int x = 1; }");
        evaluator.numberCellsFromNowAs(32);
        evaluator.evaluate("Point origin = new Point();\nint untouched = 4;");
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            evaluator.numberCellsFromNowAs(33);
            evaluator.evaluate("class Point { int x = 1; int y = 2; }");
            evaluator.evaluate("class Point { int x = 1; int y = 2; }"); // the same again changes nothing
        } finally {
            System.setErr(realErr);
        }
        String said = captured.toString();
        assertEquals(1, said.lines().count(), said);
        assertTrue(said.contains("Redefining Point reset variables that depend on it: origin (now null, set in cell 32)"), said);
        assertTrue(said.contains("Re-run cell 32"), said);
        assertFalse(said.contains("untouched"), said);
        assertEquals(4, evaluator.evaluate("untouched"));
    }

    @Test
    void aCellInterruptsAndStopsItsOwnThreadsButNotTheKernels() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean kernelThreadInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
        Thread kernelThread = new Thread(() -> {   // stands for the kernel's own threads: the shell loop, ZeroMQ's
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                kernelThreadInterrupted.set(true);
            }
        }, "kernel-stand-in");
        kernelThread.setDaemon(true);
        kernelThread.start();
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream realErr = System.err;
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            Object result = evaluator.evaluate("""
                    Thread mine = new Thread(() -> {
                        try { Thread.sleep(30_000); } catch (InterruptedException e) { System.setProperty("mine", "interrupted"); }
                    });
                    mine.start();
                    Thread.getAllStackTraces().keySet().stream().filter(t -> t != Thread.currentThread()).forEach(Thread::interrupt);
                    for (Thread t : Thread.getAllStackTraces().keySet()) { if (t != Thread.currentThread()) t.interrupt(); }
                    Thread.currentThread().getThreadGroup().getParent().interrupt();
                    mine.join(10_000);
                    System.getProperty("mine")""");
            assertEquals("interrupted", result, "a thread the cell started is interrupted as asked");
            evaluator.evaluate("Thread.getAllStackTraces().keySet().stream()"
                    + ".filter(t -> t.getName().equals(\"kernel-stand-in\")).forEach(Thread::stop);");
        } finally {
            System.setErr(realErr);
            System.clearProperty("mine");
        }
        Thread.sleep(200);
        assertFalse(kernelThreadInterrupted.get(), "the kernel's thread was left alone");
        assertTrue(kernelThread.isAlive(), "the kernel's thread was not stopped");
        List<String> said = captured.toString().lines().toList();
        assertEquals(2, said.size(), "one line a cell: " + said);
        assertTrue(said.get(0).startsWith("Thread.interrupt() left \""), said.get(0));
        assertTrue(said.get(1).startsWith("Thread.stop() left \"kernel-stand-in\" and the kernel's other own threads alone"),
                said.get(1));
        assertEquals(5, evaluator.evaluate("2 + 3"), "the evaluator goes on");
        kernelThread.interrupt();
    }

    @Test
    void aCellThatDefinesTheVariableAgainIsNotWarnedAbout() {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream realErr = System.err;
        evaluator.evaluate("record Pair(int a) { }\nPair pair = new Pair(1);");
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            evaluator.evaluate("record Pair(int a, int b) { }\nPair pair = new Pair(1, 2);");
        } finally {
            System.setErr(realErr);
        }
        assertEquals("", captured.toString());
        assertEquals(2, evaluator.evaluate("pair.b()"));
    }

    @Test
    void runtimeErrorsNameTheCellByTheNumberTheKernelGaveIt() {
        evaluator.numberCellsFromNowAs(57);
        CellFailure failure = assertThrows(CellFailure.class,
                () -> evaluator.evaluate("int zero = 0;\nint broken = 1 / zero;"));
        assertTrue(String.join("\n", failure.report()).contains("cell 57, line 2"), failure.report().toString());
    }

    @Test
    void theQuickCompletenessGuessSeesOpenBracketsCommentsAndLiterals() {
        assertTrue(CellEvaluator.looksUnfinished("for (int i = 0; i < 3; i++) {"));
        assertTrue(CellEvaluator.looksUnfinished("var s = List.of(1,\n 2"));
        assertTrue(CellEvaluator.looksUnfinished("/* a comment that goes on"));
        assertTrue(CellEvaluator.looksUnfinished("String s = \"\"\"\n  text block"));
        assertFalse(CellEvaluator.looksUnfinished("int x = 1;"));
        assertFalse(CellEvaluator.looksUnfinished("String s = \"{ ( [\"; // {"));
        assertFalse(CellEvaluator.looksUnfinished("char c = '{';"));
        assertFalse(CellEvaluator.looksUnfinished("String s = \"\"\"\n  a \" quote {\n  \"\"\";"));
    }
}
