package workbook.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static workbook.check.Chapter03Test.run;

class Chapter04bTest {

    static void momentum(double[] theta, double[] g, double[] velocity, double learningRate, double momentum, boolean dampened) {
        for (int k = 0; k < theta.length; k++) {
            // the "dampened" form v ← μ v + (1 − μ) g is a common variant, but not PyTorch's
            velocity[k] = momentum * velocity[k] + (dampened ? 1 - momentum : 1) * g[k];
            theta[k] -= learningRate * velocity[k];
        }
    }

    @Test
    void exercise1AcceptsPyTorchsMomentumOnly() {
        assertTrue(run(() -> Chapter04b.check1((t, g, v, lr, mu) -> momentum(t, g, v, lr, mu, false))).passed());
        Chapter03Test.Verdict dampened = run(() -> Chapter04b.check1((t, g, v, lr, mu) -> momentum(t, g, v, lr, mu, true)));
        assertFalse(dampened.passed());
        assertTrue(dampened.printed().startsWith("NOT YET exercise 1: on one update (velocity = the gradient)"), dampened.printed());
        Chapter03Test.Verdict plain = run(() -> Chapter04b.check1((t, g, v, lr, mu) -> momentum(t, g, v, lr, 0.0, false)));
        assertTrue(plain.printed().contains("three updates, the same gradient"), plain.printed());
        Chapter03Test.Verdict placeholder = run(() -> Chapter04b.check1((t, g, v, lr, mu) -> {
            throw new UnsupportedOperationException(Check.placeholderMessage(1));
        }));
        assertTrue(placeholder.printed().startsWith("NOT YET exercise 1: not answered yet"), placeholder.printed());
    }

    static double[] climatology(double[] history, int season, int horizon, boolean aligned) {
        if (history.length < season) {
            throw new IllegalArgumentException("need a season of history");
        }
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            // aligned: the position in the season of step n + h; not aligned counts from the end of the last whole season
            int first = aligned ? Math.floorMod(history.length + h, season) : h % season;
            double sum = 0;
            int count = 0;
            for (int i = first; i < history.length; i += season) {
                sum += history[i];
                count++;
            }
            forecast[h] = sum / count;
        }
        return forecast;
    }

    @Test
    void exercise2NeedsTheRightMonthAndTheError() {
        assertTrue(run(() -> Chapter04b.check2((y, s, h) -> climatology(y, s, h, true))).passed());
        Chapter03Test.Verdict misaligned = run(() -> Chapter04b.check2((y, s, h) -> climatology(y, s, h, false)));
        assertFalse(misaligned.passed());
        assertTrue(misaligned.printed().startsWith("NOT YET exercise 2: on history ends inside a season"), misaligned.printed());
        Chapter03Test.Verdict noError = run(() -> Chapter04b.check2((y, s, h) -> y.length < s ? new double[h] : climatology(y, s, h, true)));
        assertTrue(noError.printed().contains("expected an IllegalArgumentException"), noError.printed());
    }
}
