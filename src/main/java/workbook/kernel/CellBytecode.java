package workbook.kernel;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.function.UnaryOperator;

/** Rewrites the methods of a class JShell is about to load from a cell (see {@link CellLoops}, {@link KernelThreads}). */
final class CellBytecode {

    private static volatile boolean toldTooNew;

    private CellBytecode() {
    }

    /**
     * The class with each method's instructions passed through {@code rewriter}, which must leave the stack as it found
     * it (stack sizes and frames are copied, not computed). A class file newer than ASM reads runs unchanged, and the
     * reader is told once.
     */
    static byte[] rewriteMethods(byte[] classFile, UnaryOperator<MethodVisitor> rewriter) {
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (IllegalArgumentException newerThanAsm) {
            // a Java newer than this ASM reads: run the cell unchanged rather than not at all
            if (!toldTooNew) {
                toldTooNew = true;
                System.err.println("Note: ASM cannot read Java " + Runtime.version().feature() + "'s class files ("
                        + newerThanAsm.getMessage() + "), so Interrupt cannot stop a cell's loop that never checks,"
                        + " and a cell can interrupt the kernel's own threads.");
            }
            return classFile;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return rewriter.apply(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }
}
