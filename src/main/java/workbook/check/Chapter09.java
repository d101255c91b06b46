package workbook.check;

import tech.tablesaw.api.Table;
import workbook.classic.Backtest;
import workbook.classic.Baselines;
import workbook.classic.CalendarRegression;
import workbook.data.Columns;
import workbook.data.Datasets;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Checkers for the exercises of notebook 09 (weather and demand). Each runs the student's function and the
 * workbook's reference on several inputs (edge cases included) and prints one verdict line through {@link Check}.
 *
 * <pre>{@code
 * Function<LocalDateTime, double[]> hourOfDay = time -> ...;
 * Chapter09.exercise1(hourOfDay);
 * }</pre>
 */
public final class Chapter09 {

    private Chapter09() {
    }

    /** Exercise 2: the seasonal naive forecast of {@code horizon} steps after {@code history}. */
    @FunctionalInterface
    public interface SeasonalNaive {
        double[] forecast(double[] history, int horizon, int season);
    }

    /** Exercise 3: the mean absolute error at each lead time, over all forecast origins. */
    @FunctionalInterface
    public interface MaeByStep {
        double[] maeByStep(double[][] actual, double[][] forecast);
    }

    /** Inputs of exercise 2. */
    public record NaiveInputs(double[] history, int horizon, int season) {
    }

    /** Inputs of exercise 3: {@code actual[origin][step]} and {@code forecast[origin][step]}. */
    public record Forecasts(double[][] actual, double[][] forecast) {
    }

    /** Exercise 1: {sin, cos} of 2π·(hour + minute/60)/24. */
    public static void exercise1(Function<LocalDateTime, double[]> hourOfDay) {
        check1(hourOfDay);
    }

    static boolean check1(Function<LocalDateTime, double[]> hourOfDay) {
        return Check.exercise(1, "hourOfDay(time)").tolerance(1e-9)
                .on("midnight", LocalDateTime.of(2010, 1, 1, 0, 0))
                .on("06:00 (a quarter of the circle)", LocalDateTime.of(2010, 3, 1, 6, 0))
                .on("noon", LocalDateTime.of(2010, 6, 21, 12, 0))
                .on("23:30 (next to midnight)", LocalDateTime.of(2010, 12, 31, 23, 30))
                .on("17:45", LocalDateTime.of(2012, 2, 29, 17, 45))
                .compare(hourOfDay, Chapter09::hourOfDay);
    }

    /** Exercise 2: the last season repeated; an IllegalArgumentException when the history is shorter than a season. */
    public static void exercise2(SeasonalNaive naive) {
        check2(naive);
    }

    static boolean check2(SeasonalNaive naive) {
        double[] births = Columns.doubles(Datasets.usBirths(), "births");
        double[] lastWeeks = Arrays.copyOfRange(births, births.length - 60, births.length);
        return Check.exercise(2, "seasonalNaive(history, horizon, season)")
                .on("horizon shorter than the season", new NaiveInputs(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 7))
                .on("horizon of two and a half seasons", new NaiveInputs(new double[]{10, 20, 30, 40}, 7, 3))
                .on("season 1 (persistence)", new NaiveInputs(new double[]{4, 8, 15}, 4, 1))
                .on("history of exactly one season", new NaiveInputs(new double[]{5, 6, 7}, 5, 3))
                .on("history shorter than the season", new NaiveInputs(new double[]{5, 6}, 2, 7))
                .on("US births, two weeks ahead", new NaiveInputs(lastWeeks, 14, 7))
                .compare(in -> naive.forecast(in.history().clone(), in.horizon(), in.season()),
                        in -> Baselines.seasonalNaive(in.season()).forecast(in.history(), in.horizon()));
    }

    /** Exercise 3: result[h] = mean over origins o of |actual[o][h] - forecast[o][h]|. */
    public static void exercise3(MaeByStep maeByStep) {
        check3(maeByStep);
    }

    static boolean check3(MaeByStep maeByStep) {
        return Check.exercise(3, "maeByStep(actual, forecast)").tolerance(1e-9)
                .on("one origin", new Forecasts(new double[][]{{1, 2, 3}}, new double[][]{{2, 2, 1}}))
                .on("errors growing with the lead time", new Forecasts(
                        new double[][]{{10, 10, 10, 10}, {20, 20, 20, 20}},
                        new double[][]{{11, 12, 13, 14}, {19, 18, 17, 16}}))
                .on("errors of both signs at one step", new Forecasts(
                        new double[][]{{0, 5}, {0, 5}, {0, 5}}, new double[][]{{1, 5}, {-1, 5}, {2, 5}}))
                .on("a perfect forecast", new Forecasts(new double[][]{{7, 8}, {9, 10}}, new double[][]{{7, 8}, {9, 10}}))
                .compare(in -> maeByStep.maeByStep(deepCopy(in.actual()), deepCopy(in.forecast())),
                        in -> maeByStep(in.actual(), in.forecast()));
    }

