package workbook.check;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

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
}
