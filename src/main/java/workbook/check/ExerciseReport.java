package workbook.check;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the checkers of chapters 03 and 04 report: one line, {@code PASSED exercise N: ...} or
 * {@code NOT YET exercise N: <which input, expected vs got>}, never the solution. Also turns the
 * placeholder a student version carries ({@code throw new UnsupportedOperationException("Exercise N: your code here")})
 * into a friendly "not answered yet".
 */
final class ExerciseReport {

    private ExerciseReport() {
    }

    static boolean passed(int exercise, String message) {
        System.out.println("PASSED exercise " + exercise + ": " + message);
        System.out.flush();
        return true;
    }

    static boolean notYet(int exercise, String hint) {
        System.out.println("NOT YET exercise " + exercise + ": " + hint);
        System.out.flush();
        return false;
    }

    static String placeholder(int exercise) {
        return "Exercise " + exercise + ": your code here";
    }

    /** The hint for an exception thrown by the student's code. */
    static String hintFor(int exercise, String input, RuntimeException thrown) {
        if (thrown instanceof UnsupportedOperationException && placeholder(exercise).equals(thrown.getMessage())) {
            return "not answered yet: replace the throw line with your code, run that cell, then this one";
        }
        return "on " + input + ": your code threw " + thrown.getClass().getSimpleName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }

    /** Null when {@code got} equals {@code expected} to {@code tolerance}, otherwise what differs. */
    static String compare(double[] expected, double[] got, double tolerance) {
        if (got == null) {
            return "expected " + format(expected) + ", got null";
        }
        if (got.length != expected.length) {
            return "expected " + expected.length + " values " + format(expected) + ", got " + got.length + " values " + format(got);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - got[i]) <= tolerance)) {
                return "expected " + format(expected) + ", got " + format(got);
            }
        }
        return null;
    }

    static String format(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.6f", v))
                .reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElse("[]");
    }
}
