package workbook.check;

/**
 * The outcome of an exercise check. {@link #toString()} is what the student reads:
 * {@code "PASSED: ..."} or {@code "NOT YET: ..."} with the input that failed, what was expected
 * and what came instead.
 */
public record CheckResult(boolean passed, String message) {

    static CheckResult pass(String message) {
        return new CheckResult(true, message);
    }

    static CheckResult notYet(String message) {
        return new CheckResult(false, message);
    }

    @Override
    public String toString() {
        return (passed ? "PASSED: " : "NOT YET: ") + message;
    }
}
