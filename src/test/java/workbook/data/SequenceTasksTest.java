package workbook.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceTasksTest {

    @Test
    void recallLabelsTheMarkedSymbolAndIsReproducible() {
        SequenceTasks.Classification task = SequenceTasks.recall().steps(30).symbols(3).markedWithin(4).samples(200)
                .seed(9).build();
        assertEquals(200, task.size());
        assertEquals(3, task.classes());
        int[] counts = new int[3];
        for (int i = 0; i < task.size(); i++) {
            double[][] x = task.inputs()[i];
            assertEquals(30, x.length);
            int markers = 0;
            for (int t = 0; t < x.length; t++) {
                assertEquals(4, x[t].length);
                assertEquals(1.0, x[t][0] + x[t][1] + x[t][2], "one symbol per step with distractors");
                if (x[t][3] == 1) {
                    markers++;
                    assertTrue(t < 4, "marker at step " + t);
                    assertEquals(1.0, x[t][task.labels()[i]], "the label is the marked step's symbol");
                }
            }
            assertEquals(1, markers);
            counts[task.labels()[i]]++;
        }
        for (int c : counts) {
            assertTrue(c > 40, "labels roughly balanced: " + java.util.Arrays.toString(counts));
        }
        SequenceTasks.Classification again = SequenceTasks.recall().steps(30).symbols(3).markedWithin(4).samples(200)
                .seed(9).build();
        assertTrue(java.util.Arrays.deepEquals(task.inputs(), again.inputs()));
    }

    @Test
    void withoutDistractorsOnlyTheMarkedStepShowsASymbol() {
        SequenceTasks.Classification task = SequenceTasks.recall().steps(10).distractors(false).samples(50).build();
        for (double[][] x : task.inputs()) {
            double total = 0;
            for (double[] step : x) {
                for (double v : step) {
                    total += v;
                }
            }
            assertEquals(2.0, total, "one symbol and one marker");
        }
    }

    @Test
    void accuracyTakesTheHighestScore() {
        SequenceTasks.Classification task = new SequenceTasks.Classification(new double[3][1][1], new int[] {0, 2, 1}, 3);
        assertEquals(2.0 / 3, task.accuracy(new double[][] {{0.9, 0.1, 0}, {0, 0.2, 0.7}, {0.5, 0.1, 0.4}}), 1e-12);
        assertEquals(1.0, task.accuracy(new int[] {0, 2, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> task.accuracy(new double[][] {{1, 0}, {1, 0}, {1, 0}}));
        assertTrue(e.getMessage().contains("expected one per class (3)"), e.getMessage());
    }

    @Test
    void badOptionsAreRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SequenceTasks.recall().steps(10).markedWithin(20).build());
        assertEquals("markedWithin must be between 1 and steps (10), got 20", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SequenceTasks.recall().symbols(1).build());
    }
}