    /**
     * Exercise 4: the student's model of daily births, a {@link CalendarRegression} with the terms they choose: one
     * effect per weekday or none, {@code yearlyHarmonics} sine/cosine pairs of the year, one effect per US holiday or
     * none, and an AR residual of order up to {@code maxArOrder} (0: the calendar alone).
     */
    public record CalendarChoice(boolean weekdays, int yearlyHarmonics, boolean usHolidays, int maxArOrder) {
    }

    /** Exercise 4: the student's code, given the births up to the end of the validation period only, chooses the terms. */
    @FunctionalInterface
    public interface BirthsDesign {
        CalendarChoice design(double[] birthsBeforeTest);
    }

    /** The notebook's data and periods: births from 2012; the test starts on 2014-04-01; 14 days ahead. */
    static final LocalDate FIRST_DAY = LocalDate.of(2012, 1, 1), TEST_START = LocalDate.of(2014, 4, 1);
    static final int HORIZON = 14;
    /** The baselines the model must beat, and by how much (relative) it must beat the better of them. */
    static final String WEEKLY = "seasonal naive (7)", YEARLY = "same weekday last year (364)";
    static final double IMPROVEMENT = 0.05;

    /**
     * Exercise 4: the student's model, refitted at every origin of the test period (April to December 2014, which
     * only the checker holds) on the births before it, forecasts the next 14 days; it passes when its MAE over all
     * origins and lead times is at least {@link #IMPROVEMENT} below that of the better of seasonal naive (7) and
     * the same weekday last year (364).
     */
    public static void exercise4(BirthsDesign design) {
        check4(design);
    }

    static boolean check4(BirthsDesign design) {
        if (!Check.onShippedData(4)) {
            return false;
        }
        Table table = Datasets.usBirths();
        LocalDate[] dates = Columns.dates(table, "date");
        double[] allBirths = Columns.doubles(table, "births");
        int first = Arrays.asList(dates).indexOf(FIRST_DAY);
        int testStart = Arrays.asList(dates).indexOf(TEST_START) - first;
        double[] births = Arrays.copyOfRange(allBirths, first, allBirths.length);
        double[] beforeTest = Arrays.copyOf(births, testStart);
        CalendarChoice chosen = Check.chosen(4, () -> design.design(beforeTest));
        if (chosen == null) {
            return false;
        }
        if (chosen.yearlyHarmonics() < 0 || chosen.yearlyHarmonics() > MAX_HARMONICS) {
            return Check.notYet(4, "yearlyHarmonics must lie in 0.." + MAX_HARMONICS + ", got " + chosen.yearlyHarmonics());
        }
        if (chosen.maxArOrder() < 0 || chosen.maxArOrder() > MAX_AR_ORDER) {
            return Check.notYet(4, "maxArOrder must lie in 0.." + MAX_AR_ORDER + ", got " + chosen.maxArOrder());
        }
        String yours = "your calendar regression";
        Backtest.Result result = Backtest.rollingOrigin(testStart).horizon(HORIZON)
                .compare(WEEKLY, Baselines.seasonalNaive(7))
                .compare(YEARLY, Baselines.seasonalNaive(364))
                .compare(yours, regression(chosen).forecaster())
                .run(births);
        String best = result.best("mae", WEEKLY, YEARLY);
        double needed = (1 - IMPROVEMENT) * result.mean(best, "mae");
        String summary = String.format(java.util.Locale.ROOT, "%s, 14 days ahead from each of the %d held-out test days: "
                        + "MAE %.1f births a day; %s: %.1f, %s: %.1f; the goal: %.1f or less (%.0f%% below the better of them)",
                chosen, result.foldCount(), result.mean(yours, "mae"), WEEKLY, result.mean(WEEKLY, "mae"), YEARLY,
                result.mean(YEARLY, "mae"), needed, 100 * IMPROVEMENT);
        if (result.mean(yours, "mae") <= needed) {
            return Check.passed(4, summary);
        }
        return Check.notYet(4, summary + ". Where do the largest errors fall (section 3's plot from 2014-11-20), and "
                + "which term marks those days?");
    }

    /** Bounds that keep the checker within the notebook's time budget. */
    static final int MAX_HARMONICS = 10, MAX_AR_ORDER = 28;

    static CalendarRegression regression(CalendarChoice choice) {
        CalendarRegression regression = CalendarRegression.daily(FIRST_DAY).yearlyHarmonics(choice.yearlyHarmonics())
                .maxArOrder(choice.maxArOrder());
        if (choice.weekdays()) {
            regression.weekdays();
        }
        if (choice.usHolidays()) {
            regression.usHolidays();
        }
        return regression;
    }

    static double[] hourOfDay(LocalDateTime time) {
        double angle = 2 * Math.PI * (time.getHour() + time.getMinute() / 60.0) / 24;
        return new double[]{Math.sin(angle), Math.cos(angle)};
    }

    static double[] maeByStep(double[][] actual, double[][] forecast) {
        double[] mae = new double[actual[0].length];
        for (int o = 0; o < actual.length; o++) {
            for (int h = 0; h < mae.length; h++) {
                mae[h] += Math.abs(actual[o][h] - forecast[o][h]) / actual.length;
            }
        }
        return mae;
    }

    private static double[][] deepCopy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
