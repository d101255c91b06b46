package workbook.classic;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import workbook.display.Interruption;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rolling-origin (walk-forward) evaluation: for each origin, every forecaster sees only
 * y[0 .. origin) and forecasts the next {@code horizon} values, which are then compared with
 * what happened. The origin starts at {@code initialTrainSize} and moves forward by {@code step}.
 *
 * <pre>{@code
 * Backtest.Result r = Backtest.rollingOrigin(96).horizon(1).step(1)
 *         .compare("persistence", Baselines.persistence())
 *         .compare("AR(2)", (history, h) -> ArModel.fit(history, 2).forecast(h).mean())
 *         .run(prices);
 * r.summary();   // one row per forecaster: mean MAE, RMSE, MAPE, sMAPE, MASE over folds
 * }</pre>
 */
public final class Backtest {

    private final int initialTrainSize;
    private int horizon = 1;
    private int step = 1;
    private int season = 1;
    private final Map<String, Forecaster> forecasters = new LinkedHashMap<>();

    private Backtest(int initialTrainSize) {
        this.initialTrainSize = initialTrainSize;
    }

    /** A walk-forward backtest whose first fold trains on {@code initialTrainSize} points. */
    public static Backtest rollingOrigin(int initialTrainSize) {
        if (initialTrainSize < 2) {
            throw new IllegalArgumentException("initialTrainSize must be at least 2, got " + initialTrainSize);
        }
        return new Backtest(initialTrainSize);
    }

    /** Steps forecast at each origin (default 1). */
    public Backtest horizon(int steps) {
        this.horizon = positive(steps, "horizon");
        return this;
    }

    /** How far the origin moves between folds (default 1). */
    public Backtest step(int steps) {
        this.step = positive(steps, "step");
        return this;
    }

    /** The season of the naive forecast that scales MASE (default 1: non-seasonal). */
    public Backtest season(int steps) {
        this.season = positive(steps, "season");
        return this;
    }

    /**
     * The name under which one seed of a network joins a backtest, {@code "LSTM (seed 3)"}: {@link Result#spread}
     * and {@link Result#overSeeds} gather the rows of one {@code group} by it.
     */
    public static String seedName(String group, long seed) {
        return group + " (seed " + seed + ")";
    }

    public Backtest compare(String name, Forecaster forecaster) {
        if (forecasters.containsKey(name)) {
            throw new IllegalArgumentException("a forecaster named '" + name + "' is already in this backtest");
        }
        forecasters.put(name, forecaster);
        return this;
    }

    /** Per-fold errors ({@code folds}) and their means per forecaster ({@code summary}). */
    public record Result(Table folds, Table summary) {
        /** The summary's value for one forecaster and metric, e.g. {@code result.mean("AR(2)", "mae")}. */
        public double mean(String forecaster, String metric) {
            StringColumn names = summary.stringColumn("forecaster");
            for (int row = 0; row < summary.rowCount(); row++) {
                if (names.get(row).equals(forecaster)) {
                    return summary.doubleColumn(metric).getDouble(row);
                }
            }
            throw new IllegalArgumentException("no forecaster '" + forecaster + "' in this backtest; have "
                    + names.asList());
        }

        /** One forecaster's value of one metric in every fold, in fold order, e.g. {@code perFold("AR(2)", "mae")}. */
        public double[] perFold(String forecaster, String metric) {
            Table rows = folds.where(folds.stringColumn("forecaster").isEqualTo(forecaster));
            if (rows.rowCount() == 0) {
                throw new IllegalArgumentException("no forecaster '" + forecaster + "' in this backtest; have "
                        + summary.stringColumn("forecaster").asList());
            }
            return rows.doubleColumn(metric).asDoubleArray();
        }

        /**
         * In how many folds {@code forecaster} has a lower {@code metric} than {@code other}: a mean can
         * hide a model that wins big in a few folds and loses the rest. Ties count for neither.
         */
        public int foldsBelow(String forecaster, String other, String metric) {
            double[] mine = perFold(forecaster, metric);
            double[] theirs = perFold(other, metric);
            int count = 0;
            for (int f = 0; f < mine.length; f++) {
                count += mine[f] < theirs[f] ? 1 : 0;
            }
            return count;
        }

        /** The number of folds (forecast origins). */
        public int foldCount() {
            return summary.intColumn("folds").get(0);
        }

