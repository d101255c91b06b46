package workbook.check;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkers of notebook 09 pass the reference solutions and fail typical wrong answers with a useful line. */
class Chapter09Test extends CapturesStandardOutput {

    // the reference solutions, as in the notebook
    static final Function<LocalDateTime, double[]> HOUR_OF_DAY = time -> {
        double angle = 2 * Math.PI * (time.getHour() + time.getMinute() / 60.0) / 24;
        return new double[]{Math.sin(angle), Math.cos(angle)};
    };

    static final Chapter09.SeasonalNaive SEASONAL_NAIVE = (history, horizon, season) -> {
        if (history.length < season) {
            throw new IllegalArgumentException("history of " + history.length + " points is shorter than a season of " + season);
        }
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = history[history.length - season + h % season];
        }
        return forecast;
    };

    static final Chapter09.MaeByStep MAE_BY_STEP = (actual, forecast) -> {
        double[] mae = new double[actual[0].length];
        for (int o = 0; o < actual.length; o++) {
            for (int h = 0; h < mae.length; h++) {
                mae[h] += Math.abs(actual[o][h] - forecast[o][h]) / actual.length;
            }
        }
        return mae;
    };


    private String verdict() {
        String text = takeOutput();
        assertFalse(text.contains("\n"), "one verdict line, got: " + text);
        return text;
    }

    @Test
    void hourOfDay() {
        assertTrue(Chapter09.check1(HOUR_OF_DAY));
        assertTrue(verdict().startsWith("PASSED exercise 1: hourOfDay(time) matches the reference on 5 inputs"));

        // the minutes forgotten: right on the full hours, wrong at 23:30
        assertFalse(Chapter09.check1(time -> HOUR_OF_DAY.apply(time.withMinute(0))));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on 23:30 (next to midnight)"));

        // the sine only: one number cannot tell 06:00 from 18:00
        assertFalse(Chapter09.check1(time -> new double[]{HOUR_OF_DAY.apply(time)[0]}));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on midnight"));

        // a period of 23 (hours counted 1..24 on a circle of 23 steps)
        assertFalse(Chapter09.check1(time -> {
            double angle = 2 * Math.PI * time.getHour() / 23;
            return new double[]{Math.sin(angle), Math.cos(angle)};
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on 06:00"));

        assertFalse(Chapter09.check1(time -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(1));
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: not answered yet"));
    }

    @Test
    void seasonalNaive() {
        assertTrue(Chapter09.check2(SEASONAL_NAIVE));
        assertTrue(verdict().startsWith("PASSED exercise 2: seasonalNaive(history, horizon, season) matches the reference on 6 inputs"));

        // the last value repeated (persistence), not the last season
        assertFalse(Chapter09.check2((history, horizon, season) -> {
            double[] f = new double[horizon];
            java.util.Arrays.fill(f, history[history.length - 1]);
            return f;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on horizon shorter than the season"));

        // no wrap-around: beyond one season it keeps reading from the history's end (off by a season)
        assertFalse(Chapter09.check2((history, horizon, season) -> {
            double[] f = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                f[h] = history[Math.min(history.length - season + h, history.length - 1)];
            }
            return f;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on horizon of two and a half seasons"));

        // no check for a short history: an ArrayIndexOutOfBounds instead of a clear IllegalArgumentException
        assertFalse(Chapter09.check2((history, horizon, season) -> {
            double[] f = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                f[h] = history[history.length - season + h % season];
            }
            return f;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on history shorter than the season"));

        assertFalse(Chapter09.check2((history, horizon, season) -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(2));
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: not answered yet"));
    }

    @Test
    void maeByStep() {
        assertTrue(Chapter09.check3(MAE_BY_STEP));
        assertTrue(verdict().startsWith("PASSED exercise 3: maeByStep(actual, forecast) matches the reference on 4 inputs"));

        // signed errors: they cancel across origins
        assertFalse(Chapter09.check3((actual, forecast) -> {
            double[] e = new double[actual[0].length];
            for (int o = 0; o < actual.length; o++) {
                for (int h = 0; h < e.length; h++) {
                    e[h] += (forecast[o][h] - actual[o][h]) / actual.length;
                }
            }
            return e;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 3: on one origin"));

        // averaged over the steps of each origin instead of over origins at each step
        assertFalse(Chapter09.check3((actual, forecast) -> {
            double[] e = new double[actual.length];
            for (int o = 0; o < actual.length; o++) {
                for (int h = 0; h < actual[o].length; h++) {
                    e[o] += Math.abs(forecast[o][h] - actual[o][h]) / actual[o].length;
                }
            }
            return e;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 3: on one origin"));

        assertFalse(Chapter09.check3((actual, forecast) -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(3));
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 3: not answered yet"));
    }

    @Test
    void theCalendarExerciseIsJudgedByItsHeldOutError() {
        int[] seen = new int[1];
        // the reference: weekdays, two yearly harmonics, the holidays, a residual AR of order up to 7
        assertTrue(Chapter09.check4(births -> {
            seen[0] = births.length;
            return new Chapter09.CalendarChoice(true, 2, true, 7);
        }));
        assertEquals("PASSED exercise 4: CalendarChoice[weekdays=true, yearlyHarmonics=2, usHolidays=true, maxArOrder=7], "
                + "14 days ahead from each of the 262 held-out test days: MAE 231.4 births a day; seasonal naive (7): 460.5, "
                + "same weekday last year (364): 287.5; the goal: 273.1 or less (5% below the better of them)", verdict());
        assertEquals(731 + 90, seen[0], "the student's code gets 2012-01-01 .. 2014-03-31, not one test day");

        // without the holidays the calendar loses to last year's same weekday, which has them built in
        assertFalse(Chapter09.check4(births -> new Chapter09.CalendarChoice(true, 4, false, 14)));
        String noHolidays = verdict();
        assertTrue(noHolidays.startsWith("NOT YET exercise 4: CalendarChoice[weekdays=true, yearlyHarmonics=4, usHolidays=false, "
                + "maxArOrder=14], 14 days ahead from each of the 262 held-out test days: MAE 371.5 births a day"), noHolidays);
        assertTrue(noHolidays.endsWith("which term marks those days?"), noHolidays);
        // without the weekdays it misses the strongest cycle
        assertFalse(Chapter09.check4(births -> new Chapter09.CalendarChoice(false, 4, true, 14)));
        assertTrue(verdict().contains("MAE 301.0 births a day"));

        assertFalse(Chapter09.check4(births -> new Chapter09.CalendarChoice(true, -1, true, 7)));
        assertEquals("NOT YET exercise 4: yearlyHarmonics must lie in 0..10, got -1", verdict());
        assertFalse(Chapter09.check4(births -> new Chapter09.CalendarChoice(true, 2, true, 400)));
        assertEquals("NOT YET exercise 4: maxArOrder must lie in 0..28, got 400", verdict());
        assertFalse(Chapter09.check4(births -> null));
        assertEquals("NOT YET exercise 4: your code returned null; return your choice", verdict());
        assertFalse(Chapter09.check4(births -> births[births.length + 1] > 0 ? null : null));
        assertTrue(verdict().startsWith("NOT YET exercise 4: your code threw ArrayIndexOutOfBoundsException"));
        assertFalse(Chapter09.check4(births -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(4));
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 4: not answered yet"));
    }
}
