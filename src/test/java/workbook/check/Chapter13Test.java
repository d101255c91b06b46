package workbook.check;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkers of notebook 13 pass the reference solutions and fail typical wrong answers with a useful line. */
class Chapter13Test extends CapturesStandardOutput {

    // the reference solutions, as in the notebook
    static final Chapter13.AttentionWeights SOFTMAX = scores -> {
        double max = java.util.Arrays.stream(scores).max().orElseThrow();
        double[] alpha = new double[scores.length];
        double sum = 0;
        for (int j = 0; j < scores.length; j++) {
            alpha[j] = Math.exp(scores[j] - max);
            sum += alpha[j];
        }
        for (int j = 0; j < alpha.length; j++) {
            alpha[j] /= sum;
        }
        return alpha;
    };

    static final Chapter13.ContextVector CONTEXT = (weights, encoderStates) -> {
        if (weights.length != encoderStates.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + encoderStates.length + " states");
        }
        double[] context = new double[encoderStates[0].length];
        for (int j = 0; j < weights.length; j++) {
            for (int k = 0; k < context.length; k++) {
                context[k] += weights[j] * encoderStates[j][k];
            }
        }
        return context;
    };


    private String verdict() {
        String text = takeOutput();
        assertFalse(text.contains("\n"), "one verdict line, got: " + text);
        return text;
    }

    @Test
    void softmaxOfScores() {
        assertTrue(Chapter13.check1(SOFTMAX));
        assertTrue(verdict().startsWith("PASSED exercise 1: softmax(scores) matches the reference on 5 inputs"));
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, Chapter13.softmax(new double[] {3, 3, 3, 3}), 1e-15);

        // the textbook formula without subtracting the maximum: exp(1000) = Infinity, Infinity / Infinity = NaN
        assertFalse(Chapter13.check1(scores -> {
            double sum = 0;
            for (double e : scores) sum += Math.exp(e);
            double[] alpha = new double[scores.length];
            for (int j = 0; j < scores.length; j++) alpha[j] = Math.exp(scores[j]) / sum;
            return alpha;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on large scores"));

        // normalising the raw scores instead of their exponentials
        assertFalse(Chapter13.check1(scores -> {
            double sum = 0;
            for (double e : scores) sum += e;
            double[] alpha = new double[scores.length];
            for (int j = 0; j < scores.length; j++) alpha[j] = scores[j] / sum;
            return alpha;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 1: on three scores"));

        assertFalse(Chapter13.check1(scores -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(1));
        }));
        assertTrue(verdict().contains("not answered yet"));
    }

    @Test
    void contextVector() {
        assertTrue(Chapter13.check2(CONTEXT));
        assertTrue(verdict().startsWith("PASSED exercise 2: context(weights, encoderStates) matches the reference on 5 inputs"));

        // the plain mean of the states: ignores the weights (what a model without attention could at best do)
        assertFalse(Chapter13.check2((weights, states) -> {
            double[] mean = new double[states[0].length];
            for (double[] h : states) for (int k = 0; k < mean.length; k++) mean[k] += h[k] / states.length;
            return mean;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on all weight on position 2"));

        // weighting along the wrong axis: one number per source position instead of one per hidden unit
        assertFalse(Chapter13.check2((weights, states) -> {
            double[] perPosition = new double[states.length];
            for (int j = 0; j < states.length; j++) for (double v : states[j]) perPosition[j] += weights[j] * v;
            return perPosition;
        }));
        assertTrue(verdict().startsWith("NOT YET exercise 2: on all weight on position 2"));

        // no check of the lengths: 3 weights silently use only 3 of 4 states
        assertFalse(Chapter13.check2((weights, states) -> {
            double[] context = new double[states[0].length];
            for (int j = 0; j < weights.length; j++) for (int k = 0; k < context.length; k++) context[k] += weights[j] * states[j][k];
            return context;
        }));
        assertTrue(verdict().contains("expected an IllegalArgumentException"));

        assertFalse(Chapter13.check2((weights, states) -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(2));
        }));
        assertTrue(verdict().contains("not answered yet"));
    }

    // exercise 3: the reference choice, as in the notebook
    static final Chapter13.AttentionDesign ON_A_BUDGET = training -> new Chapter13.AttentionChoice(32, 10, 0.01);

    @Test
    void exercise3PassesTheReferenceOnHeldOutSequencesTheStudentNeverSees() {
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        assertTrue(Chapter13.check3(training -> {
            seen.add(training.size());
            return ON_A_BUDGET.design(training);
        }));
        assertEquals(java.util.List.of(3000), seen);
        assertTrue(printed().startsWith("PASSED exercise 3: AttentionChoice[hidden=32, epochs=10, learningRate=0.01]: "),
                printed());
    }

    @Test
    void exercise3FailsAWideModelTrainedTooShortly() {
        assertFalse(Chapter13.check3(training -> new Chapter13.AttentionChoice(64, 5, 0.01)));
        assertTrue(printed().startsWith("NOT YET exercise 3: AttentionChoice[hidden=64, epochs=5, learningRate=0.01]: "),
                printed());
        assertTrue(printed().contains("the goal: 0.50 or more"), printed());
    }

    @Test
    void exercise3RefusesChoicesOutsideTheRulesBeforeTraining() {
        assertFalse(Chapter13.check3(training -> new Chapter13.AttentionChoice(64, 20, 0.01)));
        assertTrue(printed().contains("hidden x epochs = 1280 is over the budget of 320"), printed());
        assertFalse(Chapter13.check3(training -> new Chapter13.AttentionChoice(0, 10, 0.01)));
        assertTrue(printed().contains("hidden must lie in 1..64 units, got 0"), printed());
        assertFalse(Chapter13.check3(training -> new Chapter13.AttentionChoice(8, 21, 0.01)));
        assertTrue(printed().contains("epochs must lie in 1..20, got 21"), printed());
        assertFalse(Chapter13.check3(training -> new Chapter13.AttentionChoice(8, 10, Double.NaN)));
        assertTrue(printed().contains("learningRate must lie in (0, 0.1], got NaN"), printed());
    }

    @Test
    void exercise3SaysNotYetForNullAndForCodeThatThrows() {
        assertFalse(Chapter13.check3(training -> null));
        assertTrue(printed().contains("your code returned null"), printed());
        assertFalse(Chapter13.check3(training -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(3));
        }));
        assertTrue(printed().contains("not answered yet"), printed());
    }
}