        /**
         * The summary for reading: MAE, RMSE, MAPE, sMAPE and MASE with {@code decimals} decimals
         * (MSE left out: it is RMSE squared), the undefined-percentage count only if some fold had one.
         */
        public Table rounded(int decimals) {
            Table shown = summary.copy().removeColumns("mse");
            if (shown.intColumn("percentage_undefined").sum() == 0) {
                shown.removeColumns("percentage_undefined");
            }
            for (String metric : new String[]{"mae", "rmse", "mape", "smape", "mase"}) {
                shown.doubleColumn(metric).setPrintFormatter(
                        tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(decimals));
            }
            return shown;
        }

        /**
         * The error at each lead time, averaged over the folds: entry {@code h} is the MAE (metric {@code "mae"})
         * or RMSE ({@code "rmse"}) of the forecasts {@code h + 1} steps after their origin. For a group of seeds
         * ({@link #seedName}) it is the mean of the seeds' errors at each lead time.
         */
        public double[] errorByStep(String forecaster, String metric) {
            boolean squared = switch (metric) {
                case "mae" -> false;
                case "rmse" -> true;
                default -> throw new IllegalArgumentException("errorByStep knows 'mae' and 'rmse', got '" + metric + "'");
            };
            if (!summary.stringColumn("forecaster").asList().contains(forecaster) && !seedRows(forecaster).isEmpty()) {
                java.util.List<String> seeds = seedRows(forecaster);   // a group: the mean over its seeds
                double[] mean = new double[0];
                for (String seed : seeds) {
                    double[] one = errorByStep(seed, metric);
                    mean = mean.length == 0 ? new double[one.length] : mean;
                    for (int h = 0; h < one.length; h++) {
                        mean[h] += one[h] / seeds.size();
                    }
                }
                return mean;
            }
            Table rows = folds.where(folds.stringColumn("forecaster").isEqualTo(forecaster));
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no forecaster '" + forecaster + "' in this backtest; have "
                        + summary.stringColumn("forecaster").asList());
            }
            int steps = 0;
            while (folds.containsColumn(ERROR_PREFIX + (steps + 1))) {
                steps++;
            }
            double[] byStep = new double[steps];
            for (int h = 0; h < steps; h++) {
                DoubleColumn errors = rows.doubleColumn(ERROR_PREFIX + (h + 1));
                byStep[h] = squared ? Math.sqrt(errors.multiply(errors).mean()) : errors.abs().mean();
            }
            return byStep;
        }

        /**
         * The spread over seeds of one metric for the forecasters named {@link #seedName}{@code (group, seed)}:
         * e.g. {@code spread("LSTM", "mae").clearlyBelow(result.mean("seasonal naive", "mae"))}.
         */
        public Spread spread(String group, String metric) {
            double[] scores = seedRows(group).stream().mapToDouble(name -> mean(name, metric)).toArray();
            if (scores.length == 0) {
                throw new IllegalArgumentException("no forecaster named like '" + seedName(group, 1) + "' in this backtest; have "
                        + summary.stringColumn("forecaster").asList());
            }
            return Spread.of(scores);
        }

        /**
         * The summary for reading, one row per forecaster and one per group of seeds: a deterministic forecaster
         * shows its value, a group its {@link Spread} (mean ± sd, min–max over its seeds), in the order they joined.
         */
        public Table overSeeds(int decimals, String... metrics) {
            StringColumn name = StringColumn.create("forecaster");
            IntColumn runs = IntColumn.create("runs");
            StringColumn[] values = new StringColumn[metrics.length];
            for (int m = 0; m < metrics.length; m++) {
                values[m] = StringColumn.create(metrics[m]);
            }
            java.util.Set<String> done = new java.util.HashSet<>();
            for (String forecaster : summary.stringColumn("forecaster")) {
                java.util.regex.Matcher seeded = SEEDED.matcher(forecaster);
                String group = seeded.matches() ? seeded.group(1) : forecaster;
                if (!done.add(group)) {
                    continue;
                }
                name.append(group);
                runs.append(seeded.matches() ? seedRows(group).size() : 1);
                for (int m = 0; m < metrics.length; m++) {
                    values[m].append(seeded.matches() ? spread(group, metrics[m]).format(decimals)
                            : String.format(java.util.Locale.ROOT, "%,." + decimals + "f", mean(forecaster, metrics[m])));
                }
            }
            Table shown = Table.create(summary.name() + " (networks: mean ± sd (min–max) over seeds)", name, runs);
            shown.addColumns(values);
            return shown;
        }

        /** Of the named forecasters (or seed groups), the one with the lowest mean {@code metric}. */
        public String best(String metric, String... forecasters) {
            if (forecasters.length == 0) {
                throw new IllegalArgumentException("best of what? name at least one forecaster");
            }
            String best = forecasters[0];
            for (String f : forecasters) {
                if (score(f, metric).mean() < score(best, metric).mean()) {
                    best = f;
                }
            }
            return best;
        }

        /**
         * One sentence that compares {@code a} with {@code b} on {@code metric} (lower is better), each a forecaster
         * or a group of seeds, and claims a winner only when every seed agrees (Spread.clearlyBelow): e.g.
         * "LSTM beats seasonal naive on every seed, by 18.7% on average: mae 371.8 ± 12.0 (360.1–390.2, 5 seeds) against
         * 457.8" (the winner's number first, and by how much it wins). Two deterministic forecasters within 0.1% of
         * each other are called even.
         */
        public String verdict(String a, String b, String metric, int decimals) {
            Spread sa = score(a, metric);
            Spread sb = score(b, metric);
            boolean seeded = sa.runs() > 1 || sb.runs() > 1;
            if (!seeded && Math.abs(sa.mean() - sb.mean()) < 0.001 * Math.max(Math.abs(sa.mean()), Math.abs(sb.mean()))) {
                return a + " and " + b + " are within 0.1% of each other: " + numbers(metric, sa, sb, decimals);
            }
            if (sa.clearlyBelow(sb)) {
                return a + " beats " + b + by(sa, sb, seeded) + numbers(metric, sa, sb, decimals);
            }
            if (sb.clearlyBelow(sa)) {
                return b + " beats " + a + by(sb, sa, seeded) + numbers(metric, sb, sa, decimals);
            }
            if (sa.runs() > 1 && sb.runs() == 1) {
                return a + " beats " + b + " on " + seedsBelow(a, metric, sb.mean()) + " of " + sa.runs()
                        + " seeds only: " + numbers(metric, sa, sb, decimals);
            }
            if (sb.runs() > 1 && sa.runs() == 1) {
                return b + " beats " + a + " on " + seedsBelow(b, metric, sa.mean()) + " of " + sb.runs()
                        + " seeds only: " + numbers(metric, sb, sa, decimals);
            }
            return a + " and " + b + " overlap over the seeds, no clear winner: " + numbers(metric, sa, sb, decimals);
        }

        /** " by 12.3%: " or " on every seed, by 12.3% on average: ", the winner's error below the loser's. */
        private static String by(Spread winner, Spread loser, boolean seeded) {
            double percent = 100 * (loser.mean() - winner.mean()) / Math.abs(loser.mean());
            return String.format(java.util.Locale.ROOT, seeded ? " on every seed, by %.1f%% on average: " : " by %.1f%%: ",
                    percent);
        }

        private static String numbers(String metric, Spread first, Spread second, int decimals) {
            return metric + " " + shown(first, decimals) + " against " + shown(second, decimals);
        }

        private Spread score(String forecasterOrGroup, String metric) {
            boolean single = summary.stringColumn("forecaster").asList().contains(forecasterOrGroup);
            return single ? Spread.of(mean(forecasterOrGroup, metric)) : spread(forecasterOrGroup, metric);
        }

        private int seedsBelow(String group, String metric, double other) {
            return (int) seedRows(group).stream().filter(name -> mean(name, metric) < other).count();
        }

        private static String shown(Spread s, int decimals) {
            return s.runs() > 1 ? s.format(decimals)
                    : String.format(java.util.Locale.ROOT, "%." + decimals + "f", s.mean());
        }

        private java.util.List<String> seedRows(String group) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (String forecaster : summary.stringColumn("forecaster")) {
                java.util.regex.Matcher seeded = SEEDED.matcher(forecaster);
                if (seeded.matches() && seeded.group(1).equals(group)) {
                    names.add(forecaster);
                }
            }
            return names;
        }

        @Override
        public String toString() {
            return summary.printAll();
        }
    }

    private static final String ERROR_PREFIX = "error_";
    private static final java.util.regex.Pattern SEEDED = java.util.regex.Pattern.compile("(.*) \\(seed -?\\d+\\)");

    public Result run(double[] series) {
        if (forecasters.isEmpty()) {
            throw new IllegalStateException("nothing to evaluate: add forecasters with compare(name, forecaster)");
        }
        SeriesChecks.finite(series, "backtest");
        if (initialTrainSize + horizon > series.length) {
            throw new IllegalArgumentException("initialTrainSize " + initialTrainSize + " + horizon " + horizon
                    + " is longer than the series (" + series.length + " points)");
        }
        StringColumn name = StringColumn.create("forecaster");
        IntColumn fold = IntColumn.create("fold");
        IntColumn origin = IntColumn.create("origin");
        DoubleColumn[] metrics = metricColumns();
        DoubleColumn[] stepErrors = new DoubleColumn[horizon];   // actual - forecast at each lead time
        for (int h = 0; h < horizon; h++) {
            stepErrors[h] = DoubleColumn.create(ERROR_PREFIX + (h + 1));
        }
        int folds = 0;
        for (int o = initialTrainSize; o + horizon <= series.length; o += step, folds++) {
            double[] history = Arrays.copyOfRange(series, 0, o);
            double[] actual = Arrays.copyOfRange(series, o, o + horizon);
            for (Map.Entry<String, Forecaster> entry : forecasters.entrySet()) {
                double[] forecast = entry.getValue().forecast(history, horizon);
                if (forecast == null || forecast.length != horizon) {
                    throw new IllegalStateException("forecaster '" + entry.getKey() + "' returned "
                            + (forecast == null ? "null" : forecast.length + " values") + " for horizon " + horizon
                            + " at origin " + o);
                }
                name.append(entry.getKey());
                fold.append(folds);
                origin.append(o);
                metrics[0].append(Metrics.mae(actual, forecast));
                metrics[1].append(Metrics.mse(actual, forecast));
                metrics[2].append(Metrics.rmse(actual, forecast));
                // percentage errors are undefined at zero actuals: NaN in that fold, counted in the summary
                metrics[3].append(hasZero(actual) ? Double.NaN : Metrics.mape(actual, forecast));
                metrics[4].append(smapeUndefined(actual, forecast) ? Double.NaN : Metrics.smape(actual, forecast));
                metrics[5].append(Metrics.mase(actual, forecast, history, season));
                for (int h = 0; h < horizon; h++) {
                    stepErrors[h].append(actual[h] - forecast[h]);
                }
            }
            Interruption.checkpoint("backtest fold " + folds + " (origin " + o + ")");
        }
        Table perFold = Table.create("backtest folds", name, fold, origin);
        perFold.addColumns(metrics);
        perFold.addColumns(stepErrors);
        return new Result(perFold, summarise(perFold));
    }

    /**
     * Mean of each metric over folds; RMSE is recomputed as √(mean MSE) so it pools all forecast
     * errors. MAPE and sMAPE average the folds where they are defined; "percentage_undefined"
     * counts the folds where one of them is not (zero actual values).
     */
    private Table summarise(Table perFold) {
        StringColumn name = StringColumn.create("forecaster");
        IntColumn count = IntColumn.create("folds");
        IntColumn undefined = IntColumn.create("percentage_undefined");
        DoubleColumn[] metrics = metricColumns();
        for (String forecaster : forecasters.keySet()) {
            Table rows = perFold.where(perFold.stringColumn("forecaster").isEqualTo(forecaster));
            name.append(forecaster);
            count.append(rows.rowCount());
            for (DoubleColumn m : metrics) {
                m.append(rows.doubleColumn(m.name()).mean());
            }
            metrics[2].set(metrics[2].size() - 1, Math.sqrt(rows.doubleColumn("mse").mean()));
            int missing = 0;
            for (int row = 0; row < rows.rowCount(); row++) {
                if (rows.doubleColumn("mape").isMissing(row) || rows.doubleColumn("smape").isMissing(row)) {
                    missing++;
                }
            }
            undefined.append(missing);
        }
        Table summary = Table.create("backtest summary", name, count);
        summary.addColumns(metrics);
        summary.addColumns(undefined);
        return summary;
    }

    private static DoubleColumn[] metricColumns() {
        return new DoubleColumn[]{DoubleColumn.create("mae"), DoubleColumn.create("mse"), DoubleColumn.create("rmse"),
                DoubleColumn.create("mape"), DoubleColumn.create("smape"), DoubleColumn.create("mase")};
    }

    private static boolean smapeUndefined(double[] actual, double[] forecast) {
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == 0 && forecast[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasZero(double[] values) {
        for (double v : values) {
            if (v == 0) {
                return true;
            }
        }
        return false;
    }

    private static int positive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value);
        }
        return value;
    }
}
