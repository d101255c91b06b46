package workbook.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/** Where this package's models run: DJL's PyTorch engine, on its default device (a GPU when CUDA is there). */
public final class Models {

    static final String ENGINE = "PyTorch";

    private Models() {
    }

    public static Engine engine() {
        return Engine.getEngine(ENGINE);
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
