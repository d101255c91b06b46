package workbook.check;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingTest {

    @Test
    void sealsTheVerdictsOfItsThreadWithAnHmacOfTheKey() throws Exception {
        Recording recording = Recording.start();
        Check.notYet(2, "expected 1\ngot 2");
        Thread other = new Thread(() -> Check.passed(2, "from another thread"));
        other.start();
        other.join();
        Recording nested = Recording.start();   // a second recording does not hide verdicts from the first
        Check.passed(1, "fine");
        nested.seal("another key of sixteen");
        assertEquals(List.of("NOT YET\t2\texpected 1 got 2", "PASSED\t1\tfine"), recording.verdicts());

        String line = recording.seal("0123456789abcdef0123");
        String[] parts = line.split(" ");
        assertEquals("WORKBOOK-SEAL", parts[0]);
        byte[] payload = Base64.getDecoder().decode(parts[1]);
        assertEquals("NOT YET\t2\texpected 1 got 2\nPASSED\t1\tfine", new String(payload, StandardCharsets.UTF_8));
        // RFC 4231-style known answer: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                Recording.hmac("key", "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Recording.hmac("0123456789abcdef0123", payload), parts[2]);
        assertThrows(IllegalStateException.class, () -> recording.seal("0123456789abcdef0123"));
        Check.passed(3, "after the seal");
        assertEquals(2, recording.verdicts().size());
    }

    @Test
    void requirePassedThrowsOnANotYetOrNoVerdictForItsExerciseAndNamesTheHint() {
        Recording passing = Recording.start();
        Check.passed(2, "fine");
        Check.notYet(3, "another exercise's verdict does not count");
        passing.requirePassed(2);
        assertThrows(IllegalStateException.class, () -> passing.requirePassed(2));

        Recording failing = Recording.start();
        Check.passed(2, "forged by the answer");
        Check.notYet(2, "on negative values: expected [-5], got [0]");
        AssertionError notYet = assertThrows(AssertionError.class, () -> failing.requirePassed(2));
        assertEquals("Exercise 2 NOT YET: on negative values: expected [-5], got [0]", notYet.getMessage());

        Recording silent = Recording.start();
        Check.passed(1, "a verdict for exercise 1 only");
        AssertionError none = assertThrows(AssertionError.class, () -> silent.requirePassed(2));
        assertTrue(none.getMessage().startsWith("Exercise 2: the checker gave no verdict"), none.getMessage());
        Check.notYet(2, "after closing: recorded nowhere");
        assertEquals(1, silent.verdicts().size());
    }

    @Test
    void refusesAShortKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recording.start().seal("short"));
        assertTrue(e.getMessage().contains("got 5 characters"), e.getMessage());
    }
}
