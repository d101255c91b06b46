package workbook.djl;

import workbook.model.DefaultSeed;

/**
 * The training options under their old DJL-only name, with the old spelling {@code clipNorm}.
 *
 * @deprecated both model families now take {@link workbook.model.Fit} (the same options; gradient clipping is
 * {@code clipGradientNorm}). Every method that took this record still does, through {@link #toFit()}.
 */
@Deprecated
public record Fit(int epochs, int batchSize, double learningRate, int patience, double clipNorm, long seed,
        boolean shuffle, boolean progress) {

    public Fit {
        toFit(epochs, batchSize, learningRate, patience, clipNorm, seed, shuffle, progress); // the same checks
    }

    /** The same options as a {@link workbook.model.Fit}. */
    public workbook.model.Fit toFit() {
        return toFit(epochs, batchSize, learningRate, patience, clipNorm, seed, shuffle, progress);
    }

    private static workbook.model.Fit toFit(int epochs, int batchSize, double learningRate, int patience,
            double clipNorm, long seed, boolean shuffle, boolean progress) {
        return new workbook.model.Fit(epochs, batchSize, learningRate, patience, clipNorm, seed, shuffle, progress);
    }

    /** @deprecated use {@link workbook.model.Fit#epochs(int)}. */
    @Deprecated
    public static Fit epochs(int epochs) {
        return new Fit(epochs, 32, workbook.model.Fit.DEFAULT_LEARNING_RATE, 0, 0, DefaultSeed.get(), true, true);
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

    /** @deprecated use {@link workbook.model.Fit#clipGradientNorm(double)}. */
    @Deprecated
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
