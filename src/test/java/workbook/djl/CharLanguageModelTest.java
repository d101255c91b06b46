package workbook.djl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
