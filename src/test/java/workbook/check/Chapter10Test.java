package workbook.check;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import workbook.djl.RecurrentModel;
import workbook.model.Output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static workbook.check.Chapter03Test.run;

class Chapter10Test {

    static double perplexity(double[] p) {
        if (p.length == 0) {
            throw new IllegalArgumentException("empty");
        }
        double mean = 0;
        for (double v : p) {
            mean += Math.log(v) / p.length;
        }
        return Math.exp(-mean);
    }

    @Test
    void exercise1NeedsLogarithmsTheSignAndAnError() {
        assertTrue(run(() -> Chapter10.check1(Chapter10Test::perplexity)).passed());
        Chapter03Test.Verdict noSign = run(() -> Chapter10.check1(p -> 1 / perplexity(p)));
        assertFalse(noSign.passed());
        assertTrue(noSign.printed().contains("MINUS the mean log-probability"), noSign.printed());
        Chapter03Test.Verdict byProduct = run(() -> Chapter10.check1(p -> {
            double product = 1;
            for (double v : p) {
                product *= v;
            }
            return Math.pow(product, -1.0 / p.length);
        }));
        assertFalse(byProduct.passed());
        assertTrue(byProduct.printed().contains("underflows; average their logarithms"), byProduct.printed());
        Chapter03Test.Verdict noCheck = run(() -> Chapter10.check1(p -> p.length == 0 ? Double.NaN : perplexity(p)));
        assertFalse(noCheck.passed());
        assertTrue(noCheck.printed().contains("expected an IllegalArgumentException"), noCheck.printed());
        Chapter03Test.Verdict placeholder = run(() -> Chapter10.check1(p -> {
            throw new UnsupportedOperationException("Exercise 1: your code here");
        }));
        assertTrue(placeholder.printed().startsWith("NOT YET exercise 1: not answered yet"), placeholder.printed());
    }

