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
        assertTrue(e.getMessage().startsWith("character 'x' (U+0078) is not in the vocabulary of "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CharRnn.builder("abc").sequenceLength(25).build());
        assertTrue(e.getMessage().contains("at least 26 characters, got 3"), e.getMessage());
    }

    @Test
    void perplexityIsTheExponentialOfTheTrainingLossAndCarriesTheState() {
        CharRnn rnn = CharRnn.builder(TEXT).hidden(16).sequenceLength(25).seed(3).build();
        String chunk = TEXT.substring(0, 26);
        int v = rnn.vocabulary().length;
        double[][][] x = new double[1][25][v];
        double[][][] y = new double[1][25][v];
        String vocabulary = new String(rnn.vocabulary());
        for (int t = 0; t < 25; t++) {
            x[0][t][vocabulary.indexOf(chunk.charAt(t))] = 1;
            y[0][t][vocabulary.indexOf(chunk.charAt(t + 1))] = 1;
        }
        // one chunk from a zero state: the same mean cross-entropy as the training loss
        assertEquals(Math.exp(rnn.model().lossAndGradients(x, y)), rnn.perplexity(chunk), 1e-12);
        // the state crosses chunk boundaries: reading 7 characters per call changes nothing
        String longer = TEXT.substring(0, 300);
        assertEquals(rnn.perplexity(longer, 1000), rnn.perplexity(longer, 7), 1e-12);
        double untrained = rnn.perplexity(longer);
        assertTrue(untrained > 0.7 * v && untrained < 1.5 * v, "untrained ≈ uniform over " + v + ": " + untrained);
        rnn.train(600);
        double trained = rnn.perplexity(longer);
        assertTrue(trained < 1.5, "a repetitive text is nearly certain after training: " + trained);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rnn.perplexity("t"));
        assertTrue(e.getMessage().contains("at least 2 characters"), e.getMessage());
    }
}
