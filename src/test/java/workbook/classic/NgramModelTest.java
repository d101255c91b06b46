package workbook.classic;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NgramModelTest {

    @Test
    void wittenBellBigramByHand() {
        // ids 0 1 0 1 0 2, V = 3: add-one unigram (4/9, 3/9, 2/9);
        // after 0: c = 3, followers {1: 2, 2: 1}, T = 2; after 1: c = 2, followers {0: 2}, T = 1; 2 is never a context
        NgramModel bigram = NgramModel.fit(new int[] {0, 1, 0, 1, 0, 2}, 3, 2);
        assertEquals((0 + 2 * 4.0 / 9) / 5, bigram.probability(new int[] {0}, 0), 1e-15);
        assertEquals((2 + 2 * 3.0 / 9) / 5, bigram.probability(new int[] {0}, 1), 1e-15);
        assertEquals((1 + 2 * 2.0 / 9) / 5, bigram.probability(new int[] {0}, 2), 1e-15);
        assertEquals((2 + 4.0 / 9) / 3, bigram.probability(new int[] {1}, 0), 1e-15);
        assertEquals(2.0 / 9, bigram.probability(new int[] {2}, 2), 1e-15, "an unseen context falls back to the unigram");
        assertEquals(3.0 / 9, bigram.probability(new int[] {}, 1), 1e-15, "no context: the unigram");
        assertEquals(bigram.probability(new int[] {0}, 1), bigram.probability(new int[] {2, 2, 0}, 1), 0.0,
                "a bigram reads only the last symbol of a longer context");
        // cross-entropy of 0 1 2: −(ln p(0) + ln p(1 | 0) + ln p(2 | 1)) / 3, p(2 | 1) = (0 + 1 · 2/9) / 3
        double expected = -(Math.log(4.0 / 9) + Math.log(8.0 / 15) + Math.log(2.0 / 27)) / 3;
        assertEquals(expected, bigram.crossEntropy(new int[] {0, 1, 2}), 1e-14);
        assertEquals(Math.exp(expected), bigram.perplexity(new int[] {0, 1, 2}), 1e-13);
    }

    @Test
    void probabilitiesAfterEveryContextSumToOne() {
        Random rng = new Random(3);
        int[] ids = new int[2_000];
        for (int t = 0; t < ids.length; t++) {
            ids[t] = t > 0 && rng.nextDouble() < 0.6 ? (ids[t - 1] + 1) % 5 : rng.nextInt(5);
        }
        NgramModel trigram = NgramModel.fit(ids, 5, 3);
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                double sum = 0;
                for (int w = 0; w < 5; w++) {
                    double p = trigram.probability(new int[] {a, b}, w);
                    assertTrue(p > 0, "every symbol keeps a positive probability");
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-12, "context " + a + " " + b);
            }
        }
    }

    @Test
    void longerContextsHelpOnTextWithStructure() {
        Random rng = new Random(7);
        int[] train = structured(20_000, rng);
        int[] heldOut = structured(5_000, rng);
        double unigram = NgramModel.fit(train, 6, 1).perplexity(heldOut);
        double bigram = NgramModel.fit(train, 6, 2).perplexity(heldOut);
        double trigram = NgramModel.fit(train, 6, 3).perplexity(heldOut);
        assertEquals(UnigramModel.fit(train, 6).perplexity(heldOut), unigram, 1e-12, "order 1 is the add-one unigram");
        // next = previous + 1 (mod 6) 80% of the time: a bigram knows it, a unigram cannot
        assertTrue(bigram < 0.6 * unigram, "bigram " + bigram + " vs unigram " + unigram);
        assertTrue(trigram <= bigram * 1.01, "trigram " + trigram + " vs bigram " + bigram);
    }

    private static int[] structured(int length, Random rng) {
        int[] ids = new int[length];
        for (int t = 1; t < length; t++) {
            ids[t] = rng.nextDouble() < 0.8 ? (ids[t - 1] + 1) % 6 : rng.nextInt(6);
        }
        return ids;
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NgramModel.fit(new int[] {0, 1}, 2, 0));
        assertEquals("order must be at least 1 (1 = unigram, 2 = bigram), got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NgramModel.fit(new int[] {0, 4}, 3, 2));
        assertEquals("id 4 at position 1 is outside the vocabulary (ids 0..2)", e.getMessage());
        NgramModel bigram = NgramModel.fit(new int[] {0, 1}, 2, 2);
        e = assertThrows(IllegalArgumentException.class, () -> bigram.perplexity(new int[] {0, 2}));
        assertEquals("id 2 at position 1 is outside the vocabulary (ids 0..1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> bigram.perplexity(new int[] {}));
        assertEquals("cross-entropy needs at least one id, got none", e.getMessage());
    }
}
