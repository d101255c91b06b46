package workbook.djl;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * libtorch's CPU matrix products run in Intel MKL (linked into libtorch_cpu), which splits every product over all of
 * the engine's intra-op threads, however small it is. The products of a small recurrent network are tiny (hidden 64,
 * batch 32: a 32×64 by 64×64 product per step), and on two threads the split and the barrier after it cost more than
 * the product: measured here, an RNN epoch (2,000 windows of 50 steps, hidden 64, batch 32) took 0.33 s on two
 * threads and 0.18 s on one; a GRU epoch 0.63 s and 0.50 s. From about a million multiply-adds per step the split
 * pays (hidden 256, batch 64: 0.30 s split, 0.40 s not), which PyTorch itself does not decide per product either.
 *
 * <p>So a fit of a small model asks MKL for one thread on the calling thread only, through
 * {@code MKL_Set_Num_Threads_Local} (exported by libtorch_cpu), and gives the previous setting back when it ends. The
 * engine's own element-wise kernels keep their threads. Where libtorch has no MKL (another platform's build) this
 * does nothing.
 */
final class BlasThreads implements AutoCloseable {

    /**
     * Multiply-adds per step (batch × the largest weight matrix) up to which a product stays on one thread: between
     * the largest size measured faster on one thread (hidden 128, batch 64: 1.05 million) and the smallest measured
     * faster on two (hidden 256, batch 64: 4.2 million).
     */
    static final long ONE_THREAD_UP_TO = 1L << 21;

    private static final Function SET_LOCAL = lookUp("MKL_Set_Num_Threads_Local");
    private static final Function MAX_THREADS = lookUp("MKL_Get_Max_Threads");

    /** The calling thread's setting before, to give back (0: none of its own, MKL's global one applies). */
    private final int previous;
    private final boolean changed;

    private BlasThreads(int previous, boolean changed) {
        this.previous = previous;
        this.changed = changed;
    }

    /**
     * One MKL thread on the calling thread while the returned scope is open, when the engine has more than one
     * intra-op thread and {@code batch × largestWeight} is at most {@link #ONE_THREAD_UP_TO}; otherwise nothing changes.
     */
    static BlasThreads forProducts(long batch, long largestWeight) {
        if (SET_LOCAL == null || Models.threads() < 2 || batch * largestWeight > ONE_THREAD_UP_TO) {
            return new BlasThreads(0, false);
        }
        return new BlasThreads(SET_LOCAL.invokeInt(new Object[] {1}), true);
    }

    /** Whether this platform's libtorch exposes MKL's per-thread setting. */
    static boolean available() {
        return SET_LOCAL != null && MAX_THREADS != null;
    }

    /** The threads MKL's next product on the calling thread may use (its own setting, else the global one). */
    static int onThisThread() {
        return MAX_THREADS.invokeInt(new Object[0]);
    }

    @Override
    public void close() {
        if (changed) {
            SET_LOCAL.invokeInt(new Object[] {previous});
        }
    }

    private static Function lookUp(String name) {
        try {
            Models.engine();
            Path library = Path.of(LibUtils.getLibtorchPath()).resolve(System.mapLibraryName("torch_cpu"));
            if (!Files.isRegularFile(library)) {
                return null;
            }
            // the library is loaded already (the engine): dlopen of the same file returns the same handle
            return NativeLibrary.getInstance(library.toString()).getFunction(name);
        } catch (UnsatisfiedLinkError | RuntimeException noMkl) {
            return null;
        }
    }
}
