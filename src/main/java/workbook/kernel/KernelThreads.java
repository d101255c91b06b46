package workbook.kernel;

import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.Map;

/**
 * Keeps cell code from interrupting or stopping the kernel's own threads: the loops that read Jupyter's messages, the
 * heartbeat, ZeroMQ's I/O threads, the output flusher. An interrupt reaching one of them cuts the notebook off for good
 * (measured: after {@code Thread.getAllStackTraces().keySet().forEach(Thread::interrupt)} the kernel answered no
 * request again, its heartbeat and control loops ended and a ZeroMQ thread spun a core).
 *
 * <p>Every cell runs in the thread group {@link #CELLS}, and a thread a cell starts joins its creator's group, so
 * "the cell's own" is known for any thread. Before JShell loads a cell's classes, their calls of
 * {@code Thread.interrupt()}, {@code Thread.stop()} and {@code ThreadGroup.interrupt()} (method references included) go
 * through this class: cell threads and the threads they started are interrupted or stopped as asked; the kernel's are
 * left alone, and the cell is told so. Library code the cell calls is not rewritten.
 */
public final class KernelThreads {

    /** The group of every cell's thread, and so of every thread a cell starts. */
    static final ThreadGroup CELLS = new ThreadGroup("notebook-cells");

    private static final String OWNER = KernelThreads.class.getName().replace('.', '/');
    private static final String THREAD = "java/lang/Thread";
    private static final String THREAD_GROUP = "java/lang/ThreadGroup";
    /** Each guarded call ("owner.name") and the descriptor of the static method here that replaces it. */
    private static final Map<String, String> GUARDED = Map.of(
            THREAD + ".interrupt", "(Ljava/lang/Thread;)V",
            THREAD + ".stop", "(Ljava/lang/Thread;)V",
            THREAD_GROUP + ".interrupt", "(Ljava/lang/ThreadGroup;)V");

    /** Whether this cell thread has already been told that the kernel's threads were left alone: once is enough. */
    private static final ThreadLocal<Boolean> TOLD = ThreadLocal.withInitial(() -> false);

    private KernelThreads() {
    }

    /** {@code thread.interrupt()} as written in a cell; public because the cells' classes call it. */
    public static void interrupt(Thread thread) {
        if (isCells(thread)) {
            thread.interrupt();
        } else {
            leftAlone("interrupt", thread);
        }
    }

    /** {@code thread.stop()} as written in a cell. */
    @SuppressWarnings({"removal", "deprecation"})
    public static void stop(Thread thread) {
        if (isCells(thread)) {
            thread.stop();
        } else {
            leftAlone("stop", thread);
        }
    }

    /** {@code group.interrupt()} as written in a cell: the group's threads that are the cells' are interrupted. */
    public static void interrupt(ThreadGroup group) {
        if (within(group, CELLS)) {
            group.interrupt();
            return;
        }
        Thread[] threads = new Thread[group.activeCount() + 16];
        int count = group.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            interrupt(threads[i]);
        }
    }

    /** True for a cell's thread, a thread started by one, and a thread that has ended (nothing to protect). */
    static boolean isCells(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return group == null || within(group, CELLS);
    }

    private static boolean within(ThreadGroup group, ThreadGroup ancestor) {
        for (ThreadGroup g = group; g != null; g = g.getParent()) {
            if (g == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static void leftAlone(String what, Thread thread) {
        if (TOLD.get()) {
            return;
        }
        TOLD.set(true);
        System.err.println("Thread." + what + "() left \"" + thread.getName() + "\" and the kernel's other own threads"
                + " alone: they keep the notebook connected to Jupyter. The cell's threads, and the threads they started,"
                + " are " + (what.equals("stop") ? "stopped" : "interrupted") + " as asked.");
    }

    /** The class with its calls of the guarded methods sent here instead. */
    static byte[] instrument(byte[] classFile) {
        // A call on an object becomes a static call taking that object: the stack is the same, so are its frames.
        return CellBytecode.rewriteMethods(classFile, GuardedCalls::new);
    }

    /** The descriptor of the static method here that replaces {@code owner.name desc}, or null when it is not guarded. */
    private static String guardFor(String owner, String name, String desc) {
        return desc.equals("()V") ? GUARDED.get(owner + "." + name) : null;
    }

    private static final class GuardedCalls extends MethodVisitor {
        GuardedCalls(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
            String guard = opcode == Opcodes.INVOKEVIRTUAL ? guardFor(owner, method, desc) : null;
            if (guard != null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, method, guard, false);
            } else {
                super.visitMethodInsn(opcode, owner, method, desc, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
            Object[] guarded = arguments.clone();   // Thread::interrupt: the lambda's target handle
            for (int i = 0; i < guarded.length; i++) {
                String guard = guarded[i] instanceof Handle handle && handle.getTag() == Opcodes.H_INVOKEVIRTUAL
                        ? guardFor(handle.getOwner(), handle.getName(), handle.getDesc()) : null;
                if (guard != null) {
                    guarded[i] = new Handle(Opcodes.H_INVOKESTATIC, OWNER, ((Handle) guarded[i]).getName(), guard, false);
                }
            }
            super.visitInvokeDynamicInsn(method, desc, bootstrap, guarded);
        }
    }
}
