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
}
