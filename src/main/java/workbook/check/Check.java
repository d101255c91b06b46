package workbook.check;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How exercise checkers report, and the one place that compares a student's answer with the
 * reference on several inputs.
 *
 * <p>Every verdict is one line on standard output, in a format {@code ./workbook grade} reads:
 * <pre>
 * PASSED exercise 2: movingAverage(series, 3) matches the reference on 4 inputs
 * NOT YET exercise 2: on a series shorter than the window (input [1.0, 2.0]): expected an IllegalArgumentException (the input is not valid), got [1.5]
 * </pre>
 * (regular expression {@code ^(PASSED|NOT YET) exercise (\d+): (.*)$}; the number is the
 * exercise's number within its notebook, as in the task's "**Exercise 2.**").
 *
 * <p>How to write a checker, with an example to copy: the package's documentation ({@code package-info}).
 * <p>The student version of a notebook replaces each solution by
 * {@code throw new UnsupportedOperationException("Exercise 2: your code here")}; a checker that
 * meets it says so as a friendly {@code NOT YET}.
 */
public final class Check {

    /** The message of the placeholder that {@code ./workbook student} writes in place of a solution. */
    public static String placeholderMessage(int exercise) {
        return "Exercise " + exercise + ": your code here";
    }

    private Check() {
    }

    /** Prints {@code PASSED exercise N: message} and returns true. */
    public static boolean passed(int exercise, String message) {
        Recording.record("PASSED", exercise, oneLine(message));
        System.out.println("PASSED exercise " + exercise + ": " + oneLine(message));
        System.out.flush();
        return true;
    }

    /** Prints {@code NOT YET exercise N: hint} and returns false. */
    public static boolean notYet(int exercise, String hint) {
        Recording.record("NOT YET", exercise, oneLine(hint));
        System.out.println("NOT YET exercise " + exercise + ": " + oneLine(hint));
        System.out.flush();
        return false;
    }

    /** Starts a comparison of the student's answer with the reference; {@code what} names the answer. */
    public static Exercise exercise(int exercise, String what) {
        return new Exercise(exercise, what, 1e-9);
    }

    /**
     * The hint for an exception thrown by the student's code, or null when none was thrown: the
     * placeholder gets a friendly "not answered yet".
     */
    public static String hintForException(int exercise, Throwable thrown) {
        if (isPlaceholder(thrown)) {
            return "not answered yet: replace the line throw new UnsupportedOperationException(\""
                    + thrown.getMessage() + "\") with your code, run that cell, then this one";
        }
        return "your code threw " + thrown.getClass().getSimpleName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    }

    /**
     * Whether a modelling checker may judge on the data folder: true when every file holds the data the workbook ships;
     * otherwise prints NOT YET naming the file that differs (a choice judged on edited data says nothing).
     */
    static boolean onShippedData(int exercise) {
        String difference;
        try {
            difference = ShippedData.difference();
        } catch (RuntimeException e) {
            difference = "the data folder could not be read: " + e.getMessage();
        }
        if (difference == null) {
            return true;
        }
        return notYet(exercise, difference + "; this checker judges only on the shipped data (restore data/, "
                + "and do not set workbook.data to another folder)");
    }

    /**
     * The choice a student's code makes in a modelling exercise (a window, an order, a threshold), or null after
     * printing NOT YET when that code threw (the placeholder included) or returned nothing. The checker then trains
     * and scores what was chosen on data the student's code never received.
     */
    static <C> C chosen(int exercise, java.util.function.Supplier<C> studentCode) {
        C choice;
        try {
            choice = studentCode.get();
        } catch (RuntimeException | StackOverflowError e) {
            notYet(exercise, hintForException(exercise, e));
            return null;
        }
        if (choice == null) {
            notYet(exercise, "your code returned null; return your choice");
        }
        return choice;
    }

    /** True for the exception the student version's placeholder throws ("Exercise N: your code here"). */
    public static boolean isPlaceholder(Throwable thrown) {
        return thrown instanceof UnsupportedOperationException && thrown.getMessage() != null
                && thrown.getMessage().matches("Exercise \\d+: your code here");
    }

    /** A comparison being set up: tolerance, then the inputs. */
    public static final class Exercise {
        private final int number;
        private final String what;
        private final double tolerance;

        private Exercise(int number, String what, double tolerance) {
            this.number = number;
            this.what = Objects.requireNonNull(what, "what");
            this.tolerance = tolerance;
        }

