package workbook.classic;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarRegressionTest {

    private static final LocalDate FIRST = LocalDate.of(2010, 1, 1);

    /** Weekday effects, a yearly wave, Christmas and an AR(1) residual, 4 years of days. */
    private static double[] synthetic(double[] residual) {
        Random random = new Random(7);
        double[] y = new double[4 * 365];
        double e = 0;
        for (int t = 0; t < y.length; t++) {
            LocalDate date = FIRST.plusDays(t);
            e = 0.8 * e + random.nextGaussian();
            residual[t] = e;
            double weekday = date.getDayOfWeek().getValue() >= 6 ? -30 : 0;
            double year = 10 * Math.sin(2 * Math.PI * (date.getDayOfYear() - 1) / 365.25);
            double christmas = date.getMonthValue() == 12 && date.getDayOfMonth() == 25 ? -50 : 0;
            y[t] = 100 + weekday + year + christmas + e;
        }
        return y;
    }

    @Test
    void usHolidaysFallOnTheirDates() {
        assertEquals(CalendarRegression.US_HOLIDAYS.indexOf("Thanksgiving"), CalendarRegression.usHoliday(LocalDate.of(2014, 11, 27)));
        assertEquals(CalendarRegression.US_HOLIDAYS.indexOf("day after Thanksgiving"), CalendarRegression.usHoliday(LocalDate.of(2014, 11, 28)));
        assertEquals(CalendarRegression.US_HOLIDAYS.indexOf("Memorial Day"), CalendarRegression.usHoliday(LocalDate.of(2014, 5, 26)));
        assertEquals(CalendarRegression.US_HOLIDAYS.indexOf("Labor Day"), CalendarRegression.usHoliday(LocalDate.of(2014, 9, 1)));
        assertEquals(CalendarRegression.US_HOLIDAYS.indexOf("Independence Day"), CalendarRegression.usHoliday(LocalDate.of(1988, 7, 4)));
        assertEquals(-1, CalendarRegression.usHoliday(LocalDate.of(2014, 11, 20)));
    }

    @Test
    void recoversTheCalendarAndForecastsItsResidual() {
        double[] residual = new double[4 * 365];
        double[] y = synthetic(residual);
        CalendarRegression.Fitted fit = CalendarRegression.daily(FIRST).weekdays().yearlyHarmonics(1).usHolidays()
                .maxArOrder(3).fit(y);
        // the calendar part is the series without its residual, up to the residual's mean
        double worst = 0;
        for (int t = 0; t < y.length; t++) {
            worst = Math.max(worst, Math.abs(fit.calendarPart(t) - (y[t] - residual[t])));
        }
        assertTrue(worst < 2, "calendar part off by " + worst);
        assertTrue(fit.arOrder() >= 1, "the AR(1) residual is seen");
        Forecast f = fit.forecast(3);
        int n = y.length;
        double lastResidual = y[n - 1] - fit.calendarPart(n - 1);
        // one step ahead: the calendar of the next day plus about 0.8 of today's residual
        assertEquals(fit.calendarPart(n) + 0.8 * lastResidual, f.mean()[0], 1.0);
        assertTrue(f.lower()[0] < f.mean()[0] && f.mean()[0] < f.upper()[0]);
        assertTrue(f.upper()[2] - f.lower()[2] > f.upper()[0] - f.lower()[0], "the interval widens with the lead time");
    }

    @Test
    void theForecasterRefitsOnTheHistoryItIsGiven() {
        double[] y = synthetic(new double[4 * 365]);
        CalendarRegression recipe = CalendarRegression.demandRecipe(FIRST);
        double[] history = java.util.Arrays.copyOf(y, 1000);
        assertArrayEquals(recipe.fit(history).forecast(14).mean(), recipe.forecaster().forecast(history, 14), 1e-9);
    }

    @Test
    void withoutAnArModelTheForecastIsTheCalendar() {
        double[] y = synthetic(new double[4 * 365]);
        CalendarRegression.Fitted fit = CalendarRegression.weatherRecipe(FIRST).maxArOrder(0).fit(y);
        assertEquals(0, fit.arOrder());
        assertEquals(fit.calendarPart(y.length + 1), fit.forecast(2).mean()[1], 1e-9);
    }

    @Test
    void badInputSaysWhatWasExpected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CalendarRegression.daily(null))
                .getMessage().contains("firstDate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CalendarRegression.daily(FIRST).trailingDays(7))
                .getMessage().contains("at least 30"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CalendarRegression.demandRecipe(FIRST).fit(new double[20])).getMessage().contains("20"));
    }
}
