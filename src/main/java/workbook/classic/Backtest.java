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

        @Override
        public String toString() {
            return summary.printAll();
        }
    }

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
            }
            Interruption.checkpoint("backtest fold " + folds + " (origin " + o + ")");
        }
        Table perFold = Table.create("backtest folds", name, fold, origin);
        perFold.addColumns(metrics);
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
