package workbook.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/** Where this package's models run: DJL's PyTorch engine, on its default device (a GPU when CUDA is there). */
public final class Models {

    static final String ENGINE = "PyTorch";

    static {
        NativeMemory.keepFreedMemory();
    }

    private Models() {
    }

    private static volatile boolean threadsChosen;

    /**
     * The PyTorch engine. Unless {@code -Dai.djl.pytorch.num_threads} says otherwise, its intra-op thread pool
     * is set to 1 thread on first use: for models this small (hidden 64, batch 32) the fused recurrent ops
     * gain nothing from more threads, and on a busy 2-core machine 2 threads made an RNN epoch 15× slower
     * (see the bench notes). {@link #threads(int)} changes it.
     */
    public static Engine engine() {
        Engine engine = Engine.getEngine(ENGINE);
        if (!threadsChosen) {
            synchronized (Models.class) {
                if (!threadsChosen && System.getProperty("ai.djl.pytorch.num_threads") == null) {
                    JniUtils.setNumThreads(1);
                }
                threadsChosen = true;
            }
        }
        return engine;
    }

    /** Sets the engine's intra-op threads (libtorch's set_num_threads). */
    public static void threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Engine.getEngine(ENGINE);
        JniUtils.setNumThreads(threads);
        threadsChosen = true;
    }

    /** The engine's current intra-op threads. */
    public static int threads() {
        engine();
        return JniUtils.getNumThreads();
    }

    /** The engine's default device: CPU here, the GPU when a CUDA build of the native library is on the classpath. */
    public static Device device() {
        return engine().defaultDevice();
    }

    /** A fresh manager on {@link #device()}; close it (try-with-resources) to free its native memory. */
    public static NDManager newManager() {
        return engine().newBaseManager(device());
    }

    /** Seeds the engine's generator (initialisation, dropout); shuffling uses its own seeded generator. */
    public static void seed(long seed) {
        engine().setRandomSeed((int) seed);
    }
}
