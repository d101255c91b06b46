package workbook.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharVocabularyTest {

    @Test
    void numbersTheDistinctCharactersInSortedOrderAndRoundTrips() {
        CharVocabulary vocabulary = CharVocabulary.of("hello, world");
        assertEquals(" ,dehlorw", vocabulary.characters());
        assertEquals(9, vocabulary.size());
        assertEquals(0, vocabulary.id(' '));
        assertEquals(3, vocabulary.id('e'));
        assertEquals('w', vocabulary.character(8));
        assertArrayEquals(new int[] {4, 3, 5, 5, 6}, vocabulary.encode("hello"));
        assertEquals("hello, world", vocabulary.decode(vocabulary.encode("hello, world")));
        assertEquals("world hello", vocabulary.decode(vocabulary.encode("world hello")));
    }

    @Test
    void oneHotRowsAndCounts() {
        CharVocabulary vocabulary = CharVocabulary.of("abca");
        double[][] x = vocabulary.oneHot("cab");
        assertArrayEquals(new double[] {0, 0, 1}, x[0]);
        assertArrayEquals(new double[] {1, 0, 0}, x[1]);
        assertArrayEquals(new double[] {0, 1, 0}, x[2]);
        assertArrayEquals(new long[] {2, 1, 1}, vocabulary.counts("abca"));
    }

    @Test
    void unknownCharactersAreNamedOrDropped() {
        CharVocabulary vocabulary = CharVocabulary.of("abc");
        assertFalse(vocabulary.contains('*'));
        assertTrue(vocabulary.contains('b'));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vocabulary.encode("ab*c"));
        assertEquals("character '*' (U+002A) at position 2 is not in the vocabulary of 3 characters", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> vocabulary.id('\n'));
        assertEquals("character (U+000A) is not in the vocabulary of 3 characters", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> vocabulary.decode(new int[] {0, 3}));
        assertEquals("id 3 is outside the vocabulary (ids 0..2)", e.getMessage());
        assertEquals("abcba", vocabulary.retainKnown("a*b\nc-ba"));
        e = assertThrows(IllegalArgumentException.class, () -> CharVocabulary.of(""));
        assertTrue(e.getMessage().contains("non-empty text"), e.getMessage());
    }

    @Test
    void sampleDrawsFromTheTemperedSoftmax() {
        CharVocabulary vocabulary = CharVocabulary.of("ab");
        double[] logits = {0, Math.log(3)};           // softmax: a 0.25, b 0.75
        assertEquals('a', vocabulary.sample(logits, 1.0, () -> 0.24));
        assertEquals('b', vocabulary.sample(logits, 1.0, () -> 0.26));
        // at temperature 2 the odds are 1 : √3, so a has 1 / (1 + √3) = 0.366
        assertEquals('a', vocabulary.sample(logits, 2.0, () -> 0.36));
        assertEquals('b', vocabulary.sample(logits, 2.0, () -> 0.37));
        // far below 1 the likeliest character wins almost always, and huge logits do not overflow
        assertEquals('b', vocabulary.sample(new double[] {1000, 1001}, 0.01, () -> 0.999));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> vocabulary.sample(logits, 0, () -> 0.5));
        assertEquals("temperature must be positive, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> vocabulary.sample(new double[3], 1, () -> 0.5));
        assertEquals("expected one logit per character of the vocabulary (2), got 3", e.getMessage());
    }

    @Test
    void prideAndPrejudiceHasASmallAlphabet() {
        CharVocabulary vocabulary = CharVocabulary.of(Datasets.pridePrejudice());
        assertEquals(75, vocabulary.size());
        assertTrue(vocabulary.contains('\n') && vocabulary.contains('_'));
    }
}
