package workbook.display;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Tablesaw figure as plotly's JSON bundle. */
class FigureJsonTest {

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
