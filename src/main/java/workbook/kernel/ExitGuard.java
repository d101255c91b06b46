package workbook.kernel;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Finds calls that would end the kernel's JVM in the classes JShell compiles from a cell:
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}, called directly or as a method
 * reference. It reads the class file's constant pool, so it works on every Java version (the
 * SecurityManager that could refuse {@code checkExit} is gone from Java 24). What it cannot see:
 * a call through reflection or a method handle looked up by name, and library code that exits.
 */
final class ExitGuard {

    private static final Map<String, Set<String>> STOPPING_METHODS = Map.of(
            "java/lang/System", Set.of("exit"),
            "java/lang/Runtime", Set.of("exit", "halt"));

    private ExitGuard() {
    }

    /** The stopping call the class makes, as "System.exit", or null when it makes none. */
    static String stoppingCall(byte[] classFile) {
        try {
            return scan(new DataInputStream(new ByteArrayInputStream(classFile)));
        } catch (IOException | RuntimeException malformed) {
            return null; // not ours to judge: the class loader reports a broken class file
        }
    }

    private static String scan(DataInputStream in) throws IOException {
        in.readInt();         // magic
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[][] refs = new int[count][];        // Methodref: {class index, name-and-type index}
        int[] nameIndexOfNameAndType = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // a long or double takes two entries
                }
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 10 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 9, 11, 17, 18 -> in.readInt();
                case 12 -> {
                    nameIndexOfNameAndType[i] = in.readUnsignedShort();
                    in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        for (int[] ref : refs) {
            if (ref == null) {
                continue;
            }
            String owner = utf8[classNameIndex[ref[0]]];
            String method = utf8[nameIndexOfNameAndType[ref[1]]];
            if (STOPPING_METHODS.getOrDefault(owner, Set.of()).contains(method)) {
                return owner.substring(owner.lastIndexOf('/') + 1) + "." + method;
            }
        }
        return null;
    }
}
