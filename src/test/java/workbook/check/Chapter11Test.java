package workbook.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static workbook.check.Chapter03Test.run;

class Chapter11Test {

    static double majority(int[] fitOn, int[] test) {
        int ones = 0;
        for (int label : fitOn) {
            ones += label;
        }
        int majority = 2 * ones > fitOn.length ? 1 : 0;
        int correct = 0;
        for (int label : test) {
            correct += label == majority ? 1 : 0;
        }
        return correct / (double) test.length;
    }

    @Test
    void exercise1MustUseTheTrainingLabels() {
        assertEquals(0.6, Chapter11.majorityAccuracy(new int[] {1, 1, 0, 1}, new int[] {1, 0, 0, 1, 1}), 1e-15);
        assertTrue(run(() -> Chapter11.check1(Chapter11::majorityAccuracy)).passed());
        Chapter03Test.Verdict leaky = run(() -> Chapter11.check1((train, test) -> majority(test, test)));
        assertFalse(leaky.passed());
        assertTrue(leaky.printed().contains("majority of the TEST labels"), leaky.printed());
        Chapter03Test.Verdict twoClassesOnly = run(() -> Chapter11.check1(Chapter11Test::majority));
        assertTrue(twoClassesOnly.printed().startsWith("NOT YET exercise 1: on \"three classes\""), twoClassesOnly.printed());
        assertTrue(run(() -> Chapter11.check1((a, b) -> {
            throw new UnsupportedOperationException("Exercise 1: your code here");
        })).printed().contains("not answered yet"));
    }

    @Test
    void exercise2CutsFillsAndRejects() {
        assertTrue(run(() -> Chapter11.check2(Chapter11::pad)).passed());
        Chapter03Test.Verdict noCut = run(() -> Chapter11.check2((s, n) -> {
            if (n < 1) {
                throw new IllegalArgumentException();
            }
            int[][] out = new int[s.length][];
            for (int i = 0; i < s.length; i++) {
                out[i] = java.util.Arrays.copyOf(s[i], Math.max(n, s[i].length));
            }
            return out;
        }));
        assertTrue(noCut.printed().startsWith("NOT YET exercise 2: on one longer than maxLength"), noCut.printed());
        Chapter03Test.Verdict noCheck = run(() -> Chapter11.check2((s, n) -> new int[s.length][Math.max(n, 0)]));
        assertFalse(noCheck.passed());
        assertTrue(run(() -> Chapter11.check2((s, n) -> {
            throw new UnsupportedOperationException("Exercise 2: your code here");
        })).printed().contains("not answered yet"));
    }
}
