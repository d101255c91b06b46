package workbook.classic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Detection: counts by hand; quantile, mean + k·std and rolling z-scores against numpy / pandas (values in comments). */
class DetectionTest {

    @Test
    void confusionCountsAndScores() {
        boolean[] flagged = {true, true, false, false, true, false};
        int[] labels = {1, 0, 1, 0, 1, 0};
        Detection.Confusion c = Detection.confusion(flagged, labels);
        assertEquals(new Detection.Confusion(2, 1, 1, 2), c);
        assertEquals(2.0 / 3, c.precision(), 1e-15);
        assertEquals(2.0 / 3, c.recall(), 1e-15);
        assertEquals(2.0 / 3, c.f1(), 1e-15);

        Detection.Confusion oneOfFour = new Detection.Confusion(1, 0, 3, 10);
        assertEquals(1.0, oneOfFour.precision());
        assertEquals(0.25, oneOfFour.recall());
        assertEquals(0.4, oneOfFour.f1(), 1e-15);   // 2·1·0.25 / 1.25
        assertTrue(Double.isNaN(new Detection.Confusion(0, 0, 3, 5).precision()), "nothing flagged");
        assertEquals(0.0, new Detection.Confusion(0, 0, 3, 5).f1());
        assertTrue(Double.isNaN(new Detection.Confusion(0, 0, 0, 5).recall()), "no anomalies");
    }

    @Test
    void thresholdsMatchNumpy() {
        double[] scores = {3, 1, 4, 1, 5, 9, 2, 6};
        assertEquals(6.9, Detection.quantileThreshold(scores, 0.9), 1e-12);    // np.quantile(s, 0.9)
        assertEquals(1.75, Detection.quantileThreshold(scores, 0.25), 1e-12);  // np.quantile(s, 0.25)
        assertEquals(9.371752287877426, Detection.meanStdThreshold(scores, 2), 1e-12);   // mean + 2·std(ddof=1)
        assertArrayEquals(new boolean[]{false, false, false, false, false, true, false, false},
                Detection.flag(scores, 6.9));
        assertArrayEquals(new boolean[]{false, true}, Detection.flag(new double[]{Double.NaN, 2}, 1));
    }

    @Test
    void rollingZScoresUseThePastOnly() {
        double[] y = {1, 2, 3, 4, 10, 4, 3, 2.5};
        // pandas: (y - y.rolling(3).mean().shift(1)).abs() / y.rolling(3).std().shift(1)
        double[] expected = {Double.NaN, Double.NaN, Double.NaN, 2.0, 7.0, 0.440225453163, 0.866025403784, 0.836428361009};
        assertArrayEquals(expected, Detection.rollingZScores(y, 3), 1e-11);
        double[] flat = Detection.rollingZScores(new double[]{5, 5, 5, 6}, 3);
        assertTrue(Double.isNaN(flat[3]), "a constant past has no spread");
    }

    @Test
    void badInputIsNamed() {
        var lengths = assertThrows(IllegalArgumentException.class,
                () -> Detection.confusion(new boolean[3], new int[2]));
        assertTrue(lengths.getMessage().contains("3 flags and 2 labels"), lengths.getMessage());
        var label = assertThrows(IllegalArgumentException.class,
                () -> Detection.confusion(new boolean[2], new int[]{0, 2}));
        assertTrue(label.getMessage().contains("got 2 at index 1"), label.getMessage());
        var q = assertThrows(IllegalArgumentException.class, () -> Detection.quantileThreshold(new double[]{1, 2}, 99));
        assertTrue(q.getMessage().contains("between 0 and 1"), q.getMessage());
        var window = assertThrows(IllegalArgumentException.class, () -> Detection.rollingZScores(new double[]{1, 2, 3}, 60));
        assertTrue(window.getMessage().contains("window 60 is longer than the series (3 points)"), window.getMessage());
        var nan = assertThrows(IllegalArgumentException.class, () -> Detection.meanStdThreshold(new double[]{1, Double.NaN}, 3));
        assertTrue(nan.getMessage().contains("index 1"), nan.getMessage());
    }

    @Test
    void rollingZScoresOfRowsTakeTheLargestColumn() {
        double[] y = {1, 2, 3, 4, 10, 4, 3, 2.5};
        double[] other = {1, 1, 2, 1, 1, 1, 1, 1};   // z = 1/sqrt(3) while its past holds the 2, then a constant past
        double[][] rows = new double[y.length][];
        for (int t = 0; t < y.length; t++) {
            rows[t] = new double[]{y[t], other[t]};
        }
        double third = 1 / Math.sqrt(3);
        double[] expected = {Double.NaN, Double.NaN, Double.NaN, 2.0, 7.0, third, 0.866025403784, 0.836428361009};
        assertArrayEquals(expected, Detection.rollingZScores(rows, 3), 1e-11);
    }

