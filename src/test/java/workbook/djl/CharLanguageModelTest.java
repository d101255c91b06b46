package workbook.djl;

import org.junit.jupiter.api.Test;
import workbook.classic.NgramModel;
import workbook.data.CharVocabulary;
import workbook.model.Fit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharLanguageModelTest {

    @Test
    void perplexityOnAnyTextMatchesTheValidationPerplexity() {
        String text = "the cat sat on the mat. ".repeat(60);
        try (CharLanguageModel lm = CharLanguageModel.on(text).hidden(16).sequenceLength(20).build()) {
            lm.fit(Fit.epochs(2).learningRate(1e-2).progress(false));
            String validationPart = text.substring((int) (text.length() * 0.9));
            assertEquals(lm.validationPerplexity(), lm.perplexity(validationPart), 1e-9);
            double other = lm.perplexity("the mat sat on the cat. the cat sat on the mat.");
            assertTrue(other > 1 && other < lm.vocabulary().length(), "perplexity of a text in the vocabulary: " + other);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lm.perplexity("the cat"));
            assertTrue(e.getMessage().contains("at least 21 characters"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> lm.perplexity("the dog sat on the mat. the dog"));
            assertTrue(e.getMessage().contains("'d'"), e.getMessage());
        }
    }

    @Test
    void oneHotIdsExpandPerBatchToTheSameInputs() {
        int[][] ids = {{2, 0, 1}, {1, 1, 3}};
        int[][] labels = {{0, 1, 1}, {1, 3, 2}};
        TrainData lazy = TrainData.ofOneHotStepClasses(ids, 4, labels);
        double[][][] x = new double[2][3][4];
        for (int i = 0; i < 2; i++) {
            for (int t = 0; t < 3; t++) {
                x[i][t][ids[i][t]] = 1;
            }
        }
        TrainData eager = TrainData.ofStepClasses(x, labels, null);
        assertNull(lazy.x, "one int per step is stored, no one-hot floats");
        assertEquals(eager.features, lazy.features);
        assertArrayEquals(eager.labels, lazy.labels);
        float[] expected = new float[2 * 3 * 4 + 5];
        float[] got = new float[2 * 3 * 4 + 5];
        java.util.Arrays.fill(got, 7f);   // stale values of an earlier batch are overwritten
        java.util.Arrays.fill(expected, 7f);
        eager.copyInputs(1, expected, 5);
        eager.copyInputs(0, expected, 5 + 12);
        lazy.copyInputs(1, got, 5);
        lazy.copyInputs(0, got, 5 + 12);
        assertArrayEquals(expected, got);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainData.ofOneHotStepClasses(new int[][] {{0, 4}}, 4, new int[][] {{0, 0}}));
        assertEquals("ids[0][1] = 4 is outside the vocabulary 0..3", e.getMessage());
    }

    /**
     * The recipe of notebook 10 is not tuned to one book: a short training on the opening of another novel
     * (Austen's Persuasion, src/test/resources) beats a bigram model on the chapters that follow.
     */
    @Test
    void theRecipeBeatsABigramOnAnotherNovel() throws IOException {
        String text;
        try (InputStream in = CharLanguageModelTest.class.getResourceAsStream("/persuasion-opening.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String train = text.substring(0, text.length() - 20_000);
        String heldOut = text.substring(text.length() - 20_000);
        CharVocabulary vocabulary = CharVocabulary.of(train);
        double bigram = NgramModel.fit(vocabulary.encode(train), vocabulary.size(), 2)
                .perplexity(vocabulary.encode(vocabulary.retainKnown(heldOut)));
        try (CharLanguageModel lm = CharLanguageModel.recipe(train).seed(42).build()) {
            lm.fit(CharLanguageModel.recipeFit(3).progress(false));
            double lstm = lm.perplexity(vocabulary.retainKnown(heldOut));
            System.out.printf("Persuasion, held-out perplexity: LSTM recipe %.2f, bigram %.2f%n", lstm, bigram);
            assertTrue(lstm < bigram, "LSTM " + lstm + " vs bigram " + bigram);
        }
    }
}
