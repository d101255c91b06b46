package workbook.classic;

import org.junit.jupiter.api.Test;

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
}
