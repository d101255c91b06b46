package workbook.model;

/**
 * Training options with honest defaults, the same for the from-scratch and the DJL models; start from
 * {@link #epochs(int)} and change what you need:
 * {@code Fit.epochs(20).batchSize(32).learningRate(1e-3).patience(3).clipGradientNorm(1.0).seed(42)}.
 * Immutable: every method returns a new value. Zero switches an option off (or, for the learning rate, leaves it to
 * the optimiser).
 *
 * @param epochs           passes over the training data
 * @param batchSize        sequences per gradient step
 * @param learningRate     the optimiser's step size; 0 = the optimiser's own (Adam's 1e-3 unless the model chose
 *                         another optimiser or rate)
 * @param patience         stop after this many epochs without a better validation loss and restore the best
 *                         weights; 0 = no early stopping (it needs validation data)
 * @param clipGradientNorm rescale all gradients together when their global L2 norm exceeds this; 0 = no clipping
 * @param seed             seeds the batch order (and, in DJL, the engine: weight initialisation, dropout)
 * @param shuffle          shuffle the training sequences every epoch
 * @param progress         show a live progress line (notebook or console)
 */
public record Fit(int epochs, int batchSize, double learningRate, int patience, double clipGradientNorm, long seed,
        boolean shuffle, boolean progress) {

    /** Adam's step size when neither the Fit nor the model names one. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    public Fit {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive (or 0 for the optimiser's own), got "
                    + learningRate);
        }
        if (patience < 0 || !(clipGradientNorm >= 0)) {
            throw new IllegalArgumentException("patience and clipGradientNorm must be >= 0, got " + patience + ", "
                    + clipGradientNorm);
        }
    }

    /** Defaults: batch 32, the optimiser's own learning rate (Adam 1e-3), no early stopping, no clipping, the default seed (42, {@link DefaultSeed}), shuffled, progress shown. */
    public static Fit epochs(int epochs) {
        return new Fit(epochs, 32, 0, 0, 0, DefaultSeed.get(), true, true);
    }

    public Fit batchSize(int batchSize) {
        return new Fit(epochs, batchSize, learningRate, patience, clipGradientNorm, seed, shuffle, progress);
    }

    public Fit learningRate(double learningRate) {
        return new Fit(epochs, batchSize, learningRate, patience, clipGradientNorm, seed, shuffle, progress);
    }

    /** The learning rate to use: this Fit's, else {@code optimisersOwn}. */
    public double learningRateOr(double optimisersOwn) {
        return learningRate > 0 ? learningRate : optimisersOwn;
    }

    public Fit patience(int patience) {
        return new Fit(epochs, batchSize, learningRate, patience, clipGradientNorm, seed, shuffle, progress);
    }

    public Fit clipGradientNorm(double maxNorm) {
        return new Fit(epochs, batchSize, learningRate, patience, maxNorm, seed, shuffle, progress);
    }

    /** @deprecated the same option is called {@link #clipGradientNorm(double)} in both model families. */
    @Deprecated
    public Fit clipNorm(double maxNorm) {
        return clipGradientNorm(maxNorm);
    }

    public Fit seed(long seed) {
        return new Fit(epochs, batchSize, learningRate, patience, clipGradientNorm, seed, shuffle, progress);
    }

    public Fit shuffle(boolean shuffle) {
        return new Fit(epochs, batchSize, learningRate, patience, clipGradientNorm, seed, shuffle, progress);
    }

    public Fit progress(boolean progress) {
        return new Fit(epochs, batchSize, learningRate, patience, clipGradientNorm, seed, shuffle, progress);
    }
}
