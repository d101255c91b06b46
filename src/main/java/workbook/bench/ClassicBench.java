package workbook.bench;

import workbook.classic.ArModel;
import workbook.classic.ArimaModel;
import workbook.classic.Backtest;
import workbook.data.Columns;
import workbook.data.Datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Speed of the classical models: an ARIMA fit and a walk-forward AR backtest on the S&P 500. */
public final class ClassicBench implements BenchSuite {

    @Override
    public String title() {
        return "classical models (plain Java, Commons Math)";
    }

    @Override
    public List<BenchResult> run() {
        List<BenchResult> results = new ArrayList<>();
        double[] logAir = Arrays.stream(Columns.doubles(Datasets.airPassengers(), "passengers")).map(Math::log).toArray();
        ArimaModel.fit(logAir, 2, 1, 2); // warm-up
        int fits = 5;
        long start = System.nanoTime();
        for (int i = 0; i < fits; i++) {
            ArimaModel.fit(logAir, 2, 1, 2);
        }
        results.add(new BenchResult("classic.arima.fit.air.p2d1q2", "ms/fit", (System.nanoTime() - start) / 1e6 / fits));

        double[] close = Columns.doubles(Datasets.sp500(), "close");
        int initial = close.length - 500;
        Backtest backtest = Backtest.rollingOrigin(initial).compare("AR(5)", (h, n) -> ArModel.fit(h, 5).forecast(n).mean());
        backtest.run(Arrays.copyOf(close, initial + 50)); // warm-up
        start = System.nanoTime();
        backtest.run(close);
        results.add(new BenchResult("classic.backtest.sp500.ar5.refit", "folds/s", 500 / ((System.nanoTime() - start) / 1e9)));
        return results;
    }
}
