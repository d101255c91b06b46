package workbook.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SessionHistoryTest {

    private static final Set<ResultFlag> NONE = EnumSet.noneOf(ResultFlag.class);

    private static SessionHistory historyOf(String... inputs) {
        SessionHistory history = new SessionHistory();
        for (int i = 0; i < inputs.length; i++) {
            history.record(i + 1, inputs[i], "out" + (i + 1));
        }
        return history;
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }

    @Test
    void tailReturnsTheLastCellsInOrder() {
        SessionHistory history = historyOf("a", "b", "c", "d");
        assertEquals(List.of("c", "d"), inputs(history.lookupTail(2, NONE)));
        assertEquals(List.of("a", "b", "c", "d"), inputs(history.lookupTail(10, NONE)));
        assertNull(history.lookupTail(1, NONE).get(0).getOutput());
        assertEquals("out4", history.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0).getOutput());
    }

    @Test
    void rangeIsStartInclusiveStopExclusiveInThisSession() {
        SessionHistory history = historyOf("a", "b", "c", "d");
        assertEquals(List.of("b", "c"), inputs(history.lookupRange(0, 2, 4, NONE)));
        assertEquals(List.of("b", "c"), inputs(history.lookupRange(SessionHistory.SESSION, 2, 4, NONE)));
        assertEquals(List.of(), inputs(history.lookupRange(SessionHistory.SESSION + 1, 2, 4, NONE)));
    }

    @Test
    void searchMatchesGlobsAndCanKeepOnlyUniqueInputs() {
        SessionHistory history = historyOf("int x = 1;", "x + 1", "x + 1", "String s;");
        assertEquals(List.of("x + 1", "x + 1"), inputs(history.search("x +*", 0, NONE)));
        assertEquals(List.of("x + 1"), inputs(history.search("x +*", 0, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of("String s;"), inputs(history.search("*s;", 1, NONE)));
        assertEquals(List.of("int x = 1;"), inputs(history.search("int ? = 1;", 0, NONE)));
    }
}
