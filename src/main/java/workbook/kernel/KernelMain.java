package workbook.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point Jupyter starts (see the kernelspec the launcher writes):
 * {@code java -cp <workbook and its jars> workbook.kernel.KernelMain <connection file>}.
 */
public final class KernelMain {

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--warm-up")) {
            warmUp();
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: KernelMain <connection-file.json> (Jupyter passes it as {connection_file})");
            System.exit(2);
        }
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            System.err.println("Jupyter connection file not found: " + connectionFile.toAbsolutePath());
            System.exit(2);
        }
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        JupyterConnection connection = new JupyterConnection(properties);
        ParentWatch.startFromEnvironment();
        JavaKernel kernel = JavaKernel.create();
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // Daemon threads and the engine's native threads must not keep a closed kernel alive.
        System.exit(0);
    }

    /**
     * Runs a first cell and exits. The launcher runs it once with {@code -XX:ArchiveClassesAtExit}
     * so that later kernel starts load JShell's and the compiler's classes from a class-data archive.
     */
    private static void warmUp() {
        long started = System.nanoTime();
        try (CellEvaluator evaluator = new CellEvaluator()) {
            Object result = evaluator.evaluate("var warm = java.util.List.of(1, 2, 3);\nwarm.size() * 14");
            System.out.printf("kernel warm-up: first cell gave %s in %.2f s%n", result, (System.nanoTime() - started) / 1e9);
        }
    }
}
