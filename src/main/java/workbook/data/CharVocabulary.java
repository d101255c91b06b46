package workbook.data;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;

/**
 * The characters of a text, numbered in sorted order: characters → ids and back, for character-level
 * language models.
 * <pre>{@code
 * CharVocabulary vocabulary = CharVocabulary.of(trainText);
 * int[] ids = vocabulary.encode("It is a truth");
 * String back = vocabulary.decode(ids);                   // "It is a truth"
 * double[][] x = vocabulary.oneHot("It is");              // [5][vocabulary.size()]
 * String known = vocabulary.retainKnown(heldOutText);     // drops characters the training text never had
 * char next = vocabulary.sample(logits, 0.8, random::nextDouble); // a model's next character at temperature 0.8
 * }</pre>
 * Build it from the training text only: a character that appears only in held-out text has no id, and
 * {@link #encode} says so instead of inventing one.
 */
public final class CharVocabulary {

    private final char[] characters;
    private final int[] ids;

    private CharVocabulary(char[] characters) {
        this.characters = characters;
        int max = 0;
        for (char ch : characters) {
            max = Math.max(max, ch);
        }
        ids = new int[max + 1];
        Arrays.fill(ids, -1);
        for (int id = 0; id < characters.length; id++) {
            ids[characters[id]] = id;
        }
    }

    /** The distinct characters of {@code text}, in sorted (UTF-16 code) order. */
    public static CharVocabulary of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary needs a non-empty text, got "
                    + (text == null ? "null" : "an empty string"));
        }
        TreeSet<Character> distinct = new TreeSet<>();
        for (int k = 0; k < text.length(); k++) {
            distinct.add(text.charAt(k));
        }
        char[] characters = new char[distinct.size()];
        int id = 0;
        for (char ch : distinct) {
            characters[id++] = ch;
        }
        return new CharVocabulary(characters);
    }

    public int size() {
        return characters.length;
    }

    public boolean contains(char ch) {
        return ch < ids.length && ids[ch] >= 0;
    }

    /** The id of a character of the vocabulary. */
    public int id(char ch) {
        if (!contains(ch)) {
            throw new IllegalArgumentException("character " + describe(ch) + " is not in the vocabulary of "
                    + size() + " characters");
        }
        return ids[ch];
    }

    /** The character with this id. */
    public char character(int id) {
        if (id < 0 || id >= characters.length) {
            throw new IllegalArgumentException("id " + id + " is outside the vocabulary (ids 0.." + (size() - 1) + ")");
        }
        return characters[id];
    }

    /** One id per character; fails on the first character the vocabulary does not have, naming its position. */
    public int[] encode(String text) {
        int[] encoded = new int[text.length()];
        for (int k = 0; k < encoded.length; k++) {
            char ch = text.charAt(k);
            if (!contains(ch)) {
                throw new IllegalArgumentException("character " + describe(ch) + " at position " + k
                        + " is not in the vocabulary of " + size() + " characters");
            }
            encoded[k] = ids[ch];
        }
        return encoded;
    }

    /** The text these ids stand for. */
    public String decode(int[] encoded) {
        StringBuilder text = new StringBuilder(encoded.length);
        for (int id : encoded) {
            text.append(character(id));
        }
        return text.toString();
    }

    /** {@code [length][size()]}: row t is 1 at the id of character t, 0 elsewhere. */
    public double[][] oneHot(String text) {
        int[] encoded = encode(text);
        double[][] rows = new double[encoded.length][size()];
        for (int t = 0; t < encoded.length; t++) {
            rows[t][encoded[t]] = 1.0;
        }
        return rows;
    }

    /**
     * The character drawn from softmax(logits / temperature), one logit per id: low temperatures pick the likeliest
     * characters, high ones approach uniform noise. {@code uniform} gives numbers in [0, 1) (e.g.
     * {@code random::nextDouble}); one is drawn per call, so a seeded generator gives the same text every time.
     */
    public char sample(double[] logits, double temperature, DoubleSupplier uniform) {
        if (logits.length != size()) {
            throw new IllegalArgumentException("expected one logit per character of the vocabulary (" + size()
                    + "), got " + logits.length);
        }
        double[] weights = temperedExponentials(logits, temperature);
        double u = uniform.getAsDouble() * sum(weights);   // draw against the unnormalised weights: one division fewer
        for (int j = 0; j < weights.length; j++) {
            u -= weights[j];
            if (u <= 0) {
                return characters[j];
            }
        }
        return characters[weights.length - 1];
    }

    /**
     * softmax(logits / temperature): the probabilities {@link #sample} draws from (temperature 1 is the plain softmax,
     * e.g. attention weights), computed stably for large logits.
     */
    public static double[] softmax(double[] logits, double temperature) {
        double[] p = temperedExponentials(logits, temperature);
        double sum = sum(p);
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** exp((logit_j - max) / T): proportional to softmax(logits / T), shifted by the largest logit so that exp cannot overflow. */
    private static double[] temperedExponentials(double[] logits, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = Math.exp((logits[j] - max) / temperature);
        }
        return p;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    /** {@code text} without the characters the vocabulary lacks (e.g. a held-out text's unseen symbols). */
    public String retainKnown(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); k++) {
            if (contains(text.charAt(k))) {
                kept.append(text.charAt(k));
            }
        }
        return kept.toString();
    }

    /** How often each id occurs in {@code text} (every character must be in the vocabulary). */
    public long[] counts(String text) {
        long[] counts = new long[size()];
        for (int id : encode(text)) {
            counts[id]++;
        }
        return counts;
    }

    /** All characters, in id order. */
    public String characters() {
        return new String(characters);
    }

    @Override
    public String toString() {
        return "CharVocabulary[" + size() + " characters]";
    }

    private static String describe(char ch) {
        String shown = Character.isISOControl(ch) ? "" : "'" + ch + "' ";
        return shown + String.format("(U+%04X)", (int) ch);
    }
}
