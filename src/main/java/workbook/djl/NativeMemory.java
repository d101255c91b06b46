package workbook.djl;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

import java.util.Locale;

/**
 * libtorch allocates and frees its tensors with the C library's malloc. For the small, short-lived tensors of a
 * recurrent network (a few hundred kilobytes, hundreds per batch), glibc's defaults hand freed memory back to the
 * system as soon as a megabyte or so is free at the top of the heap, and the next batch takes it back again, page
 * by page: measured here, a third of the page faults of a DJL training run, and an RNN batch (hidden 64, 50 steps,
 * batch 32, forward and backward) 10-15% slower than with the memory kept. Bigger models allocate bigger blocks: the
 * LSTM of notebook 10 (hidden 128, 64 sequences of 64 characters) asks for two workspaces of about 40 MB per batch
 * (150 MB for a validation batch of 256), and malloc maps every block over its mmap threshold afresh from the system
 * and unmaps it on free, so each batch faulted in 80 MB page by page: 1.4 million page faults an epoch, and the
 * epoch took 24-37 s instead of 7-11 s (peak memory 545 MB, 615 MB with the blocks kept). So, on Linux with glibc,
 * the first use of the engine asks malloc (mallopt) to keep up to 128 MB of freed memory and to serve blocks up to
 * 256 MB from the heap; this is what tcmalloc or jemalloc, which PyTorch's performance guide recommends, do by design.
 * {@code -Dworkbook.mallocTuning=false} leaves malloc as it is. Called by {@link Models#tuneForSmallModels()} only.
 */
final class NativeMemory {

    /** mallopt's parameters, from glibc's malloc.h. */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    /** Blocks up to this size come from the heap, and so are reused, instead of being mapped afresh each time. */
    static final int HEAP_BLOCKS_UP_TO = 256 << 20;

    private static boolean tuned;

    private NativeMemory() {
    }

    /** Tunes malloc once; returns whether it was tuned (false off Linux, without glibc, or when switched off). */
    static synchronized boolean keepFreedMemory() {
        if (tuned) {
            return true;
        }
        if (!Boolean.parseBoolean(System.getProperty("workbook.mallocTuning", "true"))
                || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            // setting any of these also switches off glibc's own moving thresholds, so all three are set
            tuned = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, HEAP_BLOCKS_UP_TO}) == 1
                    & mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, 128 << 20}) == 1
                    & mallopt.invokeInt(new Object[] {M_TOP_PAD, 16 << 20}) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException noGlibc) {
            // musl or another C library without mallopt: nothing to tune
            tuned = false;
        }
        return tuned;
    }
}
