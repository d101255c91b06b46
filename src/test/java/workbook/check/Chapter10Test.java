package workbook.check;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import workbook.djl.RecurrentModel;

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
            try (RecurrentModel lm = RecurrentModel.lstm(size[1]).output(RecurrentModel.Output.EVERY_STEP)
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
}
