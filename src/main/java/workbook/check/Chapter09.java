package workbook.check;

import workbook.classic.Baselines;
import workbook.data.Columns;
import workbook.data.Datasets;

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
