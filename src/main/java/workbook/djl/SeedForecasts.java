package workbook.djl;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import workbook.classic.ArModel;
import workbook.classic.Baselines;
import workbook.classic.Forecaster;
import workbook.classic.Metrics;
import workbook.classic.Spread;
import workbook.classic.Transformed;
import workbook.display.Interruption;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * One-step forecasts at every origin of a walk-forward evaluation, from one forecaster (a baseline: one run) or from a
 * network trained once per seed (one run per seed). The forecast at origin {@code o} sees only the actual history
 * {@code y[0 .. o)} and forecasts {@code y[o]}. Scores are taken over any range of origins (a validation period, then
 * the test period) as a {@link Spread} over the runs, so a claim can rest on every seed rather than one.
 *
 * <pre>{@code
 * SeedForecasts climatology = SeedForecasts.of("climatology", temperature, 156, Baselines.seasonalMean(12));
 * SeedForecasts lstm = SeedForecasts.ofNetworks("LSTM", temperature, 156, new long[] {1, 2, 3, 4, 5},
 *         seed -> trainedLstm(seed), model -> Forecasts.forecaster(model, 24, scaler));
 * lstm.rmse(192, 240);                            // Spread over the 5 seeds, origins 192..239
 * lstm.versus(climatology, 192, 240, 2);          // a sentence that claims a win only if every seed shows it
 * }</pre>
 * A network is trained once, before {@code firstOrigin}, and not refitted as the origin moves: train it only on data
 * before the first origin, or the scores leak the future.
 */
public record SeedForecasts(String name, int firstOrigin, double[] actual, double[][] runs) {

    public SeedForecasts {
        if (runs.length == 0) {
            throw new IllegalArgumentException("'" + name + "' has no runs");
        }
        for (double[] run : runs) {
            if (run.length != actual.length) {
                throw new IllegalArgumentException("'" + name + "': a run has " + run.length + " forecasts for "
                        + actual.length + " origins");
            }
        }
    }

    /** A deterministic forecaster (a baseline, AR, ARIMA): one run, one-step forecasts at origins firstOrigin.. end. */
    public static SeedForecasts of(String name, double[] series, int firstOrigin, Forecaster forecaster) {
        checkOrigin(series, firstOrigin);
        return new SeedForecasts(name, firstOrigin, Arrays.copyOfRange(series, firstOrigin, series.length),
                new double[][] {oneStep(name, series, firstOrigin, forecaster)});
    }

    /**
     * One run per seed: {@code trainedOnSeed} builds and trains a network with that seed (on data before
     * {@code firstOrigin} only), {@code asForecaster} wraps it (e.g. {@code Forecasts.forecaster(model, window, scaler)});
     * each model is closed once its forecasts are made.
     */
    public static SeedForecasts ofNetworks(String name, double[] series, int firstOrigin, long[] seeds,
            LongFunction<RecurrentModel> trainedOnSeed, Function<RecurrentModel, Forecaster> asForecaster) {
        checkOrigin(series, firstOrigin);
        if (seeds.length == 0) {
            throw new IllegalArgumentException("'" + name + "': give at least one seed");
        }
        double[][] runs = new double[seeds.length][];
        for (int k = 0; k < seeds.length; k++) {
            try (RecurrentModel model = trainedOnSeed.apply(seeds[k])) {
                runs[k] = oneStep(name + " (seed " + seeds[k] + ")", series, firstOrigin, asForecaster.apply(model));
            }
        }
        return new SeedForecasts(name, firstOrigin, Arrays.copyOfRange(series, firstOrigin, series.length), runs);
    }

    /**
     * The strong simple baselines of a seasonal series, each forecasting one step at every origin from
     * {@code firstOrigin}: persistence, seasonal naive, climatology ({@link Baselines#seasonalMean}), AR({@code arOrder})
     * refitted at each origin, and climatology + AR(1) of the anomalies ({@link Transformed#deseasonalised}).
     */
    public static SeedForecasts[] seasonalBaselines(double[] series, int firstOrigin, int season, int arOrder) {
        return new SeedForecasts[] {
            of("persistence", series, firstOrigin, Baselines.persistence()),
            of("seasonal naive", series, firstOrigin, Baselines.seasonalNaive(season)),
            of("climatology", series, firstOrigin, Baselines.seasonalMean(season)),
            of("AR(" + arOrder + ")", series, firstOrigin, (history, horizon) -> ArModel.fit(history, arOrder)
                    .forecast(horizon).mean()),
            of("climatology + AR(1) of anomalies", series, firstOrigin, Transformed.deseasonalised(season,
                    (anomalies, horizon) -> ArModel.fit(anomalies, 1).forecast(horizon).mean()))
        };
    }

    /** The RMSE of each run over the origins {@code [fromOrigin, toOrigin)}, as mean ± sd (min–max) over runs. */
    public Spread rmse(int fromOrigin, int toOrigin) {
        return Spread.of(rmsePerRun(fromOrigin, toOrigin));
    }

