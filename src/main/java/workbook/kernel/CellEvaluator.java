package workbook.kernel;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import workbook.display.Interruption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Evaluates notebook cells with JShell, in this JVM, one cell at a time on a dedicated thread.
 *
 * <p>A cell is split into JShell snippets; each snippet is stripped of surrounding blank lines
 * (leading newlines make JShell treat an unchanged declaration as new and reset variables). The
 * value of the last snippet, if it is an expression, is the cell's result. A snippet that fails to
 * compile or throws stops the cell with a {@link CellFailure} that names the cell line.
 *
 * <p>Interrupting: {@link #interrupt()} interrupts the cell's thread. Library loops stop at their
 * next {@link Interruption#checkpoint(String)}; {@code Thread.sleep} and blocking waits throw.
 * A cell that ignores interrupts is stopped forcibly after a grace period where the JVM still
 * allows it (Java 17-19), and otherwise reported.
 */
public final class CellEvaluator implements AutoCloseable {

    /** The imports every cell starts with: JShell's defaults and the IJava-style display functions. */
    static final List<String> STARTUP_IMPORTS = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;",
            "import static workbook.kernel.Notebook.display;",
            "import static workbook.kernel.Notebook.updateDisplay;");

    private static final long FORCED_STOP_GRACE_MILLIS = 3000;

    private final ValueKeepingExecutionControl control = new ValueKeepingExecutionControl();
    private JShell shell;                  // set by the start task, which runs before any cell
    private SourceCodeAnalysis analysis;
    private final Future<?> started;
    private final ExecutorService cellThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notebook-cell");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cell-interrupt-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Snippet id to where its source starts, so stack frames can name the cell line. */
    private final Map<String, SnippetOrigin> origins = new ConcurrentHashMap<>();

    private volatile Runnable cellStartHook = () -> { };
    private volatile Thread runningThread;
    private volatile boolean interruptRequested;
    private volatile boolean forcedStop;
    private int cellsRun;

    private record SnippetOrigin(int cellNumber, int firstLine) {
    }

    public CellEvaluator() {
        // JShell starts (compiler warm-up included, about a second) on the cell thread while the
        // kernel connects to Jupyter; the first cell waits behind it in the same queue.
        started = cellThread.submit(this::startJShell);
    }

    private void startJShell() {
        shell = JShell.builder()
                .executionEngine(new ValueKeepingExecutionControl.Provider(control), Map.of())
                .build();
        analysis = shell.sourceCodeAnalysis();
        // The kernel JVM already has every jar on its -cp (DJL must load its native library from there);
        // the compiler needs the same path to resolve the notebooks' imports.
        shell.addToClasspath(System.getProperty("java.class.path"));
        for (String line : STARTUP_IMPORTS) {
            shell.eval(line);
        }
    }

    private void awaitStarted() {
        try {
            started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell could not start: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs a cell and returns its result: the value of a final expression, or
     * {@link ValueKeepingExecutionControl#NO_VALUE} when the cell ends with a statement or declaration.
     *
     * @throws CellFailure when a snippet does not compile, throws, or is interrupted
     */
    public Object evaluate(String cellSource) {
        awaitStarted();
        int cellNumber = ++cellsRun;
        return onCellThread(() -> evaluateOnCellThread(cellSource, cellNumber));
    }

    /** True when {@link #evaluate} returned a value rather than "no value". */
    public static boolean hasValue(Object result) {
        return result != ValueKeepingExecutionControl.NO_VALUE;
    }

    /** Adds jars or class folders (separated by the path separator) for the compiler and the class loader. */
    public void addToClasspath(String path) {
        awaitStarted();
        shell.addToClasspath(path);
    }

    /** Asks the running cell to stop; returns at once. Does nothing when no cell runs. */
    public void interrupt() {
        Thread thread = runningThread;
        if (thread == null) {
            return;
        }
        interruptRequested = true;
        thread.interrupt();
        watchdog.schedule(() -> forceStopIfStillRunning(thread), FORCED_STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings({"removal", "deprecation"})
    private void forceStopIfStillRunning(Thread thread) {
        if (runningThread != thread || !control.inUserCode()) {
            return;
        }
        try {
            forcedStop = true;
            thread.stop();
        } catch (UnsupportedOperationException newerJava) {
            forcedStop = false;
            System.err.println("The cell does not check for interrupts and this Java version cannot stop it."
                    + " Restart the kernel to stop it (variables will be lost).");
        }
    }

    /** Runs {@code hook} on the cell's thread before each cell (the kernel binds the cell's output there). */
    public void onCellStart(Runnable hook) {
        cellStartHook = hook;
    }

    public SourceCodeAnalysis analysis() {
        awaitStarted();
        return analysis;
    }

    private <T> T onCellThread(java.util.concurrent.Callable<T> work) {
        Future<T> future = cellThread.submit(() -> {
            runningThread = Thread.currentThread();
            interruptRequested = false;
            forcedStop = false;
            try {
                cellStartHook.run();
                return work.call();
            } finally {
                runningThread = null;
                Thread.interrupted(); // an interrupt that arrived late must not hit the next cell
            }
        });
        while (true) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                // The caller's thread is never the cell's thread; keep waiting for the cell to end.
                interrupt();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error && !(cause instanceof ThreadDeath)) {
                    throw error;
                }
                throw interrupted("the cell was stopped forcibly", cause);
            }
        }
    }

    private Object evaluateOnCellThread(String cellSource, int cellNumber) {
        Object result = ValueKeepingExecutionControl.NO_VALUE;
        String remaining = cellSource;
        while (!remaining.isBlank()) {
            int offset = cellSource.length() - remaining.length();
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source;
            if (info.completeness() == Completeness.EMPTY) {
                break;
            } else if (info.completeness().isComplete()) {
                source = info.source();
                remaining = info.remaining();
            } else {
                source = remaining; // incomplete: let the compiler say what is missing
                remaining = "";
            }
            int leading = source.length() - source.stripLeading().length();
            int firstLine = lineOf(cellSource, offset + leading);
            result = evaluateSnippet(source.strip(), cellNumber, firstLine);
        }
        return result;
    }


    private Object evaluateSnippet(String source, int cellNumber, int firstLine) {
        control.clearLastOutcome();
        List<SnippetEvent> events = shell.eval(source);
        if (control.refusal() != null) {
            String refusal = control.refusal();
            for (SnippetEvent event : events) {
                if (event.causeSnippet() == null && event.status().isDefined()) {
                    shell.drop(event.snippet()); // a method that would exit must not stay callable
                }
            }
            throw new CellFailure("KernelExitRefused", refusal, List.of(refusal), null);
        }
        Object value = ValueKeepingExecutionControl.NO_VALUE;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // an update of a dependent snippet, not this one
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), new SnippetOrigin(cellNumber, firstLine));
            if (event.status() == Snippet.Status.REJECTED) {
                throw compilationFailure(snippet, firstLine);
            }
            if (event.exception() != null) {
                throw runtimeFailure(event.exception());
            }
            if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_DEFINED) {
                warnUnresolved((DeclarationSnippet) snippet);
            }
            // "x" shows x; "x;" (e.g. Displays.display(table);) is a statement: its value stays unshown
            if (isShownAsResult(snippet) && !endsWithSemicolon(source)) {
                value = control.lastValue();
            }
        }
        return value;
    }

    /**
     * Whether the code ends with ';' once comments (outside string and char literals) are dropped:
     * as in IPython, {@code Displays.display(figure);} shows no result, so a cell that is a plain
     * Java statement prints only what it prints (and no display id).
     */
    static boolean endsWithSemicolon(String source) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;   // a literal runs to the same unescaped quote (a text block's """ too)
                while (end < n && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                code.append(source, i, Math.min(end + 1, n));
                i = end + 1;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString().strip().endsWith(";");
    }

    private static boolean isShownAsResult(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    private void warnUnresolved(DeclarationSnippet snippet) {
        List<String> missing = shell.unresolvedDependencies(snippet).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            System.err.println(snippet.name() + " is declared, but cannot be used until "
                    + String.join(", ", missing) + " is defined.");
        }
    }

    private CellFailure compilationFailure(Snippet snippet, int firstLine) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (errors.isEmpty()) {
            return new CellFailure("CompilationError", "the code was not accepted",
                    List.of("The code was not accepted (no message from the compiler)."), null);
        }
        String source = snippet.source();
        List<String> report = new ArrayList<>();
        for (Diag diag : errors) {
            int position = (int) Math.max(0, Math.min(diag.getStartPosition(), source.length()));
            int lineInSnippet = lineOf(source, position);
            int lineStart = source.lastIndexOf('\n', position - 1) + 1;
            int lineEnd = source.indexOf('\n', position);
            String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            int end = (int) Math.max(position + 1, Math.min(diag.getEndPosition(), lineStart + line.length()));
            report.add("Compilation error, line " + (firstLine + lineInSnippet - 1) + ": "
                    + diag.getMessage(Locale.ENGLISH));
            report.add("    " + line);
            report.add("    " + " ".repeat(position - lineStart) + "^".repeat(Math.max(1, end - position)));
        }
        return new CellFailure("CompilationError", errors.get(0).getMessage(Locale.ENGLISH), report, null);
    }

    private CellFailure runtimeFailure(JShellException reported) {
        if (reported instanceof UnresolvedReferenceException unresolved) {
            DeclarationSnippet snippet = unresolved.getSnippet();
            String missing = shell.unresolvedDependencies(snippet).collect(Collectors.joining(", "));
            String message = snippet.name() + " cannot run yet: " + missing + " is not defined";
            return new CellFailure("UnresolvedReference", message, List.of(message), reported);
        }
        Throwable thrown = control.lastThrown() != null ? control.lastThrown() : reported;
        if (interruptRequested && isInterruption(thrown)) {
            return interrupted(forcedStop ? "the cell did not stop by itself, so it was stopped forcibly"
                    : thrown.getMessage(), thrown);
        }
        String name = thrown instanceof EvalException eval ? eval.getExceptionClassName() : thrown.getClass().getName();
        // JShell's report carries stack frames translated to snippet lines ("#12:3"); the real exception does not.
        return new CellFailure(name, String.valueOf(thrown.getMessage()), formatThrowable(reported), thrown);
    }

    private static boolean isInterruption(Throwable thrown) {
        return thrown instanceof InterruptedException || thrown instanceof Interruption.StoppedByInterrupt
                || thrown instanceof ThreadDeath
                || (thrown instanceof EvalException e && e.getExceptionClassName().endsWith("ThreadDeath"));
    }

    private static CellFailure interrupted(String why, Throwable cause) {
        String message = why == null || why.isBlank() ? "Interrupted." : why;
        if (!message.startsWith("Interrupted")) {
            message = "Interrupted: " + message;
        }
        return new CellFailure("Interrupted", message, List.of(message), cause);
    }

    /**
     * The exception as a reader needs it: type and message, the frames of the workbook's and the
     * reader's code (cell frames named by cell line), then its causes. The kernel's frames are cut.
     */
    List<String> formatThrowable(Throwable thrown) {
        List<String> lines = new ArrayList<>();
        Throwable current = thrown;
        String prefix = "";
        for (int depth = 0; current != null && depth < 8; depth++) {
            String name = current instanceof EvalException eval ? eval.getExceptionClassName() : current.getClass().getName();
            lines.add(prefix + name + (current.getMessage() == null ? "" : ": " + current.getMessage()));
            StackTraceElement[] frames = current.getStackTrace();
            int lastUserFrame = -1;
            for (int i = 0; i < frames.length; i++) {
                if (isCellFrame(frames[i])) {
                    lastUserFrame = i;
                }
            }
            int shown = lastUserFrame >= 0 ? lastUserFrame + 1 : Math.min(frames.length, 12);
            for (int i = 0; i < shown; i++) {
                lines.add("    at " + describe(frames[i]));
            }
            if (shown < frames.length && lastUserFrame < 0) {
                lines.add("    ... " + (frames.length - shown) + " more");
            }
            current = current.getCause();
            prefix = "Caused by: ";
        }
        return lines;
    }

    /** A frame of code typed in a cell: JShell names its file "#<snippet id>" (its class "REPL.$JShell$n"). */
    private static boolean isCellFrame(StackTraceElement frame) {
        String file = frame.getFileName();
        return frame.getClassName().startsWith("REPL.") || (file != null && file.startsWith("#"));
    }

    private String describe(StackTraceElement frame) {
        if (!isCellFrame(frame)) {
            return frame.toString();
        }
        String file = frame.getFileName();
        SnippetOrigin origin = file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
        String method = frame.getMethodName().isEmpty() || frame.getMethodName().equals("do_it$")
                ? "" : frame.getMethodName() + ", ";
        if (origin == null || frame.getLineNumber() < 1) {
            return method + "a notebook cell";
        }
        return method + "cell " + origin.cellNumber() + ", line " + (origin.firstLine() + frame.getLineNumber() - 1);
    }

    /** 1-based line number of a character position. */
    private static int lineOf(String text, int position) {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    @Override
    public void close() {
        cellThread.shutdownNow();
        watchdog.shutdownNow();
        if (shell != null) {
            shell.close();
        }
    }
}
