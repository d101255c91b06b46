package workbook.kernel;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops loops written in cells, on every Java version. Before JShell loads a cell's classes, each
 * backward jump (the end of every loop body) gets a call to {@link #check()}; an interrupt the cell
 * ignores then marks the cell's thread, and its loop throws {@link LoopStopped} at its next turn.
 * Only that thread stops: threads the cell started, and later cells, run on. A loop inside a library
 * (not cell code) is not reached this way.
 */
public final class CellLoops {

    private static final String OWNER = CellLoops.class.getName().replace('.', '/');
    private static final Set<Thread> STOPPING = ConcurrentHashMap.newKeySet();
    private static boolean anyStopping;   // read opaquely: cheap, and never hoisted out of a loop
    private static final VarHandle ANY_STOPPING;

    static {
        try {
            ANY_STOPPING = MethodHandles.lookup().findStaticVarHandle(CellLoops.class, "anyStopping", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CellLoops() {
    }

    /** Called by cell code at the end of each loop turn; public because the cells' classes call it. */
    public static void check() {
        if ((boolean) ANY_STOPPING.getOpaque() && STOPPING.contains(Thread.currentThread())) {
            throw new LoopStopped();
        }
    }

    /** Makes the loops of cell code running on {@code thread} throw at their next turn. */
    static synchronized void stop(Thread thread) {
        STOPPING.add(thread);
        ANY_STOPPING.setVolatile(true);
    }

    /** Forgets {@code thread} (its cell ended); synchronized with stop, or a stop between the two lines could be lost. */
    static synchronized void release(Thread thread) {
        STOPPING.remove(thread);
        ANY_STOPPING.setVolatile(!STOPPING.isEmpty());
    }

    /** Thrown in a cell's loop that an interrupt could not stop otherwise; an Error, so {@code catch (Exception e)} lets it pass. */
    public static final class LoopStopped extends Error {
        private static final long serialVersionUID = 1L;

        LoopStopped() {
            super("the cell's loop was stopped", null, false, false);
        }
    }

    /** The class with a {@link #check()} call before every backward jump of its methods. */
    static byte[] instrument(byte[] classFile) {
        // The call takes and leaves nothing on the stack, so stack sizes and frames stay valid.
        return CellBytecode.rewriteMethods(classFile, LoopChecks::new);
    }

    /**
     * Adds the check before each jump back, except the jump that closes a counted loop ({@code i++} or
     * {@code i += k} just before it, back to a head that loads that same {@code i} first, as javac writes
     * {@code for (int i = ...; i < n; i++)}): such a loop
     * ends by itself, and a check in it would keep the JIT from vectorising it (2-3x slower measured).
     * The loops around it, {@code while (true)}, and loops without a counter keep their check.
     */
    private static final class LoopChecks extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();
        /** The int variable that each loop head loads first, as in {@code L: iload i; iload n; if_icmpge}. */
        private final Map<Label, Integer> headLoads = new HashMap<>();
        private final List<Label> labelsBeforeInstruction = new ArrayList<>();
        private boolean afterCounterStep;
        private int counter = -1;

        LoopChecks(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            labelsBeforeInstruction.add(label);
            super.visitLabel(label);
        }

        /** Any instruction: what came before it is no longer "just before". */
        private void instruction() {
            afterCounterStep = false;
            labelsBeforeInstruction.clear();
        }

        @Override
        public void visitJumpInsn(int opcode, Label target) {
            // counted: the counter steps, then the jump goes back to a head that tests that same counter first
            boolean closesCountedLoop = opcode == Opcodes.GOTO && afterCounterStep
                    && Integer.valueOf(counter).equals(headLoads.get(target));
            if (seen.contains(target) && !closesCountedLoop) {   // a jump back: the end of a loop turn
                super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "check", "()V", false);
            }
            instruction();
            super.visitJumpInsn(opcode, target);
        }

        @Override
        public void visitIincInsn(int variable, int increment) {
            instruction();
            super.visitIincInsn(variable, increment);
            afterCounterStep = true;
            counter = variable;
        }

        @Override
        public void visitInsn(int opcode) {
            instruction();
            super.visitInsn(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            instruction();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int variable) {
            if (opcode == Opcodes.ILOAD) {
                for (Label head : labelsBeforeInstruction) {
                    headLoads.put(head, variable);
                }
            }
            instruction();
            super.visitVarInsn(opcode, variable);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            instruction();
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            instruction();
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            instruction();
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bootstrap, Object... arguments) {
            instruction();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }

        @Override
        public void visitLdcInsn(Object value) {
            instruction();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label fallback, Label... labels) {
            instruction();
            super.visitTableSwitchInsn(min, max, fallback, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] labels) {
            instruction();
            super.visitLookupSwitchInsn(fallback, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            instruction();
            super.visitMultiANewArrayInsn(descriptor, dimensions);
        }
    }
}
