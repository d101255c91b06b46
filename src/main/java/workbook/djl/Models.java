package workbook.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Where this package's models run: DJL's PyTorch engine, on its default device (a GPU when CUDA is there).
 *
 * <p>Nothing process-wide is changed unless asked: {@link #tuneForSmallModels()} (or
 * {@code -Dworkbook.smallModelTuning=true}, which the workbook's kernel, tests and benchmarks set) gives libtorch one
 * intra-op thread and asks malloc to keep freed memory, which suits the workbook's small recurrent networks.
 */
public final class Models {

    static final String ENGINE = "PyTorch";
    /** The system property that turns {@link #tuneForSmallModels()} on at the engine's first use. */
    public static final String TUNING_PROPERTY = "workbook.smallModelTuning";

    private Models() {
    }

    private static volatile boolean tuningChecked;
    private static volatile boolean tuned;

    /** The PyTorch engine; tuned for small models on first use if {@code -Dworkbook.smallModelTuning=true}. */
    public static Engine engine() {
        if (!tuningChecked) {
            synchronized (Models.class) {
                if (!tuningChecked) {
                    tuningChecked = true;
                    if (Boolean.getBoolean(TUNING_PROPERTY)) {
                        tuneForSmallModels();
                    }
                }
            }
        }
        return Engine.getEngine(ENGINE);
    }

    /**
     * Process-wide settings for small models (hidden 64, batch 32), asked for explicitly: libtorch's intra-op thread
     * pool gets 1 thread unless {@code -Dai.djl.pytorch.num_threads} says otherwise (the fused recurrent ops gain
     * nothing from more, and on a busy 2-core machine 2 threads made an RNN epoch 15× slower, see the bench notes),
     * and on Linux with glibc malloc keeps freed memory ({@link NativeMemory}; {@code -Dworkbook.mallocTuning=false}
     * leaves it). {@link #threads(int)} changes the threads again. Returns what was set, in one line.
     */
    public static synchronized String tuneForSmallModels() {
        tuningChecked = true;
        boolean malloc = NativeMemory.keepFreedMemory();
        Engine.getEngine(ENGINE);
        boolean threadsGiven = System.getProperty("ai.djl.pytorch.num_threads") != null;
        if (!threadsGiven) {
            JniUtils.setNumThreads(1);
        }
        tuned = true;
        return "PyTorch intra-op threads: " + JniUtils.getNumThreads() + (threadsGiven ? " (from -Dai.djl.pytorch.num_threads)" : "")
                + "; malloc keeps freed memory: " + (malloc ? "yes" : "no");
    }

    /** Whether {@link #tuneForSmallModels()} has run in this process. */
    public static boolean tunedForSmallModels() {
        return tuned;
    }

    /** Sets the engine's intra-op threads (libtorch's set_num_threads). */
    public static void threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        engine();
        JniUtils.setNumThreads(threads);
        THREAD_SET_UP.set(true);
    }

    private static final ThreadLocal<Boolean> THREAD_SET_UP = ThreadLocal.withInitial(() -> false);

    /**
     * Gives the calling thread the engine's thread count, once per thread. libtorch keeps it in OpenMP's per-thread
     * setting and copies it onto a new thread only when that thread first asks for it, which its small ops never do
     * (only ops over 32,768 elements do); until then MKL's products and oneDNN's LSTM on that thread use every core.
     * A notebook runs each cell on a new thread: measured here, 300 characters sampled from notebook 10's LSTM on a
     * fresh thread took 10-25 s on a busy 2-core machine, and 0.4-0.6 s once the thread had the engine's one thread.
     * Every forward pass of the package's recurrent block calls this.
     */
    static void onThisThread() {
        if (!THREAD_SET_UP.get()) {
            engine();
            JniUtils.getNumThreads();   // at::get_num_threads sets the thread up, as at::parallel_for would
            THREAD_SET_UP.set(true);
        }
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

    /**
     * Overwrites a float32 array's values in place. {@code NDArray.set} does the same but makes libtorch print a
     * deprecation warning ("AutoNonVariableTypeMode is deprecated") on stderr; here a new array's native tensor takes
     * over the old one's handle instead, and whether it requires a gradient is kept.
     */
    static void overwrite(NDArray target, float[] values) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException("an array of shape " + target.getShape() + " (" + target.size()
                    + " values) cannot take " + values.length + " values");
        }
        if (target.getDataType() != DataType.FLOAT32) {
            target.set(FloatBuffer.wrap(values));
            return;
        }
        boolean requiresGradient = target.hasGradient();
        try (NDArray wrapped = target.getManager().create(values, target.getShape())) {
            // create() wraps a Java direct buffer that only the new array keeps alive; once intern closes that array,
            // the buffer may be collected under the tensor. duplicate() copies into memory libtorch owns.
            target.intern(wrapped.duplicate());
        }
        if (requiresGradient) {
            target.setRequiresGradient(true);
        }
    }

    /**
     * Seeds the engine's generators (initialisation, dropout); shuffling uses its own seeded generator. libtorch's CPU
     * generator keeps 32 bits of a seed (PyTorch's {@code torch.manual_seed(1)} and {@code manual_seed(2**32 + 1)} draw
     * the same numbers) and DJL's {@code Engine.setRandomSeed} takes an int, so a seed is passed through
     * {@link #engineSeed(long)}: unchanged when it fits in an int, mixed down from all 64 bits otherwise.
     */
    public static void seed(long seed) {
        engine().setRandomSeed(engineSeed(seed));
    }

    /**
     * The 32-bit seed the engine gets for {@code seed}: the seed itself when it fits in an int, else a mix of all its
     * bits (so that seeds differing only above bit 31 do not draw the same weights, as a plain cast would make them).
     */
    static int engineSeed(long seed) {
        return seed == (int) seed ? (int) seed : new SplittableRandom(seed).nextInt();
    }
}
