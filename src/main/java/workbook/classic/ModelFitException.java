package workbook.classic;

/** A model could not be fitted (the optimiser did not converge, or the data cannot identify it). */
public class ModelFitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFitException(String message) {
        super(message);
    }

    public ModelFitException(String message, Throwable cause) {
        super(message, cause);
    }
}
