import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Run by the launcher in Java's source-file mode, once per class path, with -XX:ArchiveClassesAtExit: the kernel's
 * first cell, so that JShell's, the compiler's and the jars' classes go into a class-data archive that later kernel
 * starts map instead of loading and verifying them (see kernel_archive in ./workbook).
 *
 * <p>Why a separate file: the JVM refuses to write an archive while a non-empty folder (target/classes) is on the
 * class path, so the archive is made with the jars only and the workbook's classes are loaded here from their folder;
 * the kernel then runs with the same jars first and target/classes after them, which the archive allows.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=FILE -cp JARS KernelWarmUp.java CLASSES_FOLDER}
 */
public class KernelWarmUp {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("expected one argument, the workbook's classes folder (target/classes); got "
                    + args.length);
        }
        URL classes = Path.of(args[0]).toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getSystemClassLoader())) {
            Method main = loader.loadClass("workbook.kernel.KernelMain").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[] {"--warm-up"});
        }
    }
}
