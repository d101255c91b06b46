package workbook.check;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Chapter03Test {

    /** Runs a checker, returns its verdict and what it printed. */
    record Verdict(boolean passed, String printed) {
    }

    static Verdict run(BooleanSupplier checker) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            boolean passed = checker.getAsBoolean();
            return new Verdict(passed, buffer.toString(StandardCharsets.UTF_8).trim());
        } finally {
            System.setOut(original);
        }
    }

    /** A correct answer, written as a student would. */
    static double[] step(Chapter03.RnnWeights w, double[] x, double[] h, boolean withHhBias) {
        double[] next = new double[w.hiddenSize()];
        for (int j = 0; j < next.length; j++) {
            double a = w.bIh()[j] + (withHhBias ? w.bHh()[j] : 0);
            for (int k = 0; k < x.length; k++) {
                a += w.wIh()[j][k] * x[k];
            }
            for (int k = 0; k < h.length; k++) {
                a += w.wHh()[j][k] * h[k];
            }
            next[j] = Math.tanh(a);
        }
        return next;
    }

    static double[][] unroll(Chapter03.RnnWeights w, double[][] xs, boolean carryState) {
        double[][] hs = new double[xs.length][];
        double[] h = new double[w.hiddenSize()];
        for (int t = 0; t < xs.length; t++) {
            hs[t] = step(w, xs[t], carryState ? h : new double[w.hiddenSize()], true);
            h = hs[t];
        }
        return hs;
    }

    @Test
    void exercise1PassesACorrectStepAndNamesTheInputAWrongOneFailsOn() {
        Verdict right = run(() -> Chapter03.check1((w, x, h) -> step(w, x, h, true)));
        assertTrue(right.passed());
        assertTrue(right.printed().startsWith("PASSED exercise 1: "), right.printed());

        Verdict noBias = run(() -> Chapter03.check1((w, x, h) -> step(w, x, h, false)));
        assertFalse(noBias.passed());
        assertTrue(noBias.printed().startsWith("NOT YET exercise 1: on input 1, hidden 2, h_{t-1} = 0 (input x = [0.7], h_{t-1} = [0.0, 0.0]): expected ["), noBias.printed());
        assertTrue(noBias.printed().contains("expected [") && noBias.printed().contains("got ["), noBias.printed());

        Verdict wrongLength = run(() -> Chapter03.check1((w, x, h) -> new double[1]));
        assertTrue(wrongLength.printed().contains("got [0.0]"), wrongLength.printed());
    }

    @Test
    void exercise1ExplainsThePlaceholderAndOtherExceptions() {
        Verdict placeholder = run(() -> Chapter03.check1((w, x, h) -> {
            throw new UnsupportedOperationException("Exercise 1: your code here");
        }));
        assertFalse(placeholder.passed());
        assertTrue(placeholder.printed().contains("not answered yet"), placeholder.printed());

        Verdict crash = run(() -> Chapter03.check1((w, x, h) -> new double[] {x[5]}));
        assertTrue(crash.printed().contains("your code threw ArrayIndexOutOfBoundsException"), crash.printed());
    }

    @Test
    void exercise2CatchesAStateThatIsNotCarried() {
        assertTrue(run(() -> Chapter03.check2((w, xs) -> unroll(w, xs, true))).passed());
        Verdict forgetful = run(() -> Chapter03.check2((w, xs) -> unroll(w, xs, false)));
        assertFalse(forgetful.passed());
        assertTrue(forgetful.printed().contains("h at step 2") && forgetful.printed().contains("carried from step to step"), forgetful.printed());
        Verdict tooShort = run(() -> Chapter03.check2((w, xs) -> new double[0][]));
        assertTrue(tooShort.printed().contains("expected 1 hidden states (one per step), got 0"), tooShort.printed());
    }

    @Test
    void exercise3CountsBothBiasesAndTheInputsOfUpperLayers() {
        Chapter03.ParameterCount right = (d, h, l) -> (long) h * d + (long) h * h + 2L * h + (l - 1) * (2L * h * h + 2L * h);
        assertTrue(run(() -> Chapter03.check3(right)).passed());
        // 1 × 16 + 16 × 16 + 2 × 16 = 304
        Verdict oneBias = run(() -> Chapter03.check3((d, h, l) -> (long) h * d + (long) h * h + h));
        assertFalse(oneBias.passed());
        assertEquals("NOT YET exercise 3: on input 1, hidden 1, 1 layer (input count(1, 1, 1)): expected 4, got 3 (PyTorch keeps two bias vectors, b_ih and b_hh)", oneBias.printed());
        Verdict upperReadsX = run(() -> Chapter03.check3((d, h, l) -> l * ((long) h * d + (long) h * h + 2L * h)));
        assertTrue(upperReadsX.printed().contains("on input 3, hidden 8, 2 layers (input count(3, 8, 2)): expected"), upperReadsX.printed());
    }

    @Test
    void theReferenceIsTheEquation() {
        Chapter03.RnnWeights w = Chapter03.RnnWeights.random(1, 2, 1);
        double[] viaRecurrent = w.toRecurrent().forward(new double[][][] {{{0.7}}}).outputs()[0][0];
        double[] byHand = step(w, new double[] {0.7}, new double[2], true);
        assertEquals(byHand[0], viaRecurrent[0], 1e-12);
        assertEquals(byHand[1], viaRecurrent[1], 1e-12);
    }
}