        /** Relative tolerance for numbers (default 1e-9): {@code |got - expected| <= tolerance * max(1, |expected|)}. */
        public Exercise tolerance(double relative) {
            if (!(relative >= 0)) {
                throw new IllegalArgumentException("tolerance must be >= 0, got " + relative);
            }
            return new Exercise(number, what, relative);
        }

        /** The first input, with a name a student understands ("a series shorter than the window"). */
        public <I> Cases<I> on(String name, I input) {
            return new Cases<I>(this).on(name, input);
        }
    }

    /**
     * A sentence added to a NOT YET when the answer came back but differs from the reference, or null for none:
     * what a typical mistake gives ("that is 1 / perplexity ..."), never the solution.
     */
    @FunctionalInterface
    public interface Hint<I> {
        String after(I input, Object expected, Object got);
    }

    /** The inputs of a comparison, and how a mismatch is explained; {@link #compare} runs it. */
    public static final class Cases<I> {
        private final Exercise exercise;
        private final List<String> names = new ArrayList<>();
        private final List<I> inputs = new ArrayList<>();
        private Function<? super I, String> describer = Check::describe;
        private final List<Hint<? super I>> hints = new ArrayList<>();
        private String inputChangedAdvice;

        private Cases(Exercise exercise) {
            this.exercise = exercise;
        }

        public Cases<I> on(String name, I input) {
            names.add(Objects.requireNonNull(name, "name"));
            inputs.add(input);
            return this;
        }

        /** How an input is shown in a hint (default: {@code describe}, every component of a record). */
        public Cases<I> describedAs(Function<? super I, String> describer) {
            this.describer = Objects.requireNonNull(describer, "describer");
            return this;
        }

        /** Adds a hint for a mismatch; the first that answers (not null) is added to the NOT YET. */
        public Cases<I> hint(Hint<? super I> hint) {
            hints.add(Objects.requireNonNull(hint, "hint"));
            return this;
        }

        /**
         * Requires the answer to leave its input as it was: the answer then receives the input itself (not a copy),
         * and a change to any array in it is a NOT YET showing before and after, followed by {@code advice}.
         */
        public Cases<I> inputUnchanged(String advice) {
            this.inputChangedAdvice = Objects.requireNonNull(advice, "advice");
            return this;
        }

        /**
         * Runs the answer and the reference on every input, in order, and prints one verdict: PASSED
         * when they agree on all (an input on which the reference throws must make the answer throw
         * the same type of exception), otherwise NOT YET naming the first input that differs, with
         * what was expected and what came, and the first {@link #hint} that applies.
         */
        public <O> boolean compare(Function<? super I, ? extends O> answer, Function<? super I, ? extends O> reference) {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(reference, "reference");
            int n = exercise.number;
            for (int i = 0; i < inputs.size(); i++) {
                I input = inputs.get(i);
                String shown = describer.apply(input);
                String where = "on " + names.get(i) + " (input " + shown + ")";
                Object expected;
                Throwable expectedThrown = null;
                try {
                    expected = reference.apply(input);
                } catch (RuntimeException e) {
                    expected = null;
                    expectedThrown = e;
                }
                Object before = inputChangedAdvice == null ? null : snapshot(input);
                Object got;
                try {
                    got = answer.apply(input);
                } catch (RuntimeException | StackOverflowError e) {
                    if (expectedThrown != null && expectedThrown.getClass().isInstance(e)) {
                        continue;
                    }
                    String hint = hintForException(n, e);
                    return notYet(n, hint.startsWith("not answered") ? hint : where + ": " + hint
                            + (expectedThrown == null ? "; expected " + describe(expected) : ""));
                }
                if (inputChangedAdvice != null && !same(before, snapshot(input), 0)) {
                    return notYet(n, "on " + names.get(i) + ": your code changed its input " + shown + " into "
                            + describer.apply(input) + " (" + inputChangedAdvice + ")");
                }
                if (expectedThrown != null) {
                    return notYet(n, where + ": expected an " + expectedThrown.getClass().getSimpleName()
                            + " (the input is not valid), got " + describe(got));
                }
                if (!same(expected, got, exercise.tolerance)) {
                    return notYet(n, where + ": expected " + describe(expected) + ", got " + describe(got)
                            + hiddenDifference(expected, got, exercise.tolerance) + hintFor(input, expected, got));
                }
            }
            return passed(n, exercise.what + " matches the reference on " + inputs.size() + " input"
                    + (inputs.size() == 1 ? "" : "s") + " (" + String.join("; ", names) + ")");
        }

