package workbook.kernel;

import java.util.List;

/**
 * A cell that did not run to the end. {@link #errorName()} and {@link #getMessage()} become the
 * Jupyter error's {@code ename} and {@code evalue}; {@link #report()} is what the reader sees.
 */
public class CellFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorName;
    private final List<String> report;
    private final transient Throwable userException;

    CellFailure(String errorName, String message, List<String> report, Throwable userException) {
        super(message);
        this.errorName = errorName;
        this.report = List.copyOf(report);
        this.userException = userException;
    }

    /** e.g. "CompilationError", "java.lang.IllegalArgumentException", "Interrupted". */
    public String errorName() {
        return errorName;
    }

    /** The lines shown in the notebook, already free of the kernel's own stack frames. */
    public List<String> report() {
        return report;
    }

    /** The exception the user's code threw, or null for a compile error. */
    public Throwable userException() {
        return userException;
    }
}
