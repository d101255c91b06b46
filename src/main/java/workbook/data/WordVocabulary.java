package workbook.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Words → ids for tokenized sentences, with two reserved ids: {@link #PAD} (0) fills the steps after a short
 * sentence, {@link #UNKNOWN} (1) stands for any word the vocabulary lacks. Build it from the training sentences
 * only, so that test sentences meet unknown words exactly as new text would.
 * <pre>{@code
 * WordVocabulary vocabulary = WordVocabulary.build(trainTokens, 1);
 * WordVocabulary.Padded batch = vocabulary.pad(testTokens, 30);   // ids [n][30], lengths [n]
 * double[][] table = vocabulary.randomVectors(32, 7);             // one fixed vector per id, PAD = zeros
 * double[][][] x = WordVocabulary.lookup(batch.ids(), table);     // [n][30][32], for a recurrent model
 * }</pre>
 */
public final class WordVocabulary {

    public static final int PAD = 0;
    public static final int UNKNOWN = 1;
    public static final String PAD_TOKEN = "<pad>";
    public static final String UNKNOWN_TOKEN = "<unk>";

    private final List<String> words;
    private final Map<String, Integer> ids;

    /** Padded id sequences: {@code ids[i]} has {@code lengths[i]} real ids, then {@link #PAD}. */
    public record Padded(int[][] ids, int[] lengths) {
    }

    private WordVocabulary(List<String> words) {
        this.words = List.copyOf(words);
        this.ids = new HashMap<>();
        for (int id = 0; id < words.size(); id++) {
            ids.put(words.get(id), id);
        }
    }

    /** The words seen at least {@code minCount} times, ids 2.. in alphabetical order. */
    public static WordVocabulary build(List<List<String>> sentences, int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        if (sentences == null || sentences.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary needs at least one tokenized sentence, got "
                    + (sentences == null ? "null" : "none"));
        }
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (List<String> sentence : sentences) {
            for (String word : sentence) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>(List.of(PAD_TOKEN, UNKNOWN_TOKEN));
        counts.forEach((word, count) -> {
            if (count >= minCount && !word.equals(PAD_TOKEN) && !word.equals(UNKNOWN_TOKEN)) {
                words.add(word);
            }
        });
        return new WordVocabulary(words);
    }

    /** Number of ids, the two reserved ones included. */
    public int size() {
        return words.size();
    }

    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    /** The word's id, or {@link #UNKNOWN} for a word the vocabulary lacks. */
    public int id(String word) {
        return ids.getOrDefault(word, UNKNOWN);
    }

    public String word(int id) {
        if (id < 0 || id >= words.size()) {
            throw new IllegalArgumentException("id " + id + " is outside the vocabulary (ids 0.." + (words.size() - 1) + ")");
        }
        return words.get(id);
    }

    public int[] encode(List<String> tokens) {
        int[] encoded = new int[tokens.size()];
        for (int t = 0; t < encoded.length; t++) {
            encoded[t] = id(tokens.get(t));
        }
        return encoded;
    }

    /**
     * Every sentence as {@code maxLength} ids: the first {@code maxLength} words, then {@link #PAD}. A sentence
     * with no words becomes a single {@link #UNKNOWN} (length 1), since a recurrent model needs one real step.
     */
    public Padded pad(List<List<String>> sentences, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
        int[][] padded = new int[sentences.size()][maxLength];
        int[] lengths = new int[sentences.size()];
        for (int i = 0; i < padded.length; i++) {
            int[] encoded = encode(sentences.get(i));
            if (encoded.length == 0) {
                encoded = new int[] {UNKNOWN};
            }
            lengths[i] = Math.min(encoded.length, maxLength);
            System.arraycopy(encoded, 0, padded[i], 0, lengths[i]);
        }
        return new Padded(padded, lengths);
    }

    /**
     * A fixed random vector per id (Gaussian, scale 1/√dimension, so the vectors have length about 1 and are
     * nearly orthogonal), {@link #PAD}'s all zeros: one-hot input times a fixed random matrix, a cheap stand-in
     * for a learnt embedding that keeps the words apart in far fewer features than {@link #size()}.
     */
    public double[][] randomVectors(int dimension, long seed) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] table = new double[size()][dimension];
        for (int id = 1; id < table.length; id++) {
            for (int j = 0; j < dimension; j++) {
                table[id][j] = random.nextGaussian() / Math.sqrt(dimension);
            }
        }
        return table;
    }

    /** {@code x[i][t] = table[ids[i][t]]} (copies): ids {@code [n][steps]} → inputs {@code [n][steps][dimension]}. */
    public static double[][][] lookup(int[][] ids, double[][] table) {
        double[][][] x = new double[ids.length][][];
        for (int i = 0; i < ids.length; i++) {
            x[i] = new double[ids[i].length][];
            for (int t = 0; t < ids[i].length; t++) {
                int id = ids[i][t];
                if (id < 0 || id >= table.length) {
                    throw new IllegalArgumentException("ids[" + i + "][" + t + "] = " + id + " has no row in a table of "
                            + table.length + " vectors");
                }
                x[i][t] = table[id].clone();
            }
        }
        return x;
    }

    @Override
    public String toString() {
        return "WordVocabulary[" + size() + " ids: " + PAD_TOKEN + ", " + UNKNOWN_TOKEN + " and " + (size() - 2) + " words]";
    }
}
