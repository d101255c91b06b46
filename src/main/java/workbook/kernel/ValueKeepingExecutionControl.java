package workbook.kernel;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Runs snippets in this JVM, in the calling thread, and keeps the real result object and the
 * real exception of the last snippet. JShell itself only passes a string of the value back;
 * rich display (plots, tables, images) needs the object.
 */
final class ValueKeepingExecutionControl extends DirectExecutionControl {

    /** Marks "the last snippet produced no value" (distinct from a value that is {@code null}). */
    static final Object NO_VALUE = new Object();

    private Object lastValue = NO_VALUE;
    private Throwable lastThrown;
    private volatile boolean inUserCode;
    private String refusal;

    /** Refuses cells that would stop the kernel's JVM (see {@link ExitGuard}) before any of their code runs. */
    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        for (ClassBytecodes c : classes) {
            String call = ExitGuard.stoppingCall(c.bytecodes());
            if (call != null) {
                refusal = call + " would stop the kernel; the cell was not run, and the variables are kept."
                        + " To end a computation early, return from it or throw an exception.";
                throw new ClassInstallException(refusal, new boolean[classes.length]);
            }
        }
        super.load(classes);
    }

    /** Why the last snippet was refused, or null. */
    String refusal() {
        return refusal;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = NO_VALUE;
        lastThrown = null;
        inUserCode = true;
        try {
            Object value = doitMethod.invoke(null);
            lastValue = value;
            return valueString(value);
        } catch (InvocationTargetException e) {
            lastThrown = e.getCause();
            throw e;
        } finally {
            inUserCode = false;
        }
    }

    /** True while the user's code (not JShell's compiler) runs: only then may a cell be stopped forcibly. */
    boolean inUserCode() {
        return inUserCode;
    }

    /** Forget the previous snippet's outcome before running the next one. */
    void clearLastOutcome() {
        lastValue = NO_VALUE;
        lastThrown = null;
        refusal = null;
    }

    Object lastValue() {
        return lastValue;
    }

    Throwable lastThrown() {
        return lastThrown;
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
