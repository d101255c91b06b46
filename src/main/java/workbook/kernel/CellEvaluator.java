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
import jdk.jshell.VarSnippet;
import workbook.display.Interruption;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Evaluates notebook cells with JShell, in this JVM, one cell at a time, each on a fresh thread.
 *
 * <p>A cell is split into JShell snippets; each snippet is stripped of surrounding blank lines
 * (leading newlines make JShell treat an unchanged declaration as new and reset variables). The
 * value of the last snippet, if it is an expression, is the cell's result. A snippet that fails to
 * compile or throws stops the cell with a {@link CellFailure} that names the cell line.
 *
 * <p>Interrupting: {@link #interrupt()} interrupts the cell's thread. Library loops stop at their
 * next {@link Interruption#checkpoint(String)}; {@code Thread.sleep} and blocking waits throw.
 * A cell that ignores interrupts is stopped after a grace period at the next turn of a loop of its
 * own code ({@link CellLoops}, every Java version); one stuck in a library is stopped forcibly where
 * the JVM still allows it (Java 17-19), and on newer Java left running in the background, the reader
 * told so; later cells run on their own threads.
 */
public final class CellEvaluator implements AutoCloseable {

    /** The imports every cell starts with: JShell's defaults and the IJava-style display functions. */
    public static final List<String> STARTUP_IMPORTS = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;",
            "import static workbook.kernel.Notebook.display;",
            "import static workbook.kernel.Notebook.updateDisplay;");

    private static final long FORCED_STOP_GRACE_MILLIS = 3000;
    private static final long LOOP_STOP_GRACE_MILLIS = 1000;

    private final ValueKeepingExecutionControl control = new ValueKeepingExecutionControl();
    private volatile JShell shell;         // set by the start task, which runs before any cell
    private volatile SourceCodeAnalysis analysis;
    private final FutureTask<Void> started = new FutureTask<>(this::startJShell, null);
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cell-interrupt-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Snippet id to where its source starts, so stack frames can name the cell line. */
    private final Map<String, SnippetOrigin> origins = new ConcurrentHashMap<>();

    private volatile Supplier<Runnable> cellStartHook = () -> () -> { };
    private volatile RunningCell running;
    private int cellsRun;
    private volatile int shownCellNumber;   // 0: count cells here; else the In[N] the kernel shows

    private record SnippetOrigin(int cellNumber, int firstLine) {
    }

    /**
     * A cell's own thread and the outcome its caller waits for. A thread per cell confines a forced
     * stop (or a cell that cannot be stopped) to that cell: the next cell starts on a fresh thread.
     */
    private static final class RunningCell {
        final Thread thread;
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        volatile boolean interruptRequested;
        volatile boolean forcedStop;
        volatile Runnable onLeftRunning = () -> { };

        RunningCell(Runnable body, String name) {
            thread = new Thread(KernelThreads.CELLS, body, name);   // threads the cell starts join this group
            thread.setDaemon(true);
        }
    }

    public CellEvaluator() {
        // JShell starts (compiler warm-up included, about a second) while the kernel connects to Jupyter;
        // the first cell waits for it.
        Thread starter = new Thread(started, "jshell-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** True once JShell has started: until then only cheap answers (e.g. is_complete) are possible. */
    public boolean isStarted() {
        return started.isDone();
    }

    /**
     * The cell number messages name from now on (the kernel's execution count, In[N]): a cell's
     * {@code %load} script and its own code are one cell.
     */
    public void numberCellsFromNowAs(int executionCount) {
        shownCellNumber = executionCount;
    }

    private void startJShell() {
        shell = JShell.builder()
                .executionEngine(new ValueKeepingExecutionControl.Provider(control), Map.of())
                .build();
        analysis = shell.sourceCodeAnalysis();
        WorkbookJavadoc.attach(analysis, WorkbookJavadoc.sources());   // Shift+Tab shows the workbook's Javadoc
        // The kernel JVM already has every jar on its -cp (DJL must load its native library from there);
        // the compiler needs the same path to resolve the notebooks' imports.
        shell.addToClasspath(System.getProperty("java.class.path"));
        for (String line : STARTUP_IMPORTS) {
            shell.eval(line);
        }
        // the first completeness analysis costs about 100 ms; pay it here, before is_complete relies on JShell
        analysis.analyzeCompletion("for (int i = 0; i < 3; i++) { i++; }");
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
        int number = shownCellNumber > 0 ? shownCellNumber : ++cellsRun;
        return onCellThread(() -> evaluateOnCellThread(cellSource, number), number);
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
        RunningCell cell = running;
        if (cell == null) {
            return;
        }
        cell.interruptRequested = true;
        cell.thread.interrupt();
        watchdog.schedule(() -> forceStopIfStillRunning(cell), FORCED_STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The cell ignored the interrupt: stop the loops of its own code (every Java), then, if that is not enough, the thread. */
    private void forceStopIfStillRunning(RunningCell cell) {
        if (cell.outcome.isDone() || !control.inUserCode(cell.thread)) {
            return;
        }
        cell.forcedStop = true;
        CellLoops.stop(cell.thread);
        watchdog.schedule(() -> stopThreadIfStillRunning(cell), LOOP_STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The cell is stuck outside its own loops (in a library): stop its thread where Java still can. */
    @SuppressWarnings({"removal", "deprecation"})
    private void stopThreadIfStillRunning(RunningCell cell) {
        if (cell.outcome.isDone() || !control.inUserCode(cell.thread)) {
            return;
        }
        try {
            cell.thread.stop(); // Java 17-19; the ThreadDeath ends this cell's own thread only
        } catch (UnsupportedOperationException newerJava) {
            // Java 20+ cannot stop a thread: leave it running and let the reader go on with other cells.
            cell.forcedStop = false;
            cell.thread.setPriority(Thread.MIN_PRIORITY);
            cell.onLeftRunning.run();
            String message = "Interrupted, but not stopped: the cell is busy in a library that does not check for"
                    + " interrupts, and Java " + Runtime.version().feature() + " cannot stop it. It keeps running in the"
                    + " background (using a CPU core) while you run other cells; restart the kernel to free the CPU"
                    + " (variables will be lost).";
            cell.outcome.completeExceptionally(new CellFailure("Interrupted", message, List.of(message), null));
        }
    }

    /**
     * Runs {@code hook} on the cell's thread before each cell (the kernel binds the cell's output there);
     * what it returns runs if the cell is left running in the background (its output must stay its own).
     */
    public void onCellStart(Supplier<Runnable> hook) {
        cellStartHook = hook;
    }

    /** The declared type of the session's variable with this name (as JShell writes it), or null. */
    public String variableType(String name) {
        if (name == null) {
            return null;
        }
        awaitStarted();
        return shell.variables().filter(v -> v.name().equals(name) && shell.status(v).isActive())
                .map(jdk.jshell.VarSnippet::typeName).reduce((first, last) -> last).orElse(null);
    }

    public SourceCodeAnalysis analysis() {
        awaitStarted();
        return analysis;
    }

    private Object onCellThread(Callable<Object> work, int cellNumber) {
        RunningCell[] self = new RunningCell[1];
        RunningCell cell = new RunningCell(() -> {
            RunningCell me = self[0];
            try {
                me.onLeftRunning = cellStartHook.get();
                me.outcome.complete(work.call());
            } catch (Throwable failure) { // ThreadDeath of a forced stop included: it ends here, with this thread
                me.outcome.completeExceptionally(failure);
            } finally {
                CellLoops.release(Thread.currentThread());
            }
        }, "notebook-cell-" + cellNumber);
        self[0] = cell;
        running = cell;
        cell.thread.start();
        try {
            while (true) {
                try {
                    return cell.outcome.get();
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
                    throw interrupted("the cell did not stop by itself, so it was stopped forcibly", cause);
                }
            }
        } finally {
            running = null;
        }
    }

    private Object evaluateOnCellThread(String cellSource, int cellNumber) {
        DroppedVariables dropped = new DroppedVariables();
        try {
            return evaluateSnippets(cellSource, cellNumber, dropped);
        } finally {
            dropped.report();
        }
    }

    private Object evaluateSnippets(String cellSource, int cellNumber, DroppedVariables dropped) {
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
            result = evaluateSnippet(source.strip(), cellNumber, firstLine, dropped);
        }
        return result;
    }


    private Object evaluateSnippet(String source, int cellNumber, int firstLine, DroppedVariables dropped) {
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
        String changed = events.isEmpty() || !(events.get(0).snippet() instanceof DeclarationSnippet declared)
                ? "that" : declared.name();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                // an update of a dependent snippet: a variable recompiled this way loses its value
                // (OVERWRITTEN: replaced by a new declaration of the same name, not lost)
                if (event.snippet() instanceof VarSnippet variable && event.status() != Snippet.Status.OVERWRITTEN
                        && event.status() != Snippet.Status.DROPPED) {
                    SnippetOrigin origin = origins.get(variable.id());
                    dropped.add(changed, variable.name(), event.status().isDefined() ? "now " + event.value() : "undefined",
                            origin == null ? 0 : origin.cellNumber());
                }
                continue;
            }
            Snippet snippet = event.snippet();
            if (snippet instanceof VarSnippet variable) {
                dropped.redefined(variable.name());
            }
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
        return Skeleton.of(source).code().strip().endsWith(";");
    }

    /**
     * A cheap guess, without the compiler, whether more lines must follow: a bracket, comment or
     * literal is still open. Answers is_complete while JShell starts (about a second).
     */
    static boolean looksUnfinished(String source) {
        Skeleton skeleton = Skeleton.of(source);
        if (skeleton.openAtEnd()) {
            return true;
        }
        int depth = 0;
        for (char c : skeleton.code().toCharArray()) {
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return depth > 0;
    }

    /** Code without its comments, string and char literals emptied (quotes kept); openAtEnd: one runs off the end. */
    record Skeleton(String code, boolean openAtEnd) {
        static Skeleton of(String source) {
            StringBuilder code = new StringBuilder();
            int i = 0;
            int n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                int end;
                if (source.startsWith("\"\"\"", i)) {
                    end = source.indexOf("\"\"\"", i + 3);
                    code.append("\"\"");
                    if (end < 0) {
                        return new Skeleton(code.toString(), true);
                    }
                    i = end + 3;
                } else if (c == '"' || c == '\'') {
                    end = i + 1;   // a literal runs to the same unescaped quote
                    while (end < n && source.charAt(end) != c) {
                        end += source.charAt(end) == '\\' ? 2 : 1;
                    }
                    code.append(c).append(c);
                    if (end >= n) {
                        return new Skeleton(code.toString(), true);
                    }
                    i = end + 1;
                } else if (source.startsWith("//", i)) {
                    end = source.indexOf('\n', i);
                    i = end < 0 ? n : end;
                } else if (source.startsWith("/*", i)) {
                    end = source.indexOf("*/", i + 2);
                    if (end < 0) {
                        return new Skeleton(code.toString(), true);
                    }
                    i = end + 2;
                } else {
                    code.append(c);
                    i++;
                }
            }
            return new Skeleton(code.toString(), false);
        }
    }

    /**
     * Variables that lost their value in this cell because something they depend on (a class, a
     * method, another variable) was redefined: JShell recompiles them and resets them silently.
     */
    private static final class DroppedVariables {
        private final Map<String, String> lost = new java.util.LinkedHashMap<>();
        private final java.util.Set<Integer> cells = new java.util.TreeSet<>();
        private final java.util.Set<String> causes = new java.util.LinkedHashSet<>();

        void add(String cause, String variable, String nowState, int cellNumber) {
            causes.add(cause);
            lost.put(variable, variable + " (" + nowState + (cellNumber > 0 ? ", set in cell " + cellNumber : "") + ")");
            if (cellNumber > 0) {
                cells.add(cellNumber);
            }
        }

        /** A variable this same cell defines again has its value back. */
        void redefined(String variable) {
            lost.remove(variable);
        }

        void report() {
            if (lost.isEmpty()) {
                return;
            }
            String rerun = cells.isEmpty() ? "Re-run the cells that set them"
                    : "Re-run cell" + (cells.size() > 1 ? "s " : " ") + cells.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + " (In[N] numbers of this session)";
            System.err.println("Redefining " + String.join(", ", causes) + " reset variables that depend on "
                    + (causes.size() > 1 ? "them: " : "it: ")
                    + String.join(", ", lost.values()) + ". " + rerun + " to get their values back.");
        }
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
        RunningCell cell = running;
        if (cell != null && cell.thread == Thread.currentThread() && cell.interruptRequested && isInterruption(thrown)) {
            String why = thrown instanceof CellLoops.LoopStopped
                    ? "the cell did not check for interrupts, so its loop was stopped"
                    : cell.forcedStop ? "the cell did not stop by itself, so it was stopped forcibly" : thrown.getMessage();
            return interrupted(why, thrown);
        }
        String name = thrown instanceof EvalException eval ? eval.getExceptionClassName() : thrown.getClass().getName();
        if (name.equals(StackOverflowError.class.getName())) {
            return new CellFailure(name, DEEP_RECURSION, formatThrowable(reported), thrown);
        }
        // JShell's report carries stack frames translated to snippet lines ("#12:3"); the real exception does not.
        return new CellFailure(name, String.valueOf(thrown.getMessage()), formatThrowable(reported), thrown);
    }

    static final String DEEP_RECURSION = "deep recursion: the stack overflowed (a method called itself too many"
            + " times: check that its recursion reaches a case that stops it, or use a loop)";
    static final int RECURSION_FRAMES_SHOWN = 20;

    private static boolean isInterruption(Throwable thrown) {
        return thrown instanceof InterruptedException || thrown instanceof Interruption.StoppedByInterrupt
                || thrown instanceof ThreadDeath || thrown instanceof CellLoops.LoopStopped
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
            StackTraceElement[] frames = current.getStackTrace();
            if (name.equals(StackOverflowError.class.getName())) {
                // the JVM keeps up to 1,024 frames, nearly all the same few: the first ones say enough
                lines.add(prefix + name + ": " + DEEP_RECURSION);
                int shown = Math.min(frames.length, RECURSION_FRAMES_SHOWN);
                for (int i = 0; i < shown; i++) {
                    lines.add("    at " + describe(frames[i]));
                }
                if (frames.length > shown) {
                    lines.add("    ... " + (frames.length - shown) + " more frames of the same recursion");
                }
                current = current.getCause();
                prefix = "Caused by: ";
                continue;
            }
            lines.add(prefix + name + (current.getMessage() == null ? "" : ": " + current.getMessage()));
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

    /** 1-based line number of a character position (also how {@code workbook.export} numbers a cell's lines). */
    public static int lineOf(String text, int position) {
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
        watchdog.shutdownNow();
        if (shell != null) {
            shell.close();
        }
    }
}
