package workbook.djl;

import org.junit.jupiter.api.Test;
import workbook.classic.Classification;
import workbook.model.Fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceClassifierTest {

    /** Sentences of filler words with "good" (label 1) or "bad" (label 0) somewhere; one rare word per sentence. */
    private static List<List<String>> sentences(int count, int[] labels, Random rng) {
        String[] filler = {"the", "food", "was", "service", "and", "a", "place", "really"};
        List<List<String>> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            labels[i] = rng.nextInt(2);
            List<String> words = new ArrayList<>();
            int length = 3 + rng.nextInt(6);
            for (int t = 0; t < length; t++) {
                words.add(filler[rng.nextInt(filler.length)]);
            }
            words.add(rng.nextInt(words.size()), labels[i] == 1 ? "good" : "bad");
            words.add("rare" + i);
            tokens.add(words);
        }
        return tokens;
    }

    @Test
    void learnsTheLabelWordAndRepeatsWithTheSameSeed() {
        Random rng = new Random(2);
        int[] trainLabels = new int[200];
        int[] testLabels = new int[60];
        List<List<String>> train = sentences(200, trainLabels, rng);
        List<List<String>> test = sentences(60, testLabels, rng);
        SentenceClassifier.Recipe recipe = SentenceClassifier.Recipe.lstm(4, 8).bidirectional(true).minCount(2).maxLength(8)
                .fit(Fit.epochs(6).batchSize(16).learningRate(0.02).progress(false));
        try (SentenceClassifier a = recipe.train(train, trainLabels, null, null, 3);
             SentenceClassifier b = recipe.train(train, trainLabels, null, null, 3)) {
            assertTrue(Classification.accuracy(a.predict(test), testLabels) >= 0.95);
            // minCount 2: the 200 words seen once are <unk>; pad, unk and the 10 real words remain.
            assertEquals(12, a.vocabulary().size());
            assertFalse(a.vocabulary().contains("rare0"));
            assertEquals(12, a.model().weightShape("embedding.weight")[0]);
            double[][] first = a.logits(test.subList(0, 3));
            double[][] second = b.logits(test.subList(0, 3));
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(first[i], second[i], 0, "same seed, same digits");
            }
        }
    }
}
