package workbook.djl;

import workbook.classic.Forecaster;
import workbook.data.Scaler;
import workbook.model.Output;

import java.util.function.DoubleUnaryOperator;

/**
 * Forecasts from a univariate model that reads windows of past (scaled) values, mapped back to the
 * series' units through the scaler's inverse (a {@code workbook.data.Scaler}, or any function).
 *
 * <ul>
 *   <li>{@link #oneStep}: one value ahead for every window (each window holds true past values).</li>
 *   <li>{@link #recursive}: a one-output model run {@code horizon} times, each forecast fed back as the
 *       newest input; errors compound with the horizon.</li>
 *   <li>{@link #direct}: a model with {@code horizon} outputs ({@code outputs(horizon)}) forecasts all steps
 *       at once from the same window.</li>
 * </ul>
 * Both also come in a multivariate form (rows {@code [time][feature]}): the recursive one then needs the features
 * known in advance for each future step (calendar features), and feeds back only the target column.
 */
public final class Forecasts {

    private Forecasts() {
    }

    /** {@link #oneStep(RecurrentModel, double[][][], DoubleUnaryOperator)} back through a workbook.data scaler (column 0). */
    public static double[] oneStep(RecurrentModel model, double[][][] windows, Scaler scaler) {
        return oneStep(model, windows, v -> scaler.inverse(v, 0));
    }

    /** {@link #recursive(RecurrentModel, double[], int, int, DoubleUnaryOperator)} back through a scaler (column 0). */
    public static double[] recursive(RecurrentModel model, double[] scaledSeries, int window, int horizon,
            Scaler scaler) {
        return recursive(model, scaledSeries, window, horizon, v -> scaler.inverse(v, 0));
    }

    /** {@link #direct(RecurrentModel, double[], int, DoubleUnaryOperator)} back through a scaler (column 0). */
    public static double[] direct(RecurrentModel model, double[] scaledSeries, int window, Scaler scaler) {
        return direct(model, scaledSeries, window, v -> scaler.inverse(v, 0));
    }

    /**
     * The trained model as a {@code workbook.classic} {@link Forecaster}, for {@code Backtest.compare} next to the
     * baselines: it scales the raw history with {@code scaler}, forecasts (recursively for a one-output model,
     * directly for an {@code outputs(horizon)} one) and maps back. The model is not refitted per fold: backtest
     * only origins after the data it was trained on, or the comparison leaks the future.
     */
    public static Forecaster forecaster(RecurrentModel model, int window, Scaler scaler) {
        return (history, horizon) -> {
            double[] scaled = scaler.transform(history);
            if (model.units() == 1) {
                return recursive(model, scaled, window, horizon, scaler);
            }
            if (model.units() < horizon) {
                throw new IllegalArgumentException("the model forecasts " + model.units()
                        + " steps at once, the backtest asks for " + horizon);
            }
            return java.util.Arrays.copyOf(direct(model, scaled, window, scaler), horizon);
        };
    }

    /** One step ahead for each window: {@code windows[i]} = window {@code i}, result[i] in the series' units. */
    public static double[] oneStep(RecurrentModel model, double[][][] windows, DoubleUnaryOperator inverse) {
        requireUnits(model, 1, "oneStep");
        double[][] yHat = model.predict(windows);
        double[] out = new double[yHat.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = inverse.applyAsDouble(yHat[i][0]);
        }
        return out;
    }

