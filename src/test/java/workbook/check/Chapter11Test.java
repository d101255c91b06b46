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
        assertTrue(twoClassesOnly.printed().startsWith("NOT YET exercise 1: on three classes (input training labels [2, 2, 0, 1, 2], test labels [2, 0, 2, 1]): expected 0.5, got 0.25"), twoClassesOnly.printed());
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

    @Test
    void exercise3IsJudgedByNaiveBayesOnTheHeldOutTestSentences() {
        int[] seen = new int[1];
        // the reference: word pairs and negated words, counted as often as they occur
        Chapter03Test.Verdict reference = run(() -> Chapter11.check3((tokens, labels) -> {
            seen[0] = tokens.size();
            assertEquals(tokens.size(), labels.length);
            return new workbook.classic.BagOfWords(1, true, true, false);
        }));
        assertTrue(reference.passed(), reference.printed());
        assertEquals("PASSED exercise 3: naive Bayes on BagOfWords[minCount=1, bigrams=true, negation=true, presence=false]: "
                + "accuracy 0.843 on the 594 held-out test sentences; on plain word counts: 0.811; the goal: 0.831 or more "
                + "(0.02 above it)", reference.printed());
        assertEquals(2141, seen[0], "the student's code gets the training part only, not the validation or test part");

        // plain words, and the single tweaks that do not reach the goal
        Chapter03Test.Verdict plain = run(() -> Chapter11.check3((tokens, labels) -> workbook.classic.BagOfWords.words()));
        assertFalse(plain.passed());
        assertTrue(plain.printed().contains("accuracy 0.811 on the 594") && plain.printed().endsWith("that you hold back."),
                plain.printed());
        Chapter03Test.Verdict presence = run(() -> Chapter11.check3((tokens, labels) -> new workbook.classic.BagOfWords(1, false, false, true)));
        assertFalse(presence.passed());
        assertTrue(presence.printed().contains("accuracy 0.827"), presence.printed());
        Chapter03Test.Verdict negation = run(() -> Chapter11.check3((tokens, labels) -> new workbook.classic.BagOfWords(1, false, true, false)));
        assertFalse(negation.passed());
        assertTrue(negation.printed().contains("accuracy 0.818"), negation.printed());

        Chapter03Test.Verdict rare = run(() -> Chapter11.check3((tokens, labels) -> new workbook.classic.BagOfWords(50, true, true, false)));
        assertEquals("NOT YET exercise 3: minCount must lie in 1..10 training occurrences (with more, most sentences keep no "
                + "feature at all), got 50", rare.printed());
        Chapter03Test.Verdict zero = run(() -> Chapter11.check3((tokens, labels) -> new workbook.classic.BagOfWords(0, true, true, false)));
        assertEquals("NOT YET exercise 3: your code threw IllegalArgumentException: minCount must be at least 1 (training "
                + "occurrences a feature needs), got 0", zero.printed());
        Chapter03Test.Verdict nothing = run(() -> Chapter11.check3((tokens, labels) -> null));
        assertEquals("NOT YET exercise 3: your code returned null; return your choice", nothing.printed());
        Chapter03Test.Verdict placeholder = run(() -> Chapter11.check3((tokens, labels) -> {
            throw new UnsupportedOperationException("Exercise 3: your code here");
        }));
        assertTrue(placeholder.printed().startsWith("NOT YET exercise 3: not answered yet"), placeholder.printed());
    }

    @Test
    void aBagOfWordsCountsPairsNegatedWordsAndKeepsFrequentFeatures() {
        java.util.List<java.util.List<String>> train = java.util.List.of(
                java.util.List.of("not", "good", "good"), java.util.List.of("good", "food"));
        workbook.classic.BagOfWords.Fitted all = new workbook.classic.BagOfWords(1, true, true, false).fit(train);
        assertEquals(java.util.List.of("not", "good", "not good", "NOT_good", "good", "good good"), all.apply(train.get(0)));
        workbook.classic.BagOfWords.Fitted once = new workbook.classic.BagOfWords(1, true, true, true).fit(train);
        assertEquals(java.util.List.of("not", "good", "not good", "NOT_good", "good good"), once.apply(train.get(0)));
        workbook.classic.BagOfWords.Fitted frequent = new workbook.classic.BagOfWords(2, true, false, false).fit(train);
        // "good" occurs three times in training; "not", every pair and "food" once
        assertEquals(java.util.List.of("good", "good"), frequent.apply(java.util.List.of("not", "good", "good", "food")));
    }
}
