package workbook.scratch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharRnnTest {

    static final String TEXT = "the cat sat on the mat. ".repeat(100);

    @Test
    void learnsARepetitiveTextAndSamplesIt() {
        CharRnn rnn = CharRnn.builder(TEXT).hidden(32).sequenceLength(25).learningRate(0.1).seed(1).build();
        assertEquals(" .acehmnost", new String(rnn.vocabulary()));
        double[] loss = rnn.train(1500);
        assertEquals(1500 * 25, rnn.charactersTrained());
        // per-character cross-entropy: log(11) = 2.4 for guessing
        assertTrue(loss[0] > 2.0, "starts near log(vocabulary): " + loss[0]);
        assertTrue(loss[1499] < 1.0, "smoothed loss after training: " + loss[1499]);
        String sample = rnn.sample("the ", 60, 0.3, 7);
        assertEquals(60, sample.length());
        assertTrue(sample.contains("the cat sat on the mat"), sample);
        assertEquals(sample, rnn.sample("the ", 60, 0.3, 7), "sampling is seeded");
    }

    @Test
    void unknownCharactersAndShortTexts() {
        CharRnn rnn = CharRnn.builder(TEXT).hidden(8).build();
        RuntimeException e = assertThrows(IllegalArgumentException.class, () -> rnn.sample("x", 5, 1.0, 1));
        assertTrue(e.getMessage().contains("'x' is not in the vocabulary"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CharRnn.builder("abc").sequenceLength(25).build());
        assertTrue(e.getMessage().contains("at least 26 characters, got 3"), e.getMessage());
    }
}
