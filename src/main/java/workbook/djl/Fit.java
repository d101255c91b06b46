package workbook.djl;

/**
 * The training options under their old DJL-only name, with the old spelling {@code clipNorm}: a thin shell around a
 * {@link workbook.model.Fit}, so that notebooks written before the shared vocabulary still compile.
 *
 * @deprecated both model families now take {@link workbook.model.Fit} (the same options; gradient clipping is
 * {@code clipGradientNorm}). Every method that took this class still does, through {@link #toFit()}.
 */
@Deprecated
public final class Fit {

    private final workbook.model.Fit options;

    private Fit(workbook.model.Fit options) {
        this.options = options;
    }

    /** The same options as a {@link workbook.model.Fit}. */
    public workbook.model.Fit toFit() {
        return options;
    }

    /** @deprecated use {@link workbook.model.Fit#epochs(int)}. The old record named Adam's 1e-3 explicitly. */
    @Deprecated
    public static Fit epochs(int epochs) {
        return new Fit(workbook.model.Fit.epochs(epochs).learningRate(workbook.model.Fit.DEFAULT_LEARNING_RATE));
    }

    public Fit batchSize(int batchSize) {
        return new Fit(options.batchSize(batchSize));
    }

    public Fit learningRate(double learningRate) {
        return new Fit(options.learningRate(learningRate));
    }

    public Fit patience(int patience) {
        return new Fit(options.patience(patience));
    }

    /** @deprecated use {@link workbook.model.Fit#clipGradientNorm(double)}. */
    @Deprecated
    public Fit clipNorm(double maxNorm) {
        return new Fit(options.clipGradientNorm(maxNorm));
    }

    public Fit seed(long seed) {
        return new Fit(options.seed(seed));
    }

    public Fit shuffle(boolean shuffle) {
        return new Fit(options.shuffle(shuffle));
    }

    public Fit progress(boolean progress) {
        return new Fit(options.progress(progress));
    }

    @Override
    public String toString() {
        return options.toString();
    }
}
