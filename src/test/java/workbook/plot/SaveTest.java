package workbook.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import workbook.data.Datasets;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plots.save: an HTML page that opens offline, a PNG through headless Chromium, clear errors otherwise. */
class SaveTest {

    private static final Table AIR = Datasets.airPassengers();
    private static final Figure FIGURE = Plots.timeSeries(AIR, "month", "passengers", "Airline passengers", "thousands");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void htmlInlinesPlotlyAndLoadsNoScriptFromTheNetwork(@TempDir Path dir) throws Exception {
        Path written = Plots.save(FIGURE, dir.resolve("sub/air.html"));
        assertEquals(dir.resolve("sub/air.html").toAbsolutePath(), written);
        String html = Files.readString(written, StandardCharsets.UTF_8);
        String plotly = FigureFiles.plotlyJs();
        assertTrue(html.contains(plotly), "plotly.js inlined whole");
        assertTrue(html.length() > plotly.length() + 1000, "the figure's data follows plotly.js: " + html.length());
        assertTrue(html.contains("1949-01-01") && html.contains("Airline passengers"), "the data and the title");
        assertFalse(Pattern.compile("<script[^>]*src=[\"']?https?:", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no script loaded over http(s)");
        assertFalse(html.replace(plotly, "").contains("cdn."), "no CDN address outside plotly.js itself");
    }

    @Test
    void pngIsDrawnByHeadlessChromium(@TempDir Path dir) throws Exception {
        Path png = Plots.save(FIGURE, dir.resolve("air.png"));
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8), "PNG signature");
        // a blank page of that size compresses to a few kB; lines, axes and titles make it much larger
        assertTrue(bytes.length > 15_000, "PNG of " + bytes.length + " bytes");
        int width = readInt(bytes, 16);
        int height = readInt(bytes, 20);
        assertEquals(800, width, "the layout's width");
        assertEquals(420, height, "the layout's height");
    }

    @Test
    void missingPlotlyOrChromiumOrAnUnknownSuffixGiveOneClearLine(@TempDir Path dir) throws Exception {
        String previous = System.getProperty("workbook.plotly.js");
        System.setProperty("workbook.plotly.js", dir.resolve("absent.js").toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Plots.save(FIGURE, dir.resolve("a.html")));
            assertTrue(e.getMessage().startsWith("saving a figure needs plotly.js 2.35.3 to inline it") && e.getMessage()
                    .contains("absent.js") && e.getMessage().contains("-Dworkbook.plotly.js"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("a.html")));
        } finally {
            if (previous == null) {
                System.clearProperty("workbook.plotly.js");
            } else {
                System.setProperty("workbook.plotly.js", previous);
            }
        }
        String plotly = FigureFiles.plotlyJs();
        IllegalStateException noBrowser = assertThrows(IllegalStateException.class,
                () -> FigureFiles.save(FIGURE, dir.resolve("a.png"), plotly, "/nonexistent/chrome"));
        assertEquals("saving a PNG needs a headless Chromium; found none of [/nonexistent/chrome] (from"
                + " -Dworkbook.chromium). Install chromium, set -Dworkbook.chromium=/path/to/chrome, or save as .html"
                + " instead", noBrowser.getMessage());
        IllegalArgumentException suffix = assertThrows(IllegalArgumentException.class,
                () -> Plots.save(FIGURE, dir.resolve("a.pdf")));
        assertEquals("Plots.save writes .html or .png files, got 'a.pdf'", suffix.getMessage());
    }

    @Test
    void aBrowserThatDrawsNothingFailsEvenWhereAnOldPictureLies(@TempDir Path dir) throws Exception {
        Path silent = dir.resolve("silent-chrome");
        Files.writeString(silent, "#!/bin/sh\nexit 0\n");
        assertTrue(silent.toFile().setExecutable(true));
        Path old = dir.resolve("old.png");
        Files.write(old, new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class,
                () -> FigureFiles.save(FIGURE, old, FigureFiles.plotlyJs(), silent.toString()));
        assertTrue(e.getMessage().startsWith(silent + " exited with 0 and wrote no "), e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(old));   // left as it was, not passed off as new
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
