package workbook.check;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckTest extends CapturesStandardOutput {


    private String output() {
        return printed();
    }

    record Args(double[] series, int window) {
    }

    /** The reference the checks compare with: means of each window, rejecting a window longer than the series. */
    static double[] movingAverage(double[] series, int window) {
        if (window < 1 || window > series.length) {
            throw new IllegalArgumentException("window " + window + " does not fit a series of " + series.length);
        }
        double[] means = new double[series.length - window + 1];
        for (int i = 0; i < means.length; i++) {
            means[i] = Arrays.stream(series, i, i + window).average().orElseThrow();
        }
        return means;
    }

    private static boolean checkMovingAverage(Function<Args, double[]> answer) {
        return Check.exercise(2, "movingAverage(series, window)")
                .on("a rising series, window 2", new Args(new double[] {1, 2, 3, 4}, 2))
                .on("window as long as the series", new Args(new double[] {5, 6, 7}, 3))
                .on("a window longer than the series", new Args(new double[] {1, 2}, 3))
                .compare(answer, a -> movingAverage(a.series(), a.window()));
    }

    @Test
    void verdictLinesHaveTheGradersFormat() {
        assertTrue(Check.passed(3, "well done"));
        assertFalse(Check.notYet(4, "look at\nthe first value"));
        assertEquals("PASSED exercise 3: well done" + System.lineSeparator()
                + "NOT YET exercise 4: look at the first value", output());
    }

    @Test
    void aCorrectAnswerPassesOnEveryInput() {
        assertTrue(checkMovingAverage(a -> movingAverage(a.series(), a.window())));
        assertEquals("PASSED exercise 2: movingAverage(series, window) matches the reference on 3 inputs "
                + "(a rising series, window 2; window as long as the series; a window longer than the series)", output());
    }

    @Test
    void aWrongAnswerGetsTheFirstFailingInputWithExpectedAndGot() {
        // sums instead of means: right on nothing, so the first input is named
        assertFalse(checkMovingAverage(a -> {
            double[] sums = movingAverage(a.series(), a.window());
            return Arrays.stream(sums).map(m -> m * a.window()).toArray();
        }));
        assertEquals("NOT YET exercise 2: on a rising series, window 2 (input Args[series=[1.0, 2.0, 3.0, 4.0], window=2]): "
                + "expected [1.5, 2.5, 3.5], got [3.0, 5.0, 7.0]", output());
    }

    @Test
    void anAnswerThatAcceptsInvalidInputIsToldWhichException() {
        assertFalse(checkMovingAverage(a -> {
            int window = Math.min(a.window(), a.series().length);
            return movingAverage(a.series(), window);
        }));
        assertEquals("NOT YET exercise 2: on a window longer than the series (input Args[series=[1.0, 2.0], window=3]): "
                + "expected an IllegalArgumentException (the input is not valid), got [1.5]", output());
    }

    @Test
    void anExceptionFromTheAnswerNamesTheInputAndTheExpectedValue() {
        assertFalse(checkMovingAverage(a -> new double[] {a.series()[10]}));
        assertTrue(output().startsWith("NOT YET exercise 2: on a rising series, window 2 (input "), output());
        assertTrue(output().endsWith("your code threw ArrayIndexOutOfBoundsException: Index 10 out of bounds for length 4; "
                + "expected [1.5, 2.5, 3.5]"), output());
    }

    @Test
    void theStudentPlaceholderGetsAFriendlyNotYet() {
        assertFalse(checkMovingAverage(a -> {
            throw new UnsupportedOperationException("Exercise 2: your code here");
        }));
        assertEquals("NOT YET exercise 2: not answered yet: replace the line throw new UnsupportedOperationException("
                + "\"Exercise 2: your code here\") with your code, run that cell, then this one", output());
    }

    @Test
    void numbersCompareWithinTheRelativeTolerance() {
        assertTrue(Check.same(1e6, 1e6 + 1e-4, 1e-9));
        assertFalse(Check.same(1e6, 1e6 + 1e-2, 1e-9));
        assertTrue(Check.same(0.1 + 0.2, 0.3, 1e-9));
        assertTrue(Check.same(Double.NaN, Double.NaN, 1e-9));
        assertFalse(Check.same(Double.NaN, 1.0, 1e-9));
        assertFalse(Check.same(new double[] {1, 2}, new double[] {1, 2, 3}, 1e-9));
        assertTrue(Check.same(List.of(1.0, 2.0), List.of(1.0, 2.0 + 1e-12), 1e-9));
        assertFalse(Check.same(3, 4, 0.5));   // integers are exact
        assertTrue(Check.exercise(1, "x").tolerance(1e-3).on("one", 1.0).compare(x -> x + 1e-4, x -> x));
        assertThrows(IllegalArgumentException.class, () -> Check.exercise(1, "x").tolerance(-1));
    }

    @Test
    void longArraysAreShortenedInHints() {
        assertEquals("[0, 1, 2, 3, 4, 5, 6, 7, ... (20 values)]", Check.describe(java.util.stream.IntStream.range(0, 20).toArray()));
        assertEquals("\"abc\"", Check.describe("abc"));
    }
}
