package workbook.classic;

import org.junit.jupiter.api.Test;
import workbook.data.Columns;
import workbook.data.Datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The honest starting point of the stock chapter: walk-forward one-step forecasts over the last
 * 20% of each series, where every model is refitted on the past only. AR fitted on prices does
 * not beat "tomorrow = today".
 */
class StockBacktestTest {

    private static Backtest.Result backtest(double[] prices) {
        int initial = (int) (prices.length * 0.8);
        return Backtest.rollingOrigin(initial).horizon(1).step(1)
                .compare("persistence", Baselines.persistence())
                .compare("drift", Baselines.drift())
                .compare("AR(1)", (history, h) -> ArModel.fit(history, 1).forecast(h).mean())
                .compare("AR(5)", (history, h) -> ArModel.fit(history, 5).forecast(h).mean())
                .run(prices);
    }

    /** Persistence MAE computed directly: mean |y_t - y_{t-1}| over the test origins. */
    private static double persistenceMae(double[] y, int initial) {
        double s = 0;
        for (int t = initial; t < y.length; t++) {
            s += Math.abs(y[t] - y[t - 1]);
        }
        return s / (y.length - initial);
    }

    @Test
    void monthlyStocks() {
        for (String symbol : new String[]{"MSFT", "AAPL", "IBM", "AMZN"}) {
            double[] prices = Columns.doubles(Datasets.stock(symbol), "price");
            Backtest.Result r = backtest(prices);
            System.out.println("monthly " + symbol + " (" + prices.length + " months)\n" + r);
            double persistence = r.mean("persistence", "mae");
            assertEquals(persistenceMae(prices, (int) (prices.length * 0.8)), persistence, 1e-9);
            assertTrue(r.mean("AR(1)", "mae") > 0.95 * persistence, symbol + ": AR(1) is not meaningfully better than persistence");
        }
    }

    @Test
    void dailySp500() {
        double[] close = Columns.doubles(Datasets.sp500(), "close");
        Backtest.Result r = backtest(close);
        System.out.println("daily S&P 500 close (" + close.length + " days)\n" + r);
        double persistence = r.mean("persistence", "mae");
        assertEquals(persistenceMae(close, (int) (close.length * 0.8)), persistence, 1e-9);
        assertTrue(r.mean("AR(1)", "mae") > 0.95 * persistence);
        assertTrue(r.mean("AR(5)", "mae") > 0.95 * persistence);
    }

    @Test
    void dailySp500LogReturnsAreNearlyUnpredictable() {
        double[] close = Columns.doubles(Datasets.sp500(), "close");
        double[] returns = Differencing.difference(java.util.Arrays.stream(close).map(Math::log).toArray());
        int initial = (int) (returns.length * 0.8);
        Backtest.Result r = Backtest.rollingOrigin(initial)
                .compare("mean", Baselines.mean())
                .compare("zero", (history, h) -> new double[h])
                .compare("persistence", Baselines.persistence())
                .compare("AR(1)", (history, h) -> ArModel.fit(history, 1).forecast(h).mean())
                .run(returns);
        System.out.println("daily S&P 500 log returns (" + returns.length + " days)\n" + r);
        // repeating yesterday's return is clearly worse than forecasting (about) zero
        assertTrue(r.mean("persistence", "rmse") > 1.2 * r.mean("zero", "rmse"));
        // and AR(1) on returns is within 5% of the zero forecast
        assertTrue(Math.abs(r.mean("AR(1)", "rmse") / r.mean("zero", "rmse") - 1) < 0.05);
    }
}
