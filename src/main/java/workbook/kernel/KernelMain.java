package workbook.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.io.PrintStream;
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
        // JShell first, on a thread of its own: its start (the compiler's warm-up and the default imports, about a
        // second) is the longest step before the first result; the kernel and the ZeroMQ connection are built beside it.
        CellEvaluator evaluator = new CellEvaluator();
        PrintStream terminal = System.err;   // the kernel's own log: from onStartup on, System.err is the cells'
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));
        JavaKernel kernel = JavaKernel.create(evaluator);
        JupyterConnection connection = new KernelConnection(properties, terminal);
        ParentWatch.startFromEnvironment();
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // Daemon threads and the engine's native threads must not keep a closed kernel alive.
        System.exit(0);
    }

    /**
     * Does what a kernel start does up to its first cell's result, without Jupyter, and returns: the launcher runs it
     * once per class path with {@code -XX:ArchiveClassesAtExit} (src/main/kernelspec/KernelWarmUp.java), so that
     * later kernel starts map JShell's, the compiler's, ZeroMQ's and the protocol's classes from a class-data
     * archive instead of loading and verifying them one by one. The connection is built but never bound.
     */
    private static void warmUp() throws Exception {
        long started = System.nanoTime();
        KernelConnectionProperties properties = KernelConnectionProperties.parse("{\"transport\": \"tcp\", "
                + "\"ip\": \"127.0.0.1\", \"shell_port\": 0, \"control_port\": 0, \"stdin_port\": 0, \"hb_port\": 0, "
                + "\"iopub_port\": 0, \"signature_scheme\": \"hmac-sha256\", \"key\": \"warm-up\"}");
        JavaKernel kernel = JavaKernel.create();
        JupyterConnection connection = new KernelConnection(properties, System.err);
        kernel.becomeHandlerForConnection(connection);
        Object result = kernel.evalRaw("var warm = java.util.List.of(1, 2, 3);\nwarm.size() * 14");
        kernel.onShutdown(false);
        connection.close();
        System.out.printf("kernel warm-up: first cell gave %s in %.2f s%n", result, (System.nanoTime() - started) / 1e9);
    }
}
