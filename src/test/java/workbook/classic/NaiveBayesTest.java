package workbook.classic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NaiveBayesTest {

    // The worked example of Manning, Raghavan & Schütze, Introduction to Information Retrieval, §13.2 (Table 13.1):
    // class 1 = "China"; the test document "Chinese Chinese Chinese Tokyo Japan" is classified as China.
    static final List<List<String>> DOCS = List.of(
            List.of("chinese", "beijing", "chinese"),
            List.of("chinese", "chinese", "shanghai"),
            List.of("chinese", "macao"),
            List.of("tokyo", "japan", "chinese"));
    static final int[] LABELS = {1, 1, 1, 0};

    @Test
    void reproducesTheTextbookExample() {
        NaiveBayes bayes = NaiveBayes.fit(DOCS, LABELS);
        // p(chinese | China) = (5 + 1) / (8 + 6) = 3/7; p(tokyo | China) = 1/14; p(chinese | not) = (1 + 1) / (3 + 6) = 2/9
        assertEquals(3.0 / 7, bayes.wordProbability("chinese", 1), 1e-15);
        assertEquals(1.0 / 14, bayes.wordProbability("tokyo", 1), 1e-15);
        assertEquals(2.0 / 9, bayes.wordProbability("chinese", 0), 1e-15);
        assertEquals(2.0 / 9, bayes.wordProbability("japan", 0), 1e-15);
        List<String> test = List.of("chinese", "chinese", "chinese", "tokyo", "japan");
        double[] scores = bayes.scores(test);
        // the book: p(China | d) ∝ 3/4 · (3/7)^3 · 1/14 · 1/14 ≈ 0.0003, p(not | d) ∝ 1/4 · (2/9)^3 · 2/9 · 2/9 ≈ 0.0001
        assertEquals(0.75 * Math.pow(3.0 / 7, 3) / 14 / 14, Math.exp(scores[1]), 1e-15);
        assertEquals(0.25 * Math.pow(2.0 / 9, 5), Math.exp(scores[0]), 1e-15);
        assertEquals(1, bayes.predict(test));
        assertEquals(0, bayes.predict(List.of("tokyo", "japan", "unseen")));
        assertArrayEquals(new double[] {Math.log(0.25), Math.log(0.75)}, bayes.scores(List.of("never", "seen")), 1e-15);
    }

    @Test
    void mismatchedInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NaiveBayes.fit(DOCS, new int[] {1, 0}));
        assertEquals("expected one label per sentence and at least one sentence, got 4 sentences and 2 labels", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NaiveBayes.fit(DOCS, new int[] {1, 0, -1, 0}));
        assertEquals("labels[2] = -1; class labels start at 0", e.getMessage());
    }
}
