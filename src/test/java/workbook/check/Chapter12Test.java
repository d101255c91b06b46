package workbook.check;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkers of notebook 12 pass the reference solutions and fail typical wrong answers with a useful line. */
class Chapter12Test extends CapturesStandardOutput {

    // the reference solutions, as in the notebook
    static final Chapter12.PrecisionRecall PRECISION_RECALL = (flags, labels) -> {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < labels.length; i++) {
            if (flags[i] && labels[i] == 1) tp++;
            if (flags[i] && labels[i] == 0) fp++;
            if (!flags[i] && labels[i] == 1) fn++;
        }
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        return new double[]{precision, recall, 2.0 * tp / (2 * tp + fp + fn)};
    };

    static final Chapter12.QuantileThreshold QUANTILE = (normalScores, q) -> {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("q must lie strictly between 0 and 1, got " + q);
        }
        double[] sorted = normalScores.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    };


    private String verdict() {
        String text = takeOutput();
        assertFalse(text.contains("\n"), "one verdict line, got: " + text);
        return text;
    }

    @Test
    void precisionRecall() {
        assertTrue(Chapter12.check1(PRECISION_RECALL));
        assertTrue(verdict().startsWith("PASSED exercise 1: precision, recall and F1 matches the reference on 5 inputs"));

        // accuracy-style: true negatives counted as hits (precision and recall look good for any detector)
        assertFalse(Chapter12.check1((flags, labels) -> {
            int right = 0;
            for (int i = 0; i < labels.length; i++) {
                if (flags[i] == (labels[i] == 1)) right++;
            }
            double accuracy = (double) right / labels.length;
            return new double[]{accuracy, accuracy, accuracy};
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on one of four found"));   // case 1: accuracy 4/6 = F1 by chance

        // precision and recall swapped
        assertFalse(Chapter12.check1((flags, labels) -> {
            double[] right = PRECISION_RECALL.scores(flags, labels);
            return new double[]{right[1], right[0], right[2]};
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on one of four found"));

        // precision 0 instead of undefined when nothing is flagged
        assertFalse(Chapter12.check1((flags, labels) -> {
            double[] right = PRECISION_RECALL.scores(flags, labels);
            return new double[]{Double.isNaN(right[0]) ? 0 : right[0], right[1], right[2]};
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on nothing flagged"));

        assertFalse(Chapter12.check1((flags, labels) -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(1));
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: not answered yet"));
    }

    @Test
    void quantileThreshold() {
        assertTrue(Chapter12.check2(QUANTILE));
        assertTrue(verdict().startsWith("PASSED exercise 2: quantileThreshold(normalScores, q) matches the reference on 6 inputs"));

        // nearest order statistic, no interpolation
        assertFalse(Chapter12.check2((scores, q) -> {
            if (!(q > 0 && q < 1)) throw new IllegalArgumentException("q " + q);
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.round(q * (sorted.length - 1))];
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on between two order statistics"));

        // forgot to sort
        assertFalse(Chapter12.check2((scores, q) -> {
            if (!(q > 0 && q < 1)) throw new IllegalArgumentException("q " + q);
            double position = q * (scores.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, scores.length - 1);
            return scores[below] + (position - below) * (scores[above] - scores[below]);
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on the median of an odd count"));

        // no check of q: 1.5 reads past the end
        assertFalse(Chapter12.check2((scores, q) -> {
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            double position = q * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on q = 1.5"));

        assertFalse(Chapter12.check2((scores, q) -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(2));
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: not answered yet"));
    }

    @Test
    void theDetectorExerciseIsJudgedByItsHeldOutF1() {
        List<Integer> readingsSeen = new java.util.ArrayList<>();
        // the reference: changes, the largest of the last 3, threshold at the 0.999-quantile of validation
        assertTrue(Chapter12.check3(rows -> {
            rows.forEach(r -> readingsSeen.add(r.length));
            return new Chapter12.Detector(Chapter12.Score.CHANGES, 3, 0.999);
        }));
        String passed = verdict();
        assertTrue(passed.startsWith("PASSED exercise 3: Detector[score=CHANGES, window=3, quantile=0.999] on the held-out "
                + "test readings: F1 0.8"), passed);
        assertTrue(passed.endsWith("the rolling z-score (60 readings): F1 0.148; the goal: F1 0.198 or more (0.05 above it) "
                + "with at most 200 false alarms a day"), passed);
        assertEquals(List.of(Chapter12.TEST_START, Chapter12.TEST_START), readingsSeen, "the student's code sees no test reading");

        // the baseline itself does not beat the baseline
        assertFalse(Chapter12.check3(rows -> new Chapter12.Detector(Chapter12.Score.ROLLING_Z, 60, 0.999)));
        assertTrue(verdict().startsWith("NOT YET exercise 3: Detector[score=ROLLING_Z, window=60, quantile=0.999] on the "
                + "held-out test readings: F1 0.148"));

        // a long rolling window beats its F1 but floods the operators with false alarms
        assertFalse(Chapter12.check3(rows -> new Chapter12.Detector(Chapter12.Score.ROLLING_Z, 600, 0.999)));
        String flood = verdict();
        assertTrue(flood.contains("F1 0.332") && flood.endsWith("with at most 200 false alarms a day: too many false alarms "
                + "(a shorter window, or a higher quantile, raises fewer)"), flood);

        // so does keeping every change for 30 readings
        assertFalse(Chapter12.check3(rows -> new Chapter12.Detector(Chapter12.Score.CHANGES, 30, 0.999)));
        assertTrue(verdict().contains("too many false alarms"));

        // nonsense choices get a line naming what was expected and what came
        assertFalse(Chapter12.check3(rows -> new Chapter12.Detector(Chapter12.Score.ROLLING_Z, 1, 0.999)));
        assertEquals("NOT YET exercise 3: the window of ROLLING_Z must lie in 2..1500 readings, got 1", verdict());
        assertFalse(Chapter12.check3(rows -> new Chapter12.Detector(Chapter12.Score.CHANGES, 1, 99.9)));
        assertEquals("NOT YET exercise 3: the quantile must lie strictly between 0 and 1, got 99.9", verdict());
        assertFalse(Chapter12.check3(rows -> new Chapter12.Detector(null, 1, 0.99)));
        assertTrue(verdict().startsWith("NOT YET exercise 3: the detector needs a score"));
        assertFalse(Chapter12.check3(rows -> null));
        assertEquals("NOT YET exercise 3: your code returned null; return your choice", verdict());

        // the student's code cannot change the checker's data
        assertTrue(Chapter12.check3(rows -> {
            rows.forEach(r -> Arrays.stream(r).forEach(row -> Arrays.fill(row, 0)));
            return new Chapter12.Detector(Chapter12.Score.CHANGES, 3, 0.999);
        }));
        assertTrue(verdict().startsWith("PASSED exercise 3"));

        assertFalse(Chapter12.check3(rows -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(3));
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 3: not answered yet"));
    }
}
