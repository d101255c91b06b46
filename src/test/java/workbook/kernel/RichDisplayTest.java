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

    @Test
    void aFigureBecomesPlotlyJsonWithItsDataLayoutAndUnescapedText() {
        java.time.LocalDate[] months = {java.time.LocalDate.of(1949, 1, 1), java.time.LocalDate.of(1949, 2, 1)};
        Figure figure = workbook.plot.Plots.lines("Passengers' \"mean\" <&> trend", "passengers (thousands)",
                workbook.plot.Plots.series("actual", months, new double[] {112.0, 118.5}),
                workbook.plot.Plots.series("AR(2)", months, new double[] {110.25, Double.NaN}));
        com.google.gson.JsonObject json = FigureJson.of(figure);
        assertEquals("Passengers' \"mean\" <&> trend", json.getAsJsonObject("layout").get("title").getAsString());
        assertEquals("passengers (thousands)", json.getAsJsonObject("layout").getAsJsonObject("yaxis").get("title").getAsString());
        com.google.gson.JsonArray data = json.getAsJsonArray("data");
        assertEquals(2, data.size());
        assertEquals("actual", data.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("AR(2)", data.get(1).getAsJsonObject().get("name").getAsString());
        assertEquals("[\"1949-01-01\",\"1949-02-01\"]", data.get(0).getAsJsonObject().get("x").toString());
        assertEquals(118.5, data.get(0).getAsJsonObject().getAsJsonArray("y").get(1).getAsDouble());
        assertEquals(110.25, data.get(1).getAsJsonObject().getAsJsonArray("y").get(0).getAsDouble());
        assertEquals("scatter", data.get(0).getAsJsonObject().get("type").getAsString());
    }

    @Test
    void everyKindOfWorkbookFigureConvertsToPlotlyJson() {
        double[] y = new double[48];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(i / 3.0) + i / 10.0;
        }
        double[] x = IntStream.range(0, y.length).asDoubleStream().toArray();
        Table history = Table.create("history", IntColumn.create("epoch", 1, 2, 3),
                DoubleColumn.create("train_loss", 0.9, 0.5, 0.3), DoubleColumn.create("val_loss", 1.0, 0.6, 0.45));
        java.util.Map<String, Figure> figures = new java.util.LinkedHashMap<>();
        figures.put("xy", workbook.plot.Plots.xy("xy", "x", "y", x, "sine", y));
        figures.put("lossCurve", workbook.plot.Plots.lossCurve(history));
        figures.put("correlogram", workbook.plot.Plots.correlogram(workbook.classic.Correlogram.acf(y, 12)));
        figures.put("heatmap", workbook.plot.Plots.heatmap(new double[][] {{0.1, 0.9}, {0.7, 0.3}},
                new String[] {"a", "b"}, new String[] {"c", "d"}, "attention", "to", "from"));
        for (java.util.Map.Entry<String, Figure> entry : figures.entrySet()) {
            com.google.gson.JsonObject json = FigureJson.of(entry.getValue());
            assertEquals(entry.getValue().getTraces().length, json.getAsJsonArray("data").size(), entry.getKey());
            assertTrue(json.getAsJsonObject("layout").has("title"), entry.getKey() + ": " + json);
        }
        com.google.gson.JsonObject heat = FigureJson.of(figures.get("heatmap")).getAsJsonArray("data").get(0).getAsJsonObject();
        assertEquals("heatmap", heat.get("type").getAsString());
        assertEquals(0.7, heat.getAsJsonArray("z").get(0).getAsJsonArray().get(0).getAsDouble(), "row 0 drawn on top");
    }

    @Test
    void trailingCommasGoButCommasInsideStringsStay() {
        assertEquals("{a: 'x, }', b: [1, 2]}", FigureJson.withoutTrailingCommas("{a: 'x, }', b: [1, 2,],}"));
        assertEquals("{t: \"it\\\", ]\"}", FigureJson.withoutTrailingCommas("{t: \"it\\\", ]\",}"));
    }
}
