package workbook.kernel;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.ScatterPlot;
import tech.tablesaw.plotly.components.Figure;
import workbook.display.Displays;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RichDisplayTest {

    @Test
    void shortTableIsShownWhole() {
        Table table = Table.create("small", IntColumn.create("n", 1, 2, 3));
        String html = RichDisplay.tableHtml(table);
        assertTrue(html.contains("<caption>small</caption>"));
        assertEquals(3, html.split("<tr><td>", -1).length - 1);
        assertFalse(html.contains("not shown"));
    }

    @Test
    void longTableShowsHeadAndTailWithANoteOfWhatWasLeftOut() {
        Table table = Table.create("long", IntColumn.create("n", IntStream.range(0, 100).toArray()));
        String html = RichDisplay.tableHtml(table);
        assertTrue(html.contains("<td>0</td>") && html.contains("<td>9</td>"), "first ten rows");
        assertFalse(html.contains("<td>10</td>"));
        assertTrue(html.contains("<td>95</td>") && html.contains("<td>99</td>"), "last five rows");
        assertTrue(html.contains("85 rows not shown"));
        assertTrue(html.contains("100 rows &times; 1 columns"));
    }

    @Test
    void cellTextIsEscaped() {
        Table table = Table.create("t", StringColumn.create("text", "<script>alert(1)</script>"));
        assertTrue(RichDisplay.tableHtml(table).contains("&lt;script&gt;"));
    }

    @Test
    void figuresCarryPlotlyOnceThenWaitForIt(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        Path library = folder.resolve("plotly.min.js");
        Files.writeString(library, "window.Plotly = {}; var s = '</script>';");
        PlotlyLoader loader = new PlotlyLoader(library);
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 3, 4));
        Figure figure = ScatterPlot.create("title", t, "x", "y");

        String first = RichDisplay.figureHtml(figure, loader);
        String second = RichDisplay.figureHtml(figure, loader);

        assertTrue(first.contains("window.__workbookDefine = window.define; window.define = undefined;"));
        assertTrue(first.contains("<\\/script>"), "a </script> inside the library must not end the inline script");
        assertFalse(second.contains("window.Plotly = {}"), "the library is sent once per session");
        for (String html : new String[] {first, second}) {
            assertTrue(html.contains("Plotly.newPlot"));
            assertTrue(html.contains("if (!window.Plotly)"));
            assertFalse(html.contains("cdn.plot.ly"));
        }
        assertTrue(second.matches("(?s).*var target_plot[0-9a-f]{32} = .*"), "the div id must be a valid JavaScript name");
    }

    @Test
    void aFigureAsTextNamesItsTitleAndTracesTheSameEveryRun() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 3, 4));
        assertEquals("Figure: monthly means (1 trace)", Displays.text(ScatterPlot.create("monthly means", t, "x", "y")));
        assertEquals("Figure: (untitled) (0 traces)", Displays.text(new Figure()));
    }

    @Test
    void withoutALocalLibraryPlotsFallBackToTheCdn() {
        PlotlyLoader loader = new PlotlyLoader(Path.of("/no/such/plotly.js"));
        assertFalse(loader.isLocal());
        assertTrue(loader.loaderHtmlOnce().contains(PlotlyLoader.CDN_FALLBACK));
    }
}
