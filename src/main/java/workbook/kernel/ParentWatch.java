package workbook.kernel;

import java.time.Duration;
import java.util.Optional;

/**
 * Ends the kernel when the Jupyter process that started it is gone, as ipykernel does: a notebook
 * server that was killed (not shut down) leaves no orphaned JVM holding a gigabyte behind.
 *
 * <p>jupyter_client names its own process in {@code JPY_PARENT_PID} when it starts a kernel that
 * should not outlive it; a kernel started without that variable (by hand, or "independent") is
 * not watched.
 */
final class ParentWatch {

    static final Duration POLL = Duration.ofSeconds(1);

    private ParentWatch() {
    }

    /** Starts a daemon thread that polls the parent named in {@code JPY_PARENT_PID}, if any. */
    static Optional<Thread> startFromEnvironment() {
        String named = System.getenv("JPY_PARENT_PID");
        if (named == null || named.isBlank() || named.trim().equals("0")) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(named.trim());
        } catch (NumberFormatException e) {
            System.err.println("Note: JPY_PARENT_PID is '" + named + "', not a process id: the kernel will not"
                    + " exit by itself when Jupyter is gone.");
            return Optional.empty();
        }
        Thread watch = new Thread(() -> watch(pid), "jupyter-parent-watch");
        watch.setDaemon(true);
        watch.start();
        return Optional.of(watch);
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void watch(long pid) {
        try {
            while (alive(pid)) {
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            return;
        }
        System.err.println("Jupyter (process " + pid + ") is gone: the kernel exits.");
        Runtime.getRuntime().halt(1);   // no shutdown hooks: nobody is listening, and a hook could hang
    }
}
