package workbook.scratch;

/** Thrown when the loss or the gradients stop being finite numbers: training stops instead of going on with NaNs. */
public final class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
