package workbook.djl;

/**
 * Training options with honest defaults; start from {@link #epochs(int)} and change what you need:
 * {@code Fit.epochs(20).batchSize(32).learningRate(1e-3).patience(3).clipNorm(1.0).seed(42)}.
 * Immutable: every method returns a new value.
 *
 * @param epochs       passes over the training data
 * @param batchSize    sequences per gradient step
 * @param learningRate Adam's step size
 * @param patience     stop after this many epochs without a better validation loss and restore the best
 *                     weights; 0 = no early stopping
 * @param clipNorm     rescale all gradients together when their global L2 norm exceeds this; 0 = no clipping
 * @param seed         seeds the engine (weight initialisation, dropout) and the shuffling
 * @param shuffle      shuffle the training sequences every epoch
 * @param progress     show a live progress line (notebook or console)
 */
public record Fit(int epochs, int batchSize, double learningRate, int patience, double clipNorm, long seed,
        boolean shuffle, boolean progress) {

    public Fit {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        }
        if (patience < 0 || clipNorm < 0) {
            throw new IllegalArgumentException("patience and clipNorm must be >= 0, got " + patience + ", " + clipNorm);
        }
    }

    /** Defaults: batch 32, Adam 1e-3, no early stopping, no clipping, the default seed (42, {@link Seeds#use}), shuffled, progress shown. */
    public static Fit epochs(int epochs) {
        return new Fit(epochs, 32, 1e-3, 0, 0, workbook.scratch.Recurrent.defaultSeed(), true, true);
    }

    public Fit batchSize(int batchSize) {
        return new Fit(epochs, batchSize, learningRate, patience, clipNorm, seed, shuffle, progress);
    }

    public Fit learningRate(double learningRate) {
        return new Fit(epochs, batchSize, learningRate, patience, clipNorm, seed, shuffle, progress);
    }

    public Fit patience(int patience) {
        return new Fit(epochs, batchSize, learningRate, patience, clipNorm, seed, shuffle, progress);
    }

    public Fit clipNorm(double clipNorm) {
        return new Fit(epochs, batchSize, learningRate, patience, clipNorm, seed, shuffle, progress);
    }

    public Fit seed(long seed) {
        return new Fit(epochs, batchSize, learningRate, patience, clipNorm, seed, shuffle, progress);
    }

    public Fit shuffle(boolean shuffle) {
        return new Fit(epochs, batchSize, learningRate, patience, clipNorm, seed, shuffle, progress);
    }

    public Fit progress(boolean progress) {
        return new Fit(epochs, batchSize, learningRate, patience, clipNorm, seed, shuffle, progress);
    }
}
