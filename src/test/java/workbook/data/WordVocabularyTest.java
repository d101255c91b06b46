package workbook.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordVocabularyTest {

    @Test
    void tokenizerLowerCasesAndKeepsNegationsWhole() {
        assertEquals(List.of("not", "bad", "at", "all", "i'd", "go", "back"), WordTokenizer.tokenize("Not bad at all -- I'd go back!"));
        assertEquals(List.of("didn't", "like", "it", "5", "stars"), WordTokenizer.tokenize("Didn’t like it...5 stars"));
        assertEquals(List.of("don't", "rock", "n", "roll"), WordTokenizer.tokenize("'don't' rock 'n' roll"));
        assertEquals(List.of("crêpe", "was", "great"), WordTokenizer.tokenize("The crêpe was GREAT.".substring(4)));
        assertEquals(List.of(), WordTokenizer.tokenize(" ?! "));
        assertThrows(IllegalArgumentException.class, () -> WordTokenizer.tokenize(null));
    }

    @Test
    void vocabularyReservesPadAndUnknownAndCountsOnlyTrainingWords() {
        List<List<String>> train = List.of(List.of("good", "food"), List.of("bad", "food"), List.of("good"));
        WordVocabulary vocabulary = WordVocabulary.build(train, 1);
        assertEquals(5, vocabulary.size());
        assertEquals("<pad>", vocabulary.word(0));
        assertEquals("<unk>", vocabulary.word(1));
        assertEquals(List.of("bad", "food", "good"), List.of(vocabulary.word(2), vocabulary.word(3), vocabulary.word(4)));
        assertArrayEquals(new int[] {4, 1, 3}, vocabulary.encode(List.of("good", "pizza", "food")));
        WordVocabulary frequent = WordVocabulary.build(train, 2);
        assertEquals(4, frequent.size());
        assertEquals(WordVocabulary.UNKNOWN, frequent.id("bad"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vocabulary.word(5));
        assertEquals("id 5 is outside the vocabulary (ids 0..4)", e.getMessage());
    }

    @Test
    void paddingTruncatesAndKeepsLengths() {
        WordVocabulary vocabulary = WordVocabulary.build(List.of(List.of("a", "b", "c")), 1);
        WordVocabulary.Padded padded = vocabulary.pad(List.of(List.of("a"), List.of("a", "b", "c", "b"), List.of()), 3);
        assertArrayEquals(new int[] {2, 0, 0}, padded.ids()[0]);
        assertArrayEquals(new int[] {2, 3, 4}, padded.ids()[1]);
        assertArrayEquals(new int[] {1, 0, 0}, padded.ids()[2], "an empty sentence is one unknown word");
        assertArrayEquals(new int[] {1, 3, 1}, padded.lengths());
    }

    @Test
    void randomVectorsAreFixedNearlyUnitAndPadIsZero() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add("w" + i);
        }
        WordVocabulary vocabulary = WordVocabulary.build(List.of(many), 1);
        double[][] table = vocabulary.randomVectors(64, 3);
        assertArrayEquals(new double[64], table[WordVocabulary.PAD]);
        assertArrayEquals(table[5], vocabulary.randomVectors(64, 3)[5], "seeded");
        double meanSquaredNorm = 0;
        double largestCosine = 0;
        for (int i = 1; i < table.length; i++) {
            meanSquaredNorm += dot(table[i], table[i]) / (table.length - 1);
            for (int j = 1; j < i; j++) {
                largestCosine = Math.max(largestCosine, Math.abs(dot(table[i], table[j])) / Math.sqrt(dot(table[i], table[i]) * dot(table[j], table[j])));
            }
        }
        assertEquals(1.0, meanSquaredNorm, 0.05);
        assertTrue(largestCosine < 0.6, "nearly orthogonal: largest |cos| " + largestCosine);
        double[][][] x = WordVocabulary.lookup(new int[][] {{2, 0}}, table);
        assertArrayEquals(table[2], x[0][0]);
        assertArrayEquals(new double[64], x[0][1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordVocabulary.lookup(new int[][] {{0, 999}}, table));
        assertEquals("ids[0][1] = 999 has no row in a table of 202 vectors", e.getMessage());
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