    /** The RMSE of each run (seed) over the origins {@code [fromOrigin, toOrigin)}, in the order of the runs. */
    public double[] rmsePerRun(int fromOrigin, int toOrigin) {
        int from = index(fromOrigin, toOrigin);
        int to = toOrigin - firstOrigin;
        double[] actualPart = Arrays.copyOfRange(actual, from, to);
        return Arrays.stream(runs).mapToDouble(run -> Metrics.rmse(actualPart, Arrays.copyOfRange(run, from, to))).toArray();
    }

    /** The forecasts at origins {@code [fromOrigin, toOrigin)}, averaged over the runs. */
    public double[] meanForecast(int fromOrigin, int toOrigin) {
        int from = index(fromOrigin, toOrigin);
        double[] mean = new double[toOrigin - fromOrigin];
        for (double[] run : runs) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += run[from + k] / runs.length;
            }
        }
        return mean;
    }

    /** The actual values at origins {@code [fromOrigin, toOrigin)}. */
    public double[] actual(int fromOrigin, int toOrigin) {
        int from = index(fromOrigin, toOrigin);
        return Arrays.copyOfRange(actual, from, toOrigin - firstOrigin);
    }

    /**
     * A sentence comparing the RMSE of this and {@code other} on origins {@code [fromOrigin, toOrigin)}: a win only when
     * every run of the winner is below every run of the loser ({@link Spread#clearlyBelow}), otherwise "no clear winner".
     */
    public String versus(SeedForecasts other, int fromOrigin, int toOrigin, int decimals) {
        Spread mine = rmse(fromOrigin, toOrigin);
        Spread theirs = other.rmse(fromOrigin, toOrigin);
        String scores = "(RMSE " + name + " " + format(mine, decimals) + ", " + other.name + " " + format(theirs, decimals)
                + ")";
        if (mine.clearlyBelow(theirs)) {
            return name + " beats " + other.name + everyRun(mine, theirs) + scores;
        }
        if (theirs.clearlyBelow(mine)) {
            return other.name + " beats " + name + everyRun(mine, theirs) + scores;
        }
        return "no clear winner between " + name + " and " + other.name + ": the runs overlap " + scores;
    }

    /**
     * One row per model: the number of runs, mean RMSE over origins {@code [fromOrigin, toOrigin)} and its spread over
     * seeds (blank for a single run), rows in the order given.
     */
    public static Table table(String title, int fromOrigin, int toOrigin, int decimals, SeedForecasts... models) {
        StringColumn model = StringColumn.create("model");
        IntColumn runs = IntColumn.create("runs");
        DoubleColumn rmse = DoubleColumn.create("RMSE");
        StringColumn spread = StringColumn.create("over seeds: mean ± sd (min–max)");
        for (SeedForecasts m : models) {
            Spread s = m.rmse(fromOrigin, toOrigin);
            model.append(m.name);
            runs.append(s.runs());
            rmse.append(s.mean());
            spread.append(s.runs() == 1 ? "" : s.format(decimals));
        }
        rmse.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(decimals));
        return Table.create(title, model, runs, rmse, spread);
    }

    private static String everyRun(Spread a, Spread b) {
        return a.runs() == 1 && b.runs() == 1 ? " " : " on every seed ";
    }

    private static String format(Spread s, int decimals) {
        return s.runs() == 1 ? String.format(Locale.ROOT, "%." + decimals + "f", s.mean()) : s.format(decimals);
    }

    private static double[] oneStep(String name, double[] series, int firstOrigin, Forecaster forecaster) {
        double[] forecasts = new double[series.length - firstOrigin];
        for (int origin = firstOrigin; origin < series.length; origin++) {
            double[] f = forecaster.forecast(Arrays.copyOf(series, origin), 1);
            if (f == null || f.length < 1) {
                throw new IllegalStateException("forecaster '" + name + "' returned no forecast at origin " + origin);
            }
            forecasts[origin - firstOrigin] = f[0];
            Interruption.checkpoint("forecasts of " + name + ", origin " + origin);
        }
        return forecasts;
    }

    private int index(int fromOrigin, int toOrigin) {
        if (fromOrigin < firstOrigin || toOrigin > firstOrigin + actual.length || fromOrigin >= toOrigin) {
            throw new IllegalArgumentException("origins [" + fromOrigin + ", " + toOrigin + ") are not inside the "
                    + "forecast origins [" + firstOrigin + ", " + (firstOrigin + actual.length) + ") of '" + name + "'");
        }
        return fromOrigin - firstOrigin;
    }

    private static void checkOrigin(double[] series, int firstOrigin) {
        if (firstOrigin < 1 || firstOrigin >= series.length) {
            throw new IllegalArgumentException("the first forecast origin must lie inside the series (1 .. "
                    + (series.length - 1) + "), got " + firstOrigin);
        }
    }
}
