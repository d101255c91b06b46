package workbook.check;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkers of notebook 08 pass the reference solutions and fail typical wrong answers with a useful line. */
class Chapter08Test extends CapturesStandardOutput {

    // the reference solutions, as in the notebook
    static final Function<double[], double[]> LOG_RETURNS = prices -> {
        double[] returns = new double[Math.max(prices.length - 1, 0)];
        for (int t = 1; t < prices.length; t++) {
            returns[t - 1] = Math.log(prices[t] / prices[t - 1]);
        }
        return returns;
    };

    static final BiFunction<double[], Integer, double[]> TRAIN_ONLY_SCALING = (series, trainSize) -> {
        double mean = 0;
        for (int t = 0; t < trainSize; t++) {
            mean += series[t] / trainSize;
        }
        double variance = 0;
        for (int t = 0; t < trainSize; t++) {
            variance += (series[t] - mean) * (series[t] - mean) / trainSize;
        }
        double std = Math.sqrt(variance);
        double[] scaled = new double[series.length];
        for (int t = 0; t < series.length; t++) {
            scaled[t] = (series[t] - mean) / std;
        }
        return scaled;
    };

    static final Chapter08.Mase MASE = (actual, forecast, history) -> {
        double naive = 0;
        for (int t = 1; t < history.length; t++) {
            naive += Math.abs(history[t] - history[t - 1]) / (history.length - 1);
        }
        double mae = 0;
        for (int i = 0; i < actual.length; i++) {
            mae += Math.abs(actual[i] - forecast[i]) / actual.length;
        }
        return mae / naive;
    };


    private String verdict() {
        String text = takeOutput();
        assertFalse(text.contains("\n"), "one verdict line, got: " + text);
        return text;
    }

    @Test
    void logReturns() {
        assertTrue(Chapter08.logReturnsVerdict(LOG_RETURNS));
        assertTrue(verdict().startsWith("PASSED exercise 1: logReturns(prices) matches the reference on 5 inputs"));

        // simple returns p_t / p_{t-1} - 1 instead of log returns: close for small moves, wrong on 100 -> 110
        assertFalse(Chapter08.logReturnsVerdict(prices -> {
            double[] r = new double[prices.length - 1];
            for (int t = 1; t < prices.length; t++) {
                r[t - 1] = prices[t] / prices[t - 1] - 1;
            }
            return r;
        }));
        String simple = verdict();
        assertTrue(simple.startsWith("NOT YET exercise 1: on two prices (input [100.0, 110.0]): expected [0.0953"), simple);
        assertTrue(simple.contains("got [0.1"), simple);

        // one value per price (a leading 0): wrong length
        assertFalse(Chapter08.logReturnsVerdict(prices -> {
            double[] r = new double[prices.length];
            for (int t = 1; t < prices.length; t++) {
                r[t] = Math.log(prices[t] / prices[t - 1]);
            }
            return r;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on two prices"));

        assertFalse(Chapter08.logReturnsVerdict(prices -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(1));
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: not answered yet"));
    }

    @Test
    void trainOnlyScaling() {
        assertTrue(Chapter08.trainOnlyScalingVerdict(TRAIN_ONLY_SCALING));
        assertTrue(verdict().startsWith("PASSED exercise 2: scale(series, trainSize) matches the reference on 4 inputs"));

        // the material's mistake: statistics of the whole series
        assertFalse(Chapter08.trainOnlyScalingVerdict((series, trainSize) -> TRAIN_ONLY_SCALING.apply(series, series.length)));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on a rising series, half of it for training"));

        // the sample standard deviation (n - 1): the workbook's scalers use the population one
        assertFalse(Chapter08.trainOnlyScalingVerdict((series, trainSize) -> {
            double[] z = TRAIN_ONLY_SCALING.apply(series, trainSize);
            double factor = Math.sqrt((trainSize - 1.0) / trainSize);
            return Arrays.stream(z).map(v -> v * factor).toArray();
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on a rising series"));

        // scaling only the training part: the test part is missing
        assertFalse(Chapter08.trainOnlyScalingVerdict((series, trainSize) ->
                TRAIN_ONLY_SCALING.apply(Arrays.copyOf(series, trainSize), trainSize)));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on a rising series"));
    }

    @Test
    void mase() {
        assertTrue(Chapter08.maseVerdict(MASE));
        assertTrue(verdict().startsWith("PASSED exercise 3: mase(actual, forecast, history) matches the reference on 4 inputs"));

        // scaled by the naive error on the actual values instead of the training history
        assertFalse(Chapter08.maseVerdict((actual, forecast, history) -> MASE.mase(actual, forecast, actual)));
        assertFalse(verdict().startsWith("PASSED"));

        // divided by n instead of the n - 1 differences
        assertFalse(Chapter08.maseVerdict((actual, forecast, history) ->
                MASE.mase(actual, forecast, history) * (history.length - 1) / history.length));
        String divided = verdict();
        assertTrue(divided.startsWith("NOT YET exercise 3: on a two-point history"), divided);
        assertTrue(divided.contains("expected 1.0, got 0.5"), divided);
    }
}
