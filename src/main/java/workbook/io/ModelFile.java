package workbook.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A saved model: a header naming what the file holds (which kind of model, its architecture: cell, layers, hidden
 * size, directions, features per step, head, as text fields), then the weights as bytes with their length and CRC-32.
 * Reading checks everything before anything is loaded, so a model can refuse a file of another architecture, a
 * truncated or damaged file, with a message that says what the file holds and what was expected.
 * <pre>
 * "WORKBOOK-MODEL" · format version (int) · kind (UTF) · field count (int) · (name, value) UTF pairs ·
 * weight bytes (long) · CRC-32 of the weights (long) · the weights
 * </pre>
 */
public final class ModelFile {

    private static final byte[] MAGIC = "WORKBOOK-MODEL".getBytes(StandardCharsets.US_ASCII);
    /** Raised when the layout above changes; files of a newer version are refused by older code. */
    public static final int FORMAT_VERSION = 1;

    private final Path file;
    private final String kind;
    private final Map<String, String> architecture;
    private final byte[] weights;

    private ModelFile(Path file, String kind, Map<String, String> architecture, byte[] weights) {
        this.file = file;
        this.kind = kind;
        this.architecture = architecture;
        this.weights = weights;
    }

    /** Writes the file whole: to a temporary file next to it, then renamed, so a failed save leaves no half file. */
    public static void write(Path file, String kind, Map<String, String> architecture, byte[] weights) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(weights.length + 512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(kind);
            out.writeInt(architecture.size());
            for (Map.Entry<String, String> e : architecture.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeLong(weights.length);
            out.writeLong(crc(weights));
            out.write(weights);
        }
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".saving");
        Files.write(temporary, bytes.toByteArray());
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads and checks a file written by {@link #write} for a model of this {@code kind}. */
    public static ModelFile read(Path file, String kind) throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such model file");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
        byte[] magic = new byte[MAGIC.length];
        if (all.length < MAGIC.length || in.read(magic) != MAGIC.length || !java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException(file + " is not a saved workbook model: it does not start with 'WORKBOOK-MODEL'"
                    + " (" + all.length + " bytes; files saved before format version 1 cannot be read, save the model again)");
        }
        try {
            int version = in.readInt();
            if (version < 1 || version > FORMAT_VERSION) {
                throw new IOException(file + " has model format version " + version + "; this library reads versions 1.."
                        + FORMAT_VERSION);
            }
            String fileKind = in.readUTF();
            int fields = in.readInt();
            if (fields < 0 || fields > 1000) {
                throw new IOException(file + " is damaged: its header claims " + fields + " fields");
            }
            Map<String, String> architecture = new LinkedHashMap<>();
            for (int i = 0; i < fields; i++) {
                architecture.put(in.readUTF(), in.readUTF());
            }
            if (!fileKind.equals(kind)) {
                throw new IOException(file + " holds a " + fileKind + " model (" + describe(architecture)
                        + "), not a " + kind + " model");
            }
            long length = in.readLong();
            long crc = in.readLong();
            int left = in.available();
            if (length != left) {
                throw new IOException(file + " is " + (left < length ? "truncated" : "damaged") + ": it holds a " + kind
                        + " model (" + describe(architecture) + ") whose header promises " + length
                        + " bytes of weights, but " + left + " follow");
            }
            byte[] weights = in.readNBytes(left);
            if (crc(weights) != crc) {
                throw new IOException(file + " is damaged: the CRC-32 of its " + length + " bytes of weights does not match"
                        + " its header");
            }
            return new ModelFile(file, fileKind, architecture, weights);
        } catch (EOFException | UTFDataFormatException e) {
            throw new IOException(file + " is truncated or damaged: it ends inside the header (" + all.length
                    + " bytes in all)", e);
        }
    }

    /**
     * Fails unless the file's architecture is {@code expected}, naming every field that differs, e.g.
     * "m.bin holds cell LSTM, hidden 64, features 3; this model is cell GRU, hidden 64, features 1 (cell, features differ)".
     */
    public void requireArchitecture(Map<String, String> expected, String what) throws IOException {
        List<String> differ = new ArrayList<>();
        for (String key : expected.keySet()) {
            if (!expected.get(key).equals(architecture.get(key))) {
                differ.add(key + " " + architecture.getOrDefault(key, "(missing)") + " in the file, " + expected.get(key)
                        + " in " + what);
            }
        }
        for (String key : architecture.keySet()) {
            if (!expected.containsKey(key)) {
                differ.add(key + " " + architecture.get(key) + " in the file, not in " + what);
            }
        }
        if (!differ.isEmpty()) {
            throw new IOException(file + " holds a " + kind + " model (" + describe(architecture) + ") but " + what
                    + " is (" + describe(expected) + "): " + String.join("; ", differ));
        }
    }

    /** "cell LSTM, hidden 64, layers 1". */
    public static String describe(Map<String, String> architecture) {
        List<String> parts = new ArrayList<>();
        architecture.forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    public String kind() {
        return kind;
    }

    public Map<String, String> architecture() {
        return architecture;
    }

    /** The weights' bytes, as the model wrote them. */
    public byte[] weights() {
        return weights;
    }

    /** Where the file came from, for messages. */
    public Path file() {
        return file;
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
