package workbook.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.data.DataFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Modelling checkers judge only on the data the workbook ships. */
class ShippedDataTest extends CapturesStandardOutput {

    @Test
    void theManifestListsEveryDataFileWithItsHash() throws IOException {
        Path folder = DataFiles.directory();
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                if (!name.equals("README.md")) {
                    found.put(name, ShippedData.sha256(Files.readAllBytes(file)));
                }
            }
        }
        assertEquals(found, new TreeMap<>(ShippedData.manifest()), "data/ changed: regenerate the manifest with "
                + "(cd data && find . -type f ! -name README.md | sed 's|^./||' | sort | xargs sha256sum) "
                + "> src/main/resources/workbook/check/" + ShippedData.MANIFEST);
        assertNull(ShippedData.difference());
    }

    @Test
    void aModellingCheckerRefusesAnEditedDataFolderNamingTheFile(@TempDir Path forged) throws IOException {
        Path shipped = DataFiles.directory();
        for (String name : ShippedData.manifest().keySet()) {
            Files.createDirectories(forged.resolve(name).getParent());
            Files.copy(shipped.resolve(name), forged.resolve(name));
        }
        // a flat S&P 500 after the first rows: every test return 0, so any narrow interval would win
        Path sp500 = forged.resolve("sp500-2000.csv");
        String[] lines = Files.readString(sp500).split("\n");
        StringBuilder flat = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            if (i >= 10) {
                cells[4] = "1000.0";   // close
            }
            flat.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(sp500, flat);
        String before = System.getProperty(DataFiles.PROPERTY);
        System.setProperty(DataFiles.PROPERTY, forged.toString());
        try {
            assertFalse(Chapter08.check4(returns -> new Chapter08.IntervalChoice(2, 0.1)));
        } finally {
            if (before == null) {
                System.clearProperty(DataFiles.PROPERTY);
            } else {
                System.setProperty(DataFiles.PROPERTY, before);
            }
        }
        assertTrue(printed().startsWith("NOT YET exercise 4: the data file " + sp500.toAbsolutePath().normalize()
                + " is not the one the workbook ships (SHA-256 "), printed());
        assertTrue(printed().contains("this checker judges only on the shipped data"), printed());
    }
}
