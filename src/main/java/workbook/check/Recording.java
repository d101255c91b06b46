package workbook.check;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The verdicts that {@link Check} gives on one thread while a recording is open, sealed for
 * {@code ./workbook grade} so that student code cannot forge them through standard output.
 *
 * <p>The grader wraps each of the teacher's checker cells in
 * <pre>{@code
 * var r = workbook.check.Recording.start();
 * ...the checker cell, unchanged...
 * System.out.println(r.seal("<a fresh random key>"));
 * }</pre>
 * The sealed line carries the verdicts and their HMAC-SHA256 under a key that appears only in that
 * cell's source, so a wrapped {@code System.out} can drop or garble it, never turn a {@code NOT YET}
 * into a {@code PASSED}. Only verdicts given on the thread that opened the recording count, and a
 * verdict goes to every open recording of its thread, so opening another one cannot hide it.
 * Code in the same JVM can still reach this state by reflection: see README, "Course use".
 */
public final class Recording {
    /** The prefix of a sealed line: {@code WORKBOOK-SEAL <base64 verdicts> <hex HMAC>}. */
    public static final String SEAL_PREFIX = "WORKBOOK-SEAL ";

    private static final List<Recording> OPEN = new CopyOnWriteArrayList<>();

    private final Thread owner = Thread.currentThread();
    private final List<String> verdicts = new ArrayList<>();
    private boolean sealed;

    private Recording() {
    }

    /** Opens a recording of the verdicts given on the current thread. */
    public static Recording start() {
        Recording recording = new Recording();
        OPEN.add(recording);
        return recording;
    }

    /** Called by {@link Check} for every verdict: {@code kind} is PASSED or NOT YET. */
    static void record(String kind, int exercise, String text) {
        for (Recording recording : OPEN) {
            if (recording.owner == Thread.currentThread()) {
                synchronized (recording) {
                    recording.verdicts.add(kind + "\t" + exercise + "\t" + text);
                }
            }
        }
    }

    /** The verdicts recorded so far, one per line as kind, exercise and text separated by tabs. */
    public synchronized List<String> verdicts() {
        return List.copyOf(verdicts);
    }

    /** Closes the recording and returns its sealed line. */
    public synchronized String seal(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("a seal needs a key of at least 16 characters, got "
                    + (key == null ? "null" : key.length() + " characters"));
        }
        if (sealed) {
            throw new IllegalStateException("this recording is already sealed");
        }
        sealed = true;
        OPEN.remove(this);
        byte[] payload = String.join("\n", verdicts).getBytes(StandardCharsets.UTF_8);
        return SEAL_PREFIX + Base64.getEncoder().encodeToString(payload) + " " + hmac(key, payload);
    }

    /**
     * Closes the recording and throws an {@link AssertionError} unless the checker gave exercise
     * {@code exercise} a PASSED and no NOT YET: what a student version made with
     * {@code ./workbook student --nbgrader} ends each checker cell with, since nbgrader's
     * autograder deducts a test cell's points only when the cell raises. The message names the
     * exercise and carries the checker's hint.
     */
    public synchronized void requirePassed(int exercise) {
        if (sealed) {
            throw new IllegalStateException("this recording is already closed");
        }
        sealed = true;
        OPEN.remove(this);
        String passed = null;
        for (String verdict : verdicts) {
            String[] parts = verdict.split("\t", 3);
            if (!parts[1].equals(String.valueOf(exercise))) {
                continue;
            }
            if (parts[0].equals("NOT YET")) {
                throw new AssertionError("Exercise " + exercise + " NOT YET: " + parts[2]);
            }
            passed = parts[2];
        }
        if (passed == null) {
            throw new AssertionError("Exercise " + exercise + ": the checker gave no verdict for it"
                    + " (was the checker cell changed, or did the answer stop it?)");
        }
    }

    /** HMAC-SHA256 of the payload under the key, in lower-case hex (what grade.py recomputes). */
    static String hmac(String key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
