package workbook.check;

import workbook.data.DataFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data files as the workbook ships them, by SHA-256 ({@code shipped-data.sha256} beside this class). A modelling
 * checker judges a choice on the test part of a shipped data set; student code that points {@code workbook.data}
 * at an edited copy, or edits the files, would make any choice pass. So a modelling checker first checks that the
 * data it is about to read is the shipped data.
 */
final class ShippedData {

    static final String MANIFEST = "shipped-data.sha256";

    private ShippedData() {
    }

    /** Each shipped file's path inside {@code data/} and its SHA-256, in the manifest's order. */
    static Map<String, String> manifest() {
        try (InputStream in = ShippedData.class.getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException("the checkers' list of shipped data files (" + MANIFEST + ") is missing");
            }
            Map<String, String> hashes = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    hashes.put(line.substring(66).strip(), line.substring(0, 64));   // sha256sum's "HASH  path"
                }
            }
            return hashes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null when every shipped file the data sets are read from has its shipped content; otherwise what differs. */
    static String difference() {
        for (Map.Entry<String, String> shipped : manifest().entrySet()) {
            DataFiles.Loaded file;
            try {
                file = DataFiles.shipped(shipped.getKey());
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            String found = sha256(file.bytes());
            if (!found.equals(shipped.getValue())) {
                return "the data file " + file.location() + " is not the one the workbook ships (SHA-256 " + found.substring(0, 12)
                        + "..., shipped " + shipped.getValue().substring(0, 12) + "...)";
            }
        }
        return null;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);   // every Java has SHA-256
        }
    }
}
