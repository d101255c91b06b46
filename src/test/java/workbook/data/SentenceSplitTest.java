package workbook.data;

import org.junit.jupiter.api.Test;
import workbook.data.Datasets.LabelledSentence;
import workbook.data.Datasets.SentimentSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceSplitTest {

    private static LabelledSentence s(String text, int label) {
        return new LabelledSentence(text, label, SentimentSource.YELP);
    }

    @Test
    void repeatsAreDroppedBeforeSplittingSoNoSentenceIsInTwoParts() {
        List<LabelledSentence> sentences = List.of(s("Great phone!", 1), s("great phone.", 1), s("Bad.", 0), s("GREAT PHONE", 1),
                s("Not bad at all.", 1), s("bad", 0), s("Works fine", 1), s("It broke", 0), s("Love it", 1), s("Meh", 0));
        SentenceSplit split = SentenceSplit.random(sentences, 0.3, 0.2, 7);
        assertEquals(3, split.duplicatesRemoved());          // two more "great phone", one more "bad"
        assertEquals(2, split.test().size());                 // 7 distinct × 0.3, rounded down
        assertEquals(1, split.validation().size());           // 5 left × 0.2
        assertEquals(4, split.train().size());
        Set<List<String>> seen = new HashSet<>();
        for (List<LabelledSentence> part : List.of(split.train(), split.validation(), split.test())) {
            for (List<String> tokens : SentenceSplit.tokens(part)) {
                assertTrue(seen.add(tokens), "sentence in two parts: " + tokens);
            }
        }
        // The same seed gives the same split.
        assertEquals(split, SentenceSplit.random(sentences, 0.3, 0.2, 7));
    }

    @Test
    void theRealDataHas28RepeatsAndAcrossSourcesDropsSharedSentences() {
        SentenceSplit split = SentenceSplit.random(Datasets.sentiment(), 0.2, 0.1, 42);
        assertEquals(28, split.duplicatesRemoved());
        assertEquals(2972, split.train().size() + split.validation().size() + split.test().size());
        assertEquals(594, split.test().size());
        SentenceSplit across = SentenceSplit.across(Datasets.sentiment(SentimentSource.IMDB),
                Datasets.sentiment(SentimentSource.YELP), 0.1, 42);
        Set<List<String>> training = new HashSet<>(SentenceSplit.tokens(across.train()));
        training.addAll(SentenceSplit.tokens(across.validation()));
        assertTrue(SentenceSplit.tokens(across.test()).stream().noneMatch(training::contains));
        assertTrue(across.test().stream().allMatch(x -> x.source() == SentimentSource.YELP));
        // "very disappointing" is in both IMDb and Yelp: it leaves the Yelp test part.
        assertTrue(SentenceSplit.tokens(across.test()).stream().noneMatch(t -> t.equals(List.of("very", "disappointing"))));
    }

    @Test
    void badSharesAreRejectedWithTheValue() {
        List<LabelledSentence> two = List.of(s("a", 0), s("b", 1));
        assertEquals("testShare must be in [0, 1), got 1.5",
                assertThrows(IllegalArgumentException.class, () -> SentenceSplit.random(two, 1.5, 0.1, 1)).getMessage());
        String tooFew = assertThrows(IllegalArgumentException.class, () -> SentenceSplit.random(two, 0.2, 0.1, 1)).getMessage();
        assertTrue(tooFew.contains("leave 0 to test"), tooFew);
    }
}
