package workbook.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * What every checker needs: run the student's code on one input, compare with the reference,
 * and turn a mismatch or an exception into a hint that names the input.
 */
final class Checks {

    private Checks() {
    }

    /** Null when {@code got} matches {@code expected} within {@code tolerance}; otherwise the hint. */
    static String compare(String input, double[] expected, Supplier<double[]> studentCode, double tolerance) {
        double[] got;
        try {
            got = studentCode.get();
        } catch (RuntimeException e) {
            return threw(input, e);
        }
        if (got == null) {
            return "for " + input + " your code returned null; expected " + format(expected);
        }
        if (got.length != expected.length) {
            return "for " + input + " expected " + expected.length + " values " + format(expected)
                    + " but got " + got.length + " values " + format(got);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!close(expected[i], got[i], tolerance)) {
                return "for " + input + " expected " + format(expected) + " but got " + format(got)
                        + " (first difference at index " + i + ")";
            }
        }
        return null;
    }

    /** Null when the scalar matches; otherwise the hint. */
    static String compare(String input, double expected, DoubleSupplier studentCode, double tolerance) {
        double got;
        try {
            got = studentCode.getAsDouble();
        } catch (RuntimeException e) {
            return threw(input, e);
        }
        return close(expected, got, tolerance) ? null
                : "for " + input + " expected " + number(expected) + " but got " + number(got);
    }

    /** Null when two matrices match (row by row); otherwise the hint. */
    static String compare(String input, double[][] expected, Supplier<double[][]> studentCode, double tolerance) {
        double[][] got;
        try {
            got = studentCode.get();
        } catch (RuntimeException e) {
            return threw(input, e);
        }
        if (got == null) {
            return "for " + input + " your code returned null; expected " + expected.length + " rows";
        }
        if (got.length != expected.length) {
            return "for " + input + " expected " + expected.length + " rows but got " + got.length
                    + (expected.length > 0 ? " (first expected row " + format(expected[0]) + ")" : "");
        }
        for (int r = 0; r < expected.length; r++) {
            double[] row = got[r];
            String rowProblem = compare(input + ", row " + r, expected[r], () -> row, tolerance);
            if (rowProblem != null) {
                return rowProblem;
            }
        }
        return null;
    }

    static boolean close(double expected, double got, double tolerance) {
        if (Double.isNaN(expected) || Double.isNaN(got)) {
            return Double.isNaN(expected) && Double.isNaN(got);
        }
        return Math.abs(expected - got) <= tolerance * Math.max(1, Math.abs(expected));
    }

    static String threw(String input, RuntimeException e) {
        String hint = Check.hintForException(0, e);
        return Check.isPlaceholder(e) ? hint : "for " + input + " " + hint;
    }

    /** Up to 12 values; longer arrays show their start and end. */
    static String format(double[] values) {
        if (values.length <= 12) {
            return Arrays.stream(values).mapToObj(Checks::number).toList().toString();
        }
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < 4; i++) {
            s.append(number(values[i])).append(", ");
        }
        s.append("... (").append(values.length).append(" values) ..., ");
        for (int i = values.length - 2; i < values.length; i++) {
            s.append(number(values[i])).append(i == values.length - 1 ? "]" : ", ");
        }
        return s.toString();
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** The first hint among the cases, or a pass naming how many inputs were tried. */
    static CheckResult firstProblem(String exercise, String passMessage, String... problems) {
        for (String p : problems) {
            if (p != null) {
                // The placeholder's hint stands alone, as every checker words it (see Check).
                return CheckResult.notYet(p.startsWith("not answered yet") ? p : exercise + ": " + p);
            }
        }
        return CheckResult.pass(exercise + ": " + passMessage + " (" + problems.length + " inputs checked)");
    }
}
