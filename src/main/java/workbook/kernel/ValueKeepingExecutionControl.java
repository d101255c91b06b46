package workbook.kernel;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs snippets in this JVM, in the calling thread, and keeps the real result object and the
 * real exception of the last snippet. JShell itself only passes a string of the value back;
 * rich display (plots, tables, images) needs the object.
 *
 * <p>The outcome is kept per thread: each cell runs on its own thread, and a cell that could not
 * be stopped (Java 20+) may still run in the background while later cells run.
 */
final class ValueKeepingExecutionControl extends DirectExecutionControl {

    /** Marks "the last snippet produced no value" (distinct from a value that is {@code null}). */
    static final Object NO_VALUE = new Object();

    /** What the last snippet run on a thread produced. */
    private static final class Outcome {
        Object value = NO_VALUE;
        Throwable thrown;
        String refusal;
    }

    private final ThreadLocal<Outcome> outcome = ThreadLocal.withInitial(Outcome::new);
    private final Set<Thread> threadsInUserCode = ConcurrentHashMap.newKeySet();

    /**
     * Refuses cells that would stop the kernel's JVM (see {@link ExitGuard}) before any of their code runs,
     * gives the loops of the others a stop check (see {@link CellLoops}) and keeps their interrupts off the kernel's
     * own threads (see {@link KernelThreads}).
     */
    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        for (ClassBytecodes c : classes) {
            String call = ExitGuard.stoppingCall(c.bytecodes());
            if (call != null) {
                outcome.get().refusal = call + " would stop the kernel; the cell was not run, and the variables are kept."
                        + " To end a computation early, return from it or throw an exception.";
                throw new ClassInstallException(outcome.get().refusal, new boolean[classes.length]);
            }
        }
        ClassBytecodes[] withLoopChecks = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            withLoopChecks[i] = new ClassBytecodes(classes[i].name(),
                    CellLoops.instrument(KernelThreads.instrument(classes[i].bytecodes())));
        }
        super.load(withLoopChecks);
    }

    /** Why the last snippet was refused, or null. */
    String refusal() {
        return outcome.get().refusal;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Outcome kept = outcome.get();
        kept.value = NO_VALUE;
        kept.thrown = null;
        threadsInUserCode.add(Thread.currentThread());
        try {
            Object value = doitMethod.invoke(null);
            kept.value = value;
            return valueString(value);
        } catch (InvocationTargetException e) {
            kept.thrown = e.getCause();
            throw e;
        } finally {
            threadsInUserCode.remove(Thread.currentThread());
        }
    }

    /** True while the user's code (not JShell's compiler) runs on that thread: only then may it be stopped forcibly. */
    boolean inUserCode(Thread thread) {
        return threadsInUserCode.contains(thread);
    }

    /** Forget this thread's previous snippet outcome before running the next one. */
    void clearLastOutcome() {
        outcome.set(new Outcome());
    }

    Object lastValue() {
        return outcome.get().value;
    }

    Throwable lastThrown() {
        return outcome.get().thrown;
    }

    /** Hands JShell one shared instance, so the evaluator can read the kept value and exception. */
    static final class Provider implements ExecutionControlProvider {
        private final ValueKeepingExecutionControl control;

        Provider(ValueKeepingExecutionControl control) {
            this.control = control;
        }

        @Override
        public String name() {
            return "workbook-in-process";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
