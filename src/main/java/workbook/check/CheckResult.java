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

    /** Prints the verdict for exercise {@code exercise} in the format {@code ./workbook grade} reads; returns {@link #passed()}. */
    public boolean print(int exercise) {
        return passed ? Check.passed(exercise, message) : Check.notYet(exercise, message);
    }

    @Override
    public String toString() {
        return (passed ? "PASSED: " : "NOT YET: ") + message;
    }
}