    /**
     * Forecasts {@code horizon} steps after the end of {@code scaledSeries} by feeding each forecast back.
     *
     * @param scaledSeries the series so far, already scaled like the training data; its last {@code window}
     *                     values are the first input
     */
    public static double[] recursive(RecurrentModel model, double[] scaledSeries, int window, int horizon,
            DoubleUnaryOperator inverse) {
        requireUnits(model, 1, "recursive");
        double[] input = lastWindow(scaledSeries, window, horizon);
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            workbook.display.Interruption.checkpoint("recursive forecast, step " + h);
            double next = model.predict(asBatch(input))[0][0];
            out[h] = inverse.applyAsDouble(next);
            System.arraycopy(input, 1, input, 0, window - 1);
            input[window - 1] = next;
        }
        return out;
    }

    /** All {@code model.units()} steps at once from the last {@code window} values of {@code scaledSeries}. */
    public static double[] direct(RecurrentModel model, double[] scaledSeries, int window, DoubleUnaryOperator inverse) {
        if (model.task() != RecurrentModel.Task.REGRESSION || model.output() != Output.LAST_STEP) {
            throw new IllegalArgumentException("direct forecasts need a regression model with output LAST_STEP, got "
                    + model);
        }
        double[] yHat = model.predict(asBatch(lastWindow(scaledSeries, window, model.units())))[0];
        double[] out = new double[yHat.length];
        for (int h = 0; h < out.length; h++) {
            out[h] = inverse.applyAsDouble(yHat[h]);
        }
        return out;
    }

    /**
     * Multivariate recursive forecast: the model reads windows of several features (e.g. the scaled target next to
     * calendar features) and predicts the target, column {@code targetColumn}, one step ahead. Each forecast is
     * written into the target column of the next input row, whose other features come from {@code knownFuture}:
     * values known in advance (day of week, time of year), never measurements of the future.
     *
     * @param scaledRows  the rows so far, {@code [time][feature]}, scaled like the training data
     * @param knownFuture one row per step to forecast, same columns; its target column is ignored
     */
    public static double[] recursive(RecurrentModel model, double[][] scaledRows, double[][] knownFuture,
            int targetColumn, int window, DoubleUnaryOperator inverse) {
        requireUnits(model, 1, "recursive");
        double[][] input = lastRows(scaledRows, window, "recursive");
        int features = input[0].length;
        if (knownFuture == null || knownFuture.length == 0) {
            throw new IllegalArgumentException("knownFuture is empty: it needs one row per step to forecast");
        }
        if (targetColumn < 0 || targetColumn >= features) {
            throw new IllegalArgumentException("targetColumn " + targetColumn + " is not one of the " + features
                    + " feature columns");
        }
        double[] out = new double[knownFuture.length];
        for (int h = 0; h < out.length; h++) {
            workbook.display.Interruption.checkpoint("recursive forecast, step " + h);
            double next = model.predict(new double[][][]{input})[0][0];
            out[h] = inverse.applyAsDouble(next);
            if (knownFuture[h] == null || knownFuture[h].length != features) {
                throw new IllegalArgumentException("knownFuture row " + h + " has "
                        + (knownFuture[h] == null ? "no" : knownFuture[h].length) + " columns, the windows have " + features);
            }
            double[] row = knownFuture[h].clone();
            row[targetColumn] = next;
            System.arraycopy(input, 1, input, 0, window - 1);
            input[window - 1] = row;
        }
        return out;
    }

    /**
     * Multivariate direct (single-shot) forecast: all {@code model.units()} target steps at once from the last
     * {@code window} rows ({@code [time][feature]}, scaled like the training data).
     */
    public static double[] direct(RecurrentModel model, double[][] scaledRows, int window, DoubleUnaryOperator inverse) {
        if (model.task() != RecurrentModel.Task.REGRESSION || model.output() != Output.LAST_STEP) {
            throw new IllegalArgumentException("direct forecasts need a regression model with output LAST_STEP, got "
                    + model);
        }
        double[] yHat = model.predict(new double[][][]{lastRows(scaledRows, window, "direct")})[0];
        double[] out = new double[yHat.length];
        for (int h = 0; h < out.length; h++) {
            out[h] = inverse.applyAsDouble(yHat[h]);
        }
        return out;
    }

    private static double[][] lastRows(double[][] rows, int window, String method) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException(method + ": no rows, nothing to forecast from");
        }
        if (window < 1) {
            throw new IllegalArgumentException(method + ": window must be at least 1, got " + window);
        }
        if (window > rows.length) {
            throw new IllegalArgumentException("window " + window + " is longer than the series (" + rows.length
                    + " rows)");
        }
        double[][] input = new double[window][];
        for (int t = 0; t < window; t++) {
            double[] row = rows[rows.length - window + t];
            if (row == null || row.length != rows[rows.length - window].length) {
                throw new IllegalArgumentException(method + ": the rows differ in length (row "
                        + (rows.length - window + t) + ")");
            }
            input[t] = row.clone();
        }
        return input;
    }

    private static double[] lastWindow(double[] series, int window, int horizon) {
        if (series == null || series.length == 0) {
            throw new IllegalArgumentException("the series is empty: nothing to forecast from");
        }
        if (window < 1 || horizon < 1) {
            throw new IllegalArgumentException("window and horizon must be at least 1, got window " + window
                    + ", horizon " + horizon);
        }
        if (window > series.length) {
            throw new IllegalArgumentException("window " + window + " is longer than the series ("
                    + series.length + " points)");
        }
        double[] input = new double[window];
        System.arraycopy(series, series.length - window, input, 0, window);
        return input;
    }

    private static double[][][] asBatch(double[] window) {
        double[][][] x = new double[1][window.length][1];
        for (int t = 0; t < window.length; t++) {
            x[0][t][0] = window[t];
        }
        return x;
    }

    private static void requireUnits(RecurrentModel model, int units, String method) {
        if (model.task() != RecurrentModel.Task.REGRESSION || model.output() != Output.LAST_STEP
                || model.units() != units) {
            throw new IllegalArgumentException(method + " needs a regression model with output LAST_STEP and "
                    + units + " output (outputs(" + units + ")), got " + model);
        }
    }
}
