package workbook.classic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClassificationTest {

    @Test
    void accuracyAndConfusion() {
        int[] actual = {0, 0, 1, 1, 1, 2};
        int[] predicted = {0, 1, 1, 1, 0, 2};
        assertEquals(4 / 6.0, Classification.accuracy(predicted, actual), 1e-12);
        assertArrayEquals(new int[][] {{1, 1, 0}, {1, 2, 0}, {0, 0, 1}}, Classification.confusion(predicted, actual, 3));
    }

    @Test
    void majorityTakesTheSmallerLabelOnATie() {
        assertEquals(1, Classification.majorityLabel(new int[] {1, 0, 1, 2}));
        assertEquals(0, Classification.majorityLabel(new int[] {1, 0, 0, 1}));
    }

    @Test
    void argmaxPicksTheLargestScore() {
        assertArrayEquals(new int[] {1, 0, 2}, Classification.argmax(new double[][] {{-1, 2}, {3, 3}, {0.1, 0.2, 0.3}}));
    }

    @Test
    void mismatchedLengthsNameBoth() {
        assertEquals("expected as many predictions as labels (at least one), got 2 predictions and 3 labels",
                assertThrows(IllegalArgumentException.class,
                        () -> Classification.accuracy(new int[] {0, 1}, new int[] {0, 1, 1})).getMessage());
        assertEquals("entry 1: actual 1, predicted 2; labels must be in 0..1", assertThrows(IllegalArgumentException.class,
                () -> Classification.confusion(new int[] {0, 2}, new int[] {0, 1}, 2)).getMessage());
    }
}
