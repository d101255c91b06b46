package workbook.classic;

/**
 * Anything that, given the history up to now, forecasts the next {@code horizon} values: a
 * baseline, AR, ARIMA, or a neural network wrapped in a lambda. Fitting happens inside
 * {@code forecast}, on the history only, so a backtest cannot leak the future into the model.
 *
 * <pre>{@code
 * Forecaster ar2 = (history, h) -> ArModel.fit(history, 2).forecast(h).mean();
 * }</pre>
 */
@FunctionalInterface
public interface Forecaster {

    double[] forecast(double[] history, int horizon);
}