    static double[] softmax(double[] z, double t, boolean stable, boolean divide) {
        if (!(t > 0)) {
            throw new IllegalArgumentException("t");
        }
        double max = stable ? java.util.Arrays.stream(z).max().getAsDouble() : 0;
        double[] p = new double[z.length];
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(divide ? (z[k] - max) / t : (z[k] - max) * t);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    @Test
    void exercise2NeedsDivisionByTheTemperatureAndStability() {
        assertTrue(run(() -> Chapter10.check2((z, t) -> softmax(z, t, true, true))).passed());
        Chapter03Test.Verdict multiplied = run(() -> Chapter10.check2((z, t) -> softmax(z, t, true, false)));
        assertTrue(multiplied.printed().startsWith("NOT YET exercise 2: on temperature 0.5"), multiplied.printed());
        Chapter03Test.Verdict unstable = run(() -> Chapter10.check2((z, t) -> softmax(z, t, false, true)));
        assertTrue(unstable.printed().startsWith("NOT YET exercise 2: on large logits"), unstable.printed());
        Chapter03Test.Verdict placeholder = run(() -> Chapter10.check2((z, t) -> {
            throw new UnsupportedOperationException("Exercise 2: your code here");
        }));
        assertTrue(placeholder.printed().contains("not answered yet"), placeholder.printed());
    }

    @Test
    void exercise3ReferenceIsTheDjlModelsCount() {
        for (int[] size : new int[][] {{75, 64}, {10, 3}}) {
            try (RecurrentModel lm = RecurrentModel.lstm(size[1]).output(Output.EVERY_STEP)
                    .classes(size[0]).inputFeatures(size[0]).build()) {
                long djl = 0;
                for (NDArray w : lm.parameters().values()) {
                    djl += w.size();
                }
                assertEquals(djl, Chapter10.parameterCount(size[0], size[1]), "vocabulary " + size[0] + ", hidden " + size[1]);
            }
        }
        assertTrue(run(() -> Chapter10.check3(Chapter10::parameterCount)).passed());
        Chapter03Test.Verdict oneBias = run(() -> Chapter10.check3((v, h) -> Chapter10.parameterCount(v, h) - 4L * h));
        assertTrue(oneBias.printed().contains("two bias vectors"), oneBias.printed());
        Chapter03Test.Verdict noHead = run(() -> Chapter10.check3((v, h) -> 4L * h * v + 4L * h * h + 8L * h));
        assertTrue(noHead.printed().contains("dense head"), noHead.printed());
        Chapter03Test.Verdict gru = run(() -> Chapter10.check3((v, h) -> 3L * h * v + 3L * h * h + 6L * h + (long) h * v + v));
        assertTrue(gru.printed().contains("four gate blocks"), gru.printed());
        assertFalse(run(() -> Chapter10.check3((v, h) -> {
            throw new UnsupportedOperationException("Exercise 3: your code here");
        })).passed());
    }

    @Test
    void exercise4IsJudgedByTheHeldOutPerplexityOfWhatTheStudentConfigured() {
        int[] seen = new int[1];
        // the reference: 50 hidden units learn more from a budget of 100,000 characters than the notebook's 100
        Chapter03Test.Verdict reference = run(() -> Chapter10.check4(text -> {
            seen[0] = text.length();
            return new Chapter10.RnnChoice(50, 25, 0.1);
        }));
        assertTrue(reference.passed(), reference.printed());
        assertEquals("PASSED exercise 4: RnnChoice[hidden=50, sequenceLength=25, learningRate=0.1], trained on 100,000 "
                + "characters: held-out perplexity 8.27; bigram counts: 11.47; the goal: 9.18 or less (20% below the bigram)",
                reference.printed());
        assertEquals(workbook.data.Datasets.pridePrejudice().length() - 34_000, seen[0], "the student's code never gets the held-out text");

        // the notebook's own settings, on this budget, do not reach the goal; too slow or too fast learning neither
        Chapter03Test.Verdict notebooks = run(() -> Chapter10.check4(text -> new Chapter10.RnnChoice(100, 25, 0.1)));
        assertFalse(notebooks.passed());
        assertTrue(notebooks.printed().contains("held-out perplexity 9.54"), notebooks.printed());
        Chapter03Test.Verdict crawl = run(() -> Chapter10.check4(text -> new Chapter10.RnnChoice(100, 25, 0.01)));
        assertFalse(crawl.passed());
        assertTrue(crawl.printed().contains("held-out perplexity 10.95") && crawl.printed().endsWith("or jump about?"),
                crawl.printed());
        Chapter03Test.Verdict jumps = run(() -> Chapter10.check4(text -> new Chapter10.RnnChoice(100, 25, 1.0)));
        assertFalse(jumps.passed());
        assertTrue(jumps.printed().contains("held-out perplexity 35.03"), jumps.printed());

        Chapter03Test.Verdict huge = run(() -> Chapter10.check4(text -> new Chapter10.RnnChoice(1000, 25, 0.1)));
        assertEquals("NOT YET exercise 4: hidden must lie in 1..150 units (a larger one does not train within the notebook's "
                + "time), got 1000", huge.printed());
        Chapter03Test.Verdict one = run(() -> Chapter10.check4(text -> new Chapter10.RnnChoice(50, 1, 0.1)));
        assertEquals("NOT YET exercise 4: sequenceLength must lie in 5..200 characters (shorter chunks mean so many updates "
                + "that the run does not fit the notebook's time), got 1", one.printed());
        Chapter03Test.Verdict nan = run(() -> Chapter10.check4(text -> new Chapter10.RnnChoice(50, 25, Double.NaN)));
        assertEquals("NOT YET exercise 4: learningRate must lie in (0, 10], got NaN", nan.printed());
        Chapter03Test.Verdict placeholder = run(() -> Chapter10.check4(text -> {
            throw new UnsupportedOperationException("Exercise 4: your code here");
        }));
        assertTrue(placeholder.printed().startsWith("NOT YET exercise 4: not answered yet"), placeholder.printed());
        Chapter03Test.Verdict nothing = run(() -> Chapter10.check4(text -> null));
        assertEquals("NOT YET exercise 4: your code returned null; return your choice", nothing.printed());
    }
}
