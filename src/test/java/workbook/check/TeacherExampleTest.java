package workbook.check;

import org.junit.jupiter.api.Test;
import workbook.classic.Differencing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checker that workbook.check's package-info shows teachers compiles, judges as it says, and is shown verbatim. */
class TeacherExampleTest {

    /** A chapter's checker class holding the example, exactly as package-info shows it (between the markers). */
    static final class ChapterExample {
        // example:start
        // The answer of exercise 2: the differences y[t] - y[t - lag], t = lag .. n-1.
        public interface Difference {
            double[] apply(double[] series, int lag);
        }

        // One input: a series and a lag.
        record Args(double[] series, int lag) {
        }

        // Exercise 2: what the notebook's checker cell calls.
        public static void exercise2(Difference difference) {
            check2(difference);
        }

        // Exercise 2's check; true when it passed (the verdict line is printed either way).
        static boolean check2(Difference difference) {
            return Check.exercise(2, "your difference y[t] - y[t - lag]")   // 2: as in "**Exercise 2.**"
                    .tolerance(1e-9)                                        // relative; 1e-9 is the default
                    .on("a rising series, lag 1", new Args(new double[] {1, 2, 4, 7}, 1))
                    .on("quarterly values, lag 4", new Args(new double[] {10, 20, 30, 40, 15, 25}, 4))
                    .on("a lag as long as the series (not valid)", new Args(new double[] {1, 2}, 2))
                    .describedAs(a -> "series " + Check.describe(a.series()) + ", lag " + a.lag())
                    .hint((a, expected, got) -> got instanceof double[] g && g.length == a.series().length
                            ? "one difference per value from index lag on: n - lag values" : null)
                    .inputUnchanged("write the differences into a new array")
                    .compare(a -> difference.apply(a.series(), a.lag()),
                            a -> Differencing.difference(a.series(), a.lag()));
        }
        // example:end
    }

    static double[] difference(double[] y, int lag) {
        if (lag >= y.length) {
            throw new IllegalArgumentException("lag " + lag + " needs more than " + y.length + " values");
        }
        double[] d = new double[y.length - lag];
        for (int t = lag; t < y.length; t++) {
            d[t - lag] = y[t] - y[t - lag];
        }
        return d;
    }

    @Test
    void theExamplePassesARightAnswerAndExplainsWrongOnes() {
        Chapter03Test.Verdict right = Chapter03Test.run(() -> ChapterExample.check2(TeacherExampleTest::difference));
        assertEquals("PASSED exercise 2: your difference y[t] - y[t - lag] matches the reference on 3 inputs (a rising series, lag 1; "
                + "quarterly values, lag 4; a lag as long as the series (not valid))", right.printed());

        Chapter03Test.Verdict sameLength = Chapter03Test.run(() -> ChapterExample.check2((y, lag) -> {
            double[] d = new double[y.length];
            System.arraycopy(difference(y, lag), 0, d, lag, y.length - lag);
            return d;
        }));
        assertEquals("NOT YET exercise 2: on a rising series, lag 1 (input series [1.0, 2.0, 4.0, 7.0], lag 1): expected [1.0, 2.0, 3.0], "
                + "got [0.0, 1.0, 2.0, 3.0] (one difference per value from index lag on: n - lag values)", sameLength.printed());

        Chapter03Test.Verdict inPlace = Chapter03Test.run(() -> ChapterExample.check2((y, lag) -> {
            for (int t = y.length - 1; t >= lag; t--) {
                y[t] -= y[t - lag];
            }
            return Arrays.copyOfRange(y, lag, y.length);
        }));
        assertEquals("NOT YET exercise 2: on a rising series, lag 1: your code changed its input series [1.0, 2.0, 4.0, 7.0], lag 1 "
                + "into series [1.0, 1.0, 2.0, 3.0], lag 1 (write the differences into a new array)", inPlace.printed());

        Chapter03Test.Verdict noCheck = Chapter03Test.run(() -> ChapterExample.check2((y, lag) -> new double[Math.max(0, y.length - lag)]));
        assertTrue(noCheck.printed().startsWith("NOT YET exercise 2: on a rising series, lag 1"), noCheck.printed());
        Chapter03Test.Verdict noThrow = Chapter03Test.run(() -> ChapterExample.check2((y, lag) -> lag >= y.length ? new double[0] : difference(y, lag)));
        assertEquals("NOT YET exercise 2: on a lag as long as the series (not valid) (input series [1.0, 2.0], lag 2): "
                + "expected an IllegalArgumentException (the input is not valid), got []", noThrow.printed());
    }

    @Test
    void packageInfoShowsTheExampleVerbatim() throws IOException {
        List<String> test = Files.readAllLines(Path.of("src/test/java/workbook/check/TeacherExampleTest.java"));
        List<String> example = test.subList(test.indexOf("        // example:start") + 1, test.indexOf("        // example:end"))
                .stream().map(line -> line.isEmpty() ? line : line.substring(8)).toList();
        String shown = Files.readAllLines(Path.of("src/main/java/workbook/check/package-info.java")).stream()
                .map(line -> line.equals(" *") ? "" : line.startsWith(" * ") ? line.substring(3) : line)
                .collect(Collectors.joining("\n"));
        String expected = String.join("\n", example);
        assertTrue(shown.contains("<pre>{@code\n" + expected + "\n}</pre>"),
                "package-info's example differs from TeacherExampleTest.ChapterExample; paste it again:\n" + expected);
    }
}
