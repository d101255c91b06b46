package workbook.kernel;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CellLoopsTest {

    /** Loops as readers write them; compiled by javac like a cell's code. */
    @SuppressWarnings("unused")
    static final class Loops {
        static long spins;

        static void forever() {
            while (true) {
                spins++;
            }
        }

        static int doWhile(int n) {
            do {
                n++;
            } while (n != 0);
            return n;
        }

        static double counted(double[] a) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += a[i];
            }
            return sum;
        }

        static void forgotTheStep(int n) {
            int i = 0;
            while (i < n) {
                spins += i;
            }
        }

        static void noLoop() {
            spins = 1;
        }

        static volatile boolean done;

        static int countsButTestsAFlag() {
            int k = 0;
            while (!done) {   // the counter steps just before the jump back, but the loop tests the flag
                k++;
            }
            return k;
        }

        static void countedWithoutATest() {
            for (int i = 0; ; i++) {
                spins += i;
            }
        }

        static int countedDown(int[] a) {
            int found = 0;
            for (int i = a.length - 1; i >= 0; i -= 2) {
                found += a[i];
            }
            return found;
        }
    }

    private static Map<String, Integer> checksPerMethod(byte[] classFile) {
        Map<String, Integer> checks = new HashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                checks.put(name, 0);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                        if (owner.equals("workbook/kernel/CellLoops") && method.equals("check")) {
                            checks.merge(name, 1, Integer::sum);
                        }
                    }
                };
            }
        }, 0);
        return checks;
    }

    private static byte[] classFileOf(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void loopsThatMayNeverEndGetACheckAndCountedLoopsStayFast() throws IOException {
        Map<String, Integer> checks = checksPerMethod(CellLoops.instrument(classFileOf(Loops.class)));
        assertEquals(1, checks.get("forever"));
        assertEquals(1, checks.get("doWhile"));
        assertEquals(1, checks.get("forgotTheStep"));
        assertEquals(0, checks.get("counted"), "a for loop over an int counter ends by itself and must stay vectorisable");
        assertEquals(0, checks.get("noLoop"));
        assertEquals(1, checks.get("countsButTestsAFlag"), "a counter stepped before the jump does not make a loop end");
        assertEquals(1, checks.get("countedWithoutATest"));
        assertEquals(0, checks.get("countedDown"));
    }

    @Test
    void onlyTheMarkedThreadStops() throws Exception {
        CellLoops.check(); // nothing marked: no effect
        Thread marked = Thread.currentThread();
        CellLoops.stop(marked);
        try {
            assertThrows(CellLoops.LoopStopped.class, CellLoops::check);
            Thread other = new Thread(CellLoops::check);
            Throwable[] thrown = new Throwable[1];
            other.setUncaughtExceptionHandler((t, e) -> thrown[0] = e);
            other.start();
            other.join();
            assertEquals(null, thrown[0], "another thread runs on");
        } finally {
            CellLoops.release(marked);
        }
        CellLoops.check();
    }

    @Test
    void aClassFileNewerThanAsmReadsRunsUnchanged() throws IOException {
        byte[] classFile = classFileOf(Loops.class);
        classFile[6] = 0;
        classFile[7] = 99;   // major version 99: a Java far in the future
        assertEquals(classFile, CellLoops.instrument(classFile));
    }
}
