package workbook.check;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(Chapter08.check1(LOG_RETURNS));
        assertTrue(verdict().startsWith("PASSED exercise 1: logReturns(prices) matches the reference on 5 inputs"));

        // simple returns p_t / p_{t-1} - 1 instead of log returns: close for small moves, wrong on 100 -> 110
        assertFalse(Chapter08.check1(prices -> {
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
        assertFalse(Chapter08.check1(prices -> {
            double[] r = new double[prices.length];
            for (int t = 1; t < prices.length; t++) {
                r[t] = Math.log(prices[t] / prices[t - 1]);
            }
            return r;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on two prices"));

        assertFalse(Chapter08.check1(prices -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(1));
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: not answered yet"));
    }

    @Test
    void trainOnlyScaling() {
        assertTrue(Chapter08.check2(TRAIN_ONLY_SCALING));
        assertTrue(verdict().startsWith("PASSED exercise 2: scale(series, trainSize) matches the reference on 4 inputs"));

        // the material's mistake: statistics of the whole series
        assertFalse(Chapter08.check2((series, trainSize) -> TRAIN_ONLY_SCALING.apply(series, series.length)));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on a rising series, half of it for training"));

        // the sample standard deviation (n - 1): the workbook's scalers use the population one
        assertFalse(Chapter08.check2((series, trainSize) -> {
            double[] z = TRAIN_ONLY_SCALING.apply(series, trainSize);
            double factor = Math.sqrt((trainSize - 1.0) / trainSize);
            return Arrays.stream(z).map(v -> v * factor).toArray();
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on a rising series"));

        // scaling only the training part: the test part is missing
        assertFalse(Chapter08.check2((series, trainSize) ->
                TRAIN_ONLY_SCALING.apply(Arrays.copyOf(series, trainSize), trainSize)));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on a rising series"));
    }

    @Test
    void mase() {
        assertTrue(Chapter08.check3(MASE));
        assertTrue(verdict().startsWith("PASSED exercise 3: mase(actual, forecast, history) matches the reference on 4 inputs"));

        // scaled by the naive error on the actual values instead of the training history
        assertFalse(Chapter08.check3((actual, forecast, history) -> MASE.mase(actual, forecast, actual)));
        assertFalse(verdict().startsWith("PASSED"));

        // divided by n instead of the n - 1 differences
        assertFalse(Chapter08.check3((actual, forecast, history) ->
                MASE.mase(actual, forecast, history) * (history.length - 1) / history.length));
        String divided = verdict();
        assertTrue(divided.startsWith("NOT YET exercise 3: on a two-point history"), divided);
        assertTrue(divided.contains("expected 1.0, got 0.5"), divided);
    }

    @Test
    void theIntervalExerciseIsJudgedByItsHeldOutIntervalScore() {
        int[] seen = new int[1];
        // the reference: the spread of the last 20 trading days, 2.2 standard deviations wide
        assertTrue(Chapter08.check4(returns -> {
            seen[0] = returns.length;
            return new Chapter08.IntervalChoice(20, 2.2);
        }));
        String passed = verdict();
        assertTrue(passed.startsWith("PASSED exercise 4: IntervalChoice[window=20, width=2.2] on the 766 held-out test days: "
                + "mean interval score 0.05875, 93.6% of the returns inside; the baseline (mean ± 1.96 sd of all past returns): "
                + "0.09235, 94.5% inside; the goal: 0.08312 or less (10% below the baseline)"), passed);
        // the student's code saw the returns before the notebook's test period, not one more
        double[] close = workbook.data.Columns.doubles(workbook.data.Datasets.sp500(), "close");
        assertEquals(workbook.data.ChronologicalSplit.fractions(close.length - 1, 0.7, 0.15).validationEnd(), seen[0]);

        // a long window is the constant spread again: not better by 10%
        assertFalse(Chapter08.check4(returns -> new Chapter08.IntervalChoice(1000, 1.96)));
        assertTrue(verdict().startsWith("NOT YET exercise 4: IntervalChoice[window=1000, width=1.96] on the 766 held-out test "
                + "days: mean interval score 0.09417"));
        // two days are too few to estimate a spread: narrow intervals that miss often
        assertFalse(Chapter08.check4(returns -> new Chapter08.IntervalChoice(2, 1.96)));
        String noisy = verdict();
        assertTrue(noisy.contains("71.7% of the returns inside") && noisy.contains("the goal: 0.08312 or less (10% below the baseline). Calm and wild"), noisy);
        // an interval wide enough to hold every return costs its width
        assertFalse(Chapter08.check4(returns -> new Chapter08.IntervalChoice(20, 8)));
        assertTrue(verdict().contains("mean interval score 0.14441, 99.9% of the returns inside"));

        assertFalse(Chapter08.check4(returns -> new Chapter08.IntervalChoice(1, 1.96)));
        assertEquals("NOT YET exercise 4: the window must hold 2..4338 past returns, got 1", verdict());
        assertFalse(Chapter08.check4(returns -> new Chapter08.IntervalChoice(20, -1)));
        assertEquals("NOT YET exercise 4: the width must be a positive number of standard deviations, got -1.0", verdict());
        assertFalse(Chapter08.check4(returns -> new Chapter08.IntervalChoice(20, Double.NaN)));
        assertTrue(verdict().startsWith("NOT YET exercise 4: the width must be"));
        assertFalse(Chapter08.check4(returns -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(4));
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 4: not answered yet"));
    }

    @Test
    void theIntervalScoreIsGneitingAndRafterys() {
        // past returns 0, 1 (window 2: mean 0.5, sd 0.7071); centre = mean of all past = 0.5; width 1 -> [-0.2071, 1.2071]
        double[] returns = {0, 1, 2};
        Chapter08.IntervalScore miss = Chapter08.intervalScore(returns, 2, 2, 1);
        double half = Math.sqrt(0.5);
        assertEquals(2 * half + 40 * (2 - (0.5 + half)), miss.mean(), 1e-12);
        assertEquals(0, miss.coverage());
        Chapter08.IntervalScore hit = Chapter08.intervalScore(new double[]{0, 1, 0.6}, 2, 2, 1);
        assertEquals(2 * half, hit.mean(), 1e-12);
        assertEquals(1, hit.coverage());
    }
}