    @Test
    void persistenceScoresDivideEachChangeByTheTrainingSpreadOfChanges() {
        double[][] rows = {{0, 10}, {1, 10}, {3, 12}, {3, 10}};
        // training changes (rows 0-2): column 0 {1, 2}, sd 1/sqrt(2); column 1 {0, 2}, sd sqrt(2)
        double[] expected = {Double.NaN, Math.sqrt(2), 2 * Math.sqrt(2), Math.sqrt(2)};
        assertArrayEquals(expected, Detection.persistenceScores(rows, 3), 1e-12);
        var flat = assertThrows(IllegalArgumentException.class,
                () -> Detection.persistenceScores(new double[][]{{1, 2}, {1, 3}, {1, 5}}, 3));
        assertTrue(flat.getMessage().contains("column 0 never changes"), flat.getMessage());
        var end = assertThrows(IllegalArgumentException.class, () -> Detection.persistenceScores(rows, 9));
        assertTrue(end.getMessage().contains("trainEnd must lie in 3..4"), end.getMessage());
    }

    @Test
    void eventsAreRunsOfOnes() {
        List<int[]> events = Detection.events(new int[]{1, 1, 0, 0, 1, 0, 1, 1, 1});
        assertEquals(3, events.size());
        assertArrayEquals(new int[]{0, 2}, events.get(0));
        assertArrayEquals(new int[]{4, 5}, events.get(1));
        assertArrayEquals(new int[]{6, 9}, events.get(2));
        assertTrue(Detection.events(new int[]{0, 0}).isEmpty());
    }

    @Test
    void evaluateTakesTheThresholdFromValidationAndScoresTheWholeTest() {
        double nan = Double.NaN;
        // validation = indices 2-4, test = 5-9
        List<double[]> scores = List.of(new double[]{nan, nan, 1, 2, 3, 0, 5, 5, 0, 4},
                new double[]{0, 0, 1, 1, 1, 9, 0, 0, 1, 0});
        List<int[]> labels = List.of(new int[]{0, 0, 0, 0, 0, 0, 1, 1, 0, 0}, new int[]{0, 0, 0, 0, 0, 0, 0, 1, 1, 0});
        Detection.Verdict v = Detection.evaluate(scores, labels, 2, 5, 0.5, 8640);   // 10 test readings = 1 day
        assertEquals(1.0, v.threshold(), 1e-12);                 // np.quantile([1, 2, 3, 1, 1, 1], 0.5)
        assertEquals(new Detection.Confusion(2, 2, 2, 4), v.confusion());
        assertEquals(10, v.readings());
        assertEquals(2.0, v.falseAlarmsPerDay(), 1e-12);
        assertArrayEquals(new int[]{0, -1}, v.delays());          // series 1's event is flagged at once, series 2's never
        assertEquals(1, v.eventsDetected());
        assertEquals(0.5, v.f1(), 1e-12);
        var anomalyInValidation = assertThrows(IllegalArgumentException.class, () -> Detection.evaluate(scores,
                List.of(labels.get(0), new int[]{0, 0, 0, 1, 0, 0, 0, 1, 1, 0}), 2, 5, 0.5, 5));
        assertTrue(anomalyInValidation.getMessage().contains("series 1 has an anomaly at reading index 3"),
                anomalyInValidation.getMessage());
        var periods = assertThrows(IllegalArgumentException.class, () -> Detection.evaluate(scores, labels, 5, 5, 0.5, 5));
        assertTrue(periods.getMessage().contains("validationStart < testStart"), periods.getMessage());
    }

    @Test
    void summaryShowsOneRowPerDetectorWithTheSpreadOverSeeds() {
        Detection.Confusion half = new Detection.Confusion(2, 2, 2, 4), most = new Detection.Confusion(3, 1, 1, 5);
        var table = Detection.summary("verdicts", new java.util.LinkedHashMap<>(java.util.Map.of(
                "baseline", List.of(new Detection.Verdict(1, half, 10, 2, new int[]{0, -1})))));
        assertEquals("baseline", table.stringColumn("detector").get(0));
        assertEquals("0.500", table.stringColumn("F1").get(0));
        assertEquals("2", table.stringColumn("false alarms / day").get(0));
        assertEquals("1 of 2", table.stringColumn("events detected").get(0));
        assertEquals("0, missed", table.stringColumn("first flag after (readings, per event)").get(0));
        var seeds = Detection.summary("verdicts", java.util.Map.of("network", List.of(
                new Detection.Verdict(1, half, 10, 2, new int[]{0, -1}), new Detection.Verdict(1, most, 10, 1, new int[]{2, 1}))));
        assertEquals("network (2 seeds)", seeds.stringColumn("detector").get(0));
        // F1 0.5 and 0.75: mean 0.625, sd 0.1768
        assertEquals("0.625 ± 0.177 (0.500–0.750, 2 seeds)", seeds.stringColumn("F1").get(0));
        assertEquals("1–2 of 2", seeds.stringColumn("events detected").get(0));
        assertEquals("0/2, missed/1", seeds.stringColumn("first flag after (readings, per event)").get(0));
    }
}