        private String hintFor(I input, Object expected, Object got) {
            for (Hint<? super I> hint : hints) {
                String sentence = hint.after(input, expected, got);
                if (sentence != null) {
                    return " (" + sentence + ")";
                }
            }
            return "";
        }
    }

    /**
     * Where two arrays of the same shape first differ, when that place lies beyond what {@link #describe} shows
     * (" (first difference at [20]: expected 5.0, got 6.0)"); empty otherwise.
     */
    static String hiddenDifference(Object expected, Object got, double tolerance) {
        StringBuilder path = new StringBuilder();
        Object[] pair = {expected, got};
        boolean hidden = false;
        while (pair[0] != null && pair[1] != null && pair[0].getClass().isArray() && pair[1].getClass().isArray()
                && Array.getLength(pair[0]) == Array.getLength(pair[1])) {
            int first = -1;
            for (int i = 0; i < Array.getLength(pair[0]) && first < 0; i++) {
                if (!same(Array.get(pair[0], i), Array.get(pair[1], i), tolerance)) {
                    first = i;
                }
            }
            if (first < 0) {
                return "";
            }
            hidden |= first >= SHOWN_ELEMENTS;
            path.append('[').append(first).append(']');
            pair = new Object[] {Array.get(pair[0], first), Array.get(pair[1], first)};
        }
        return hidden ? " (first difference at " + path + ": expected " + describe(pair[0]) + ", got " + describe(pair[1]) + ")" : "";
    }

    /** A copy of every array inside a value (records and arrays of arrays followed), to see later whether any changed. */
    private static Object snapshot(Object value) {
        if (value == null) {
            return null;
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            Object[] copy = new Object[length];
            for (int i = 0; i < length; i++) {
                copy[i] = snapshot(Array.get(value, i));
            }
            return copy;
        }
        if (value instanceof Record) {
            List<Object> components = new ArrayList<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                components.add(snapshot(value(component, value)));
            }
            return components;
        }
        return value;
    }

    /** Equality for answers: numbers within a relative tolerance (NaN equals NaN), arrays, lists and records element by element. */
    static boolean same(Object expected, Object got, double tolerance) {
        if (expected == null || got == null) {
            return expected == got;
        }
        if (expected instanceof Number e && got instanceof Number g && isDecimal(e, g)) {
            double x = e.doubleValue();
            double y = g.doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.isNaN(x) && Double.isNaN(y);
            }
            if (Double.isInfinite(x) || Double.isInfinite(y)) {
                return x == y;
            }
            return Math.abs(x - y) <= tolerance * Math.max(1.0, Math.abs(x));
        }
        if (expected.getClass().isArray() && got.getClass().isArray()) {
            int length = Array.getLength(expected);
            if (length != Array.getLength(got)) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (!same(Array.get(expected, i), Array.get(got, i), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Collection<?> e && got instanceof Collection<?> g) {
            if (e.size() != g.size()) {
                return false;
            }
            Iterator<?> a = e.iterator();
            Iterator<?> b = g.iterator();
            while (a.hasNext()) {
                if (!same(a.next(), b.next(), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        if (expected instanceof Record && expected.getClass() == got.getClass()) {
            for (RecordComponent component : expected.getClass().getRecordComponents()) {
                if (!same(value(component, expected), value(component, got), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(got);
    }

    private static boolean isDecimal(Number e, Number g) {
        return e instanceof Double || e instanceof Float || g instanceof Double || g instanceof Float;
    }

    private static final int SHOWN_ELEMENTS = 8;

    /** A value as a student reads it: arrays and records with their contents, long arrays shortened. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < Math.min(length, SHOWN_ELEMENTS); i++) {
                text.append(i == 0 ? "" : ", ").append(describe(Array.get(value, i)));
            }
            if (length > SHOWN_ELEMENTS) {
                text.append(", ... (").append(length).append(" values)");
            }
            return text.append("]").toString();
        }
        if (value instanceof Record) {
            StringBuilder text = new StringBuilder(value.getClass().getSimpleName()).append("[");
            RecordComponent[] components = value.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                text.append(i == 0 ? "" : ", ").append(components[i].getName()).append("=")
                        .append(describe(value(components[i], value)));
            }
            return text.append("]").toString();
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replace("\r", " ").replace("\n", " ");
    }
}
