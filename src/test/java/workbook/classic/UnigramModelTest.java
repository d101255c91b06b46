package workbook.classic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnigramModelTest {

    @Test
    void addOneSmoothedFrequencies() {
        // counts 3, 1, 0 of n = 4 ids over V = 3: p = (4/7, 2/7, 1/7)
        UnigramModel unigram = UnigramModel.fit(new int[] {0, 0, 1, 0}, 3);
        assertArrayEquals(new double[] {4.0 / 7, 2.0 / 7, 1.0 / 7}, unigram.probabilities(), 1e-15);
        // mean −ln p over (0, 1, 2) = (ln 7/4 + ln 7/2 + ln 7) / 3
        double expected = (Math.log(7.0 / 4) + Math.log(7.0 / 2) + Math.log(7.0)) / 3;
        assertEquals(expected, unigram.crossEntropy(new int[] {0, 1, 2}), 1e-15);
        assertEquals(Math.exp(expected), unigram.perplexity(new int[] {0, 1, 2}), 1e-13);
    }

    @Test
    void evenCountsGiveTheVocabularySize() {
        int[] ids = new int[500];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % 5;
        }
        assertEquals(5.0, UnigramModel.fit(ids, 5).perplexity(ids), 1e-12);
    }

    @Test
    void badIdsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnigramModel.fit(new int[] {0, 4}, 3));
        assertEquals("id 4 at position 1 is outside the vocabulary (ids 0..2)", e.getMessage());
        UnigramModel unigram = UnigramModel.fit(new int[] {0, 1}, 2);
        e = assertThrows(IllegalArgumentException.class, () -> unigram.perplexity(new int[] {}));
        assertEquals("cross-entropy needs at least one id, got none", e.getMessage());
    }
}
