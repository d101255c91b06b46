package workbook.kernel;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.plotly.components.Figure;
import workbook.display.Displays;
import workbook.display.FigureJson;

import java.util.UUID;

/**
 * How the kernel shows the workbook's objects: a Tablesaw {@link Figure} as an interactive plotly
 * plot (HTML with plotly.js, plus plotly's own JSON bundle for front ends that draw it natively), a Tablesaw {@link Table} as an HTML table (long tables shortened, with a note of what was
 * left out). Images ({@code BufferedImage}) and text are handled by the base library.
 */
final class RichDisplay {

    /** Tables longer than this show their first and last rows only. */
    static final int MAX_TABLE_ROWS = Displays.MAX_TABLE_ROWS;
    private static final int HEAD_ROWS = 10;
    private static final int TAIL_ROWS = 5;

    private RichDisplay() {
    }

    static void registerAll(Renderer renderer, PlotlyLoader plotly) {
        MIMEType plotlyJson = MIMEType.parse(FigureJson.MIME_TYPE);
        renderer.createRegistration(Figure.class)
                .preferring(MIMEType.TEXT_HTML, plotlyJson)
                .register((figure, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> figureHtml(figure, plotly));
                    // JupyterLab, VS Code and nbviewer draw this natively; classic Notebook and nbconvert use the HTML
                    context.renderIfRequested(plotlyJson, () -> FigureJson.of(figure));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Displays.text(figure));
                });
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((table, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> tableHtml(table));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Displays.text(table));
                });
    }

    static String figureHtml(Figure figure, PlotlyLoader plotly) {
        // Tablesaw turns the id into a JavaScript variable name: letters and digits only.
        String id = "plot" + UUID.randomUUID().toString().replace("-", "");
        String drawing = stripScriptTags(figure.asJavascript(id));
        // Local function scope: Tablesaw's script declares globals (layout, data) that would clash.
        return plotly.loaderHtmlOnce()
                + figure.divString(id)
                + "<script>(function () {\n"
                + PlotlyLoader.FETCH_FROM_KERNELSPEC
                + "  var tries = 0;\n"
                + "  function draw() {\n"
                + "    if (!window.Plotly) {\n"
                + "      if (tries === 0) { fetchPlotly(); }\n"
                + "      if (++tries < 400) { setTimeout(draw, 25); return; }\n"
                + "      document.getElementById('" + id + "').textContent ="
                + " 'plotly.js could not be loaded: restart the kernel and run all cells (./workbook installs it with the kernel).';\n"
                + "      return;\n"
                + "    }\n"
                + drawing + "\n"
                + "  }\n"
                + "  draw();\n"
                + "})();</script>\n";
    }

    private static String stripScriptTags(String html) {
        return html.replaceFirst("(?s)^\\s*<script[^>]*>", "").replaceFirst("(?s)</script>\\s*$", "");
    }

    static String tableHtml(Table table) {
        int rows = table.rowCount();
        StringBuilder html = new StringBuilder("<table class=\"workbook-table\">\n");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th>").append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        boolean shortened = rows > MAX_TABLE_ROWS;
        int head = shortened ? HEAD_ROWS : rows;
        appendRows(html, table, 0, head);
        if (shortened) {
            html.append("<tr><td colspan=\"").append(table.columnCount()).append("\">&#8942; ")
                    .append(rows - HEAD_ROWS - TAIL_ROWS).append(" rows not shown</td></tr>\n");
            appendRows(html, table, rows - TAIL_ROWS, rows);
        }
        html.append("</tbody>\n</table>\n<p>").append(rows).append(" rows &times; ")
                .append(table.columnCount()).append(" columns</p>\n");
        return html.toString();
    }

    private static void appendRows(StringBuilder html, Table table, int from, int to) {
        for (int row = from; row < to; row++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                html.append("<td>").append(escape(column.getString(row))).append("</td>");
            }
            html.append("</tr>\n");
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
