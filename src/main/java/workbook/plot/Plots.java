package workbook.plot;

import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.TimeSeriesPlot;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;
import workbook.classic.Correlogram;
import workbook.classic.Forecast;
import workbook.classic.SeasonalDecomposition;
import workbook.data.Columns;
import workbook.data.Windows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One-line figures for the notebooks. Each returns a Tablesaw/plotly {@link Figure} (the kernel
 * displays it; no CDN is referenced: the page that shows it supplies plotly.js). Dates go on a
 * real date axis (built like {@code TimeSeriesPlot}; a LinePlot of LocalDate shows packed integers).
 *
 * <pre>{@code
 * Plots.timeSeries(Datasets.airPassengers(), "month", "passengers", "Airline passengers", "passengers (thousands)");
 * Plots.lines("Forecasts", "passengers (thousands)", Plots.series("actual", months, y), Plots.series("AR(2)", testMonths, f));
 * Plots.correlogram(Correlogram.acf(y, 36));
 * Plots.lossCurve(history);   // columns epoch, train_loss, val_loss
 * }</pre>
 */
public final class Plots {

    private static final int HEIGHT = 420;

    /**
     * The plotly.js the figures are drawn with (the kernel's and {@link #save}'s copy): Tablesaw's plot code uses the
     * plotly v1/v2 API, and with plotly 3+ every title silently disappears.
     */
    public static final String PLOTLY_VERSION = "2.35.3";

    private Plots() {
    }

    /** One named series for a date axis. */
    public record DatedSeries(String name, LocalDate[] dates, double[] values) {
        public DatedSeries {
            if (dates.length != values.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + dates.length + " dates but "
                        + values.length + " values");
            }
        }
    }

    /** A named series for {@link #lines}: its dates and values must have the same length. */
    public static DatedSeries series(String name, LocalDate[] dates, double[] values) {
        return new DatedSeries(name, dates, values);
    }

    /** One numeric column of a table over its date column. */
    public static Figure timeSeries(Table table, String dateColumn, String valueColumn, String title, String yTitle) {
        Columns.require(table, valueColumn);
        Figure figure = TimeSeriesPlot.create(title, table, dateColumn, valueColumn);
        figure.setLayout(layout(title, dateColumn, yTitle).build());
        return figure;
    }

    /** Several series on one date axis, e.g. the actual values and some forecasts. */
    public static Figure lines(String title, String yTitle, DatedSeries... series) {
        List<Trace> traces = new ArrayList<>();
        for (DatedSeries s : series) {
            traces.add(ScatterTrace.builder(dateColumn(s.name(), s.dates()), DoubleColumn.create(s.name(), s.values()))
                    .mode(ScatterTrace.Mode.LINE).name(s.name()).build());
        }
        return new Figure(layout(title, "date", yTitle).showLegend(true).build(), traces.toArray(new Trace[0]));
    }

    /**
     * A series with its trailing rolling mean and rolling standard deviation: a quick look at
     * whether level and spread stay constant (stationarity).
     */
    public static Figure rollingStatistics(String title, String yTitle, LocalDate[] dates, double[] values, int window) {
        return lines(title, yTitle, series("series", dates, values),
                series("rolling mean (" + window + ")", dates, workbook.classic.Rolling.mean(values, window)),
                series("rolling std (" + window + ")", dates, workbook.classic.Rolling.std(values, window)));
    }

    /**
     * History, forecast and its prediction interval as a shaded band.
     */
    public static Figure forecast(String title, String yTitle, LocalDate[] historyDates, double[] history,
                                  LocalDate[] forecastDates, Forecast forecast) {
        if (forecastDates.length != forecast.horizon()) {
            throw new IllegalArgumentException(forecastDates.length + " forecast dates for a horizon of " + forecast.horizon());
        }
        String band = String.format(java.util.Locale.ROOT, "%.0f%% interval", forecast.level() * 100);
        Trace lower = ScatterTrace.builder(dateColumn("lower", forecastDates), DoubleColumn.create("lower", forecast.lower()))
                .mode(ScatterTrace.Mode.LINE).line(Line.builder().width(0).build()).name(band + " (lower)").build();
        Trace upper = ScatterTrace.builder(dateColumn("upper", forecastDates), DoubleColumn.create("upper", forecast.upper()))
                .mode(ScatterTrace.Mode.LINE).line(Line.builder().width(0).build()).fill(ScatterTrace.Fill.TO_NEXT_Y)
                .fillColor("rgba(31,119,180,0.2)").name(band).build();
        Trace observed = ScatterTrace.builder(dateColumn("history", historyDates), DoubleColumn.create("history", history))
                .mode(ScatterTrace.Mode.LINE).name("observed").build();
        Trace mean = ScatterTrace.builder(dateColumn("forecast", forecastDates), DoubleColumn.create("forecast", forecast.mean()))
                .mode(ScatterTrace.Mode.LINE).line(Line.builder().dash(Line.Dash.DASH).build()).name("forecast").build();
        return new Figure(layout(title, "date", yTitle).showLegend(true).build(), lower, upper, observed, mean);
    }

    /** Lines of y against a numeric x, e.g. a loss against the learning rate. Series are (name, y) pairs sharing x. */
    public static Figure xy(String title, String xTitle, String yTitle, double[] x, String name, double[] y, Object... moreNamesAndValues) {
        if (moreNamesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("give further series as name, values pairs");
        }
        List<Trace> traces = new ArrayList<>();
        traces.add(xyTrace(x, name, y));
        for (int i = 0; i < moreNamesAndValues.length; i += 2) {
            traces.add(xyTrace(x, (String) moreNamesAndValues[i], (double[]) moreNamesAndValues[i + 1]));
        }
        return new Figure(layout(title, xTitle, yTitle).showLegend(traces.size() > 1).build(), traces.toArray(new Trace[0]));
    }

    /**
     * Training curves from a table with columns {@code epoch}, {@code train_loss} and, if present,
     * {@code val_loss} (as the scratch and DJL trainers record them).
     */
    public static Figure lossCurve(Table history) {
        return lossCurve(history, "Training and validation loss", "loss");
    }

    public static Figure lossCurve(Table history, String title, String yTitle) {
        double[] epoch = Columns.doubles(history, "epoch");
        List<Trace> traces = new ArrayList<>();
        traces.add(xyTrace(epoch, "train", Columns.doubles(history, "train_loss")));
        if (history.columnNames().contains("val_loss")) {
            traces.add(xyTrace(epoch, "validation", Columns.doubles(history, "val_loss")));
        }
        return new Figure(layout(title, "epoch", yTitle).showLegend(true).build(), traces.toArray(new Trace[0]));
    }

    /** ACF or PACF bars with the confidence band (bars outside it differ significantly from zero). */
    public static Figure correlogram(Correlogram c) {
        return correlogram(c, c.kind() + String.format(java.util.Locale.ROOT, " with %.0f%% band (n = %d)",
                (1 - c.alpha()) * 100, c.observations()));
    }

    public static Figure correlogram(Correlogram c, String title) {
        int lags = c.values().length;
        Object[] lagLabels = new Object[lags];
        double[] lagNumbers = new double[lags];
        double[] upper = new double[lags];
        double[] lower = new double[lags];
        for (int k = 0; k < lags; k++) {
            lagLabels[k] = k;
            lagNumbers[k] = k;
            upper[k] = c.halfWidth()[k];
            lower[k] = -c.halfWidth()[k];
        }
        Trace bars = BarTrace.builder(lagLabels, c.values()).name(c.kind()).build();
        Trace bandLow = ScatterTrace.builder(lagNumbers, lower).mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().width(0).build()).name("band (lower)").build();
        Trace bandHigh = ScatterTrace.builder(lagNumbers, upper).mode(ScatterTrace.Mode.LINE)
                .line(Line.builder().width(0).build()).fill(ScatterTrace.Fill.TO_NEXT_Y)
                .fillColor("rgba(31,119,180,0.2)").name("confidence band").build();
        return new Figure(layout(title, "lag", "correlation").showLegend(false).build(), bandLow, bandHigh, bars);
    }

    /**
     * Three stacked panels sharing the date axis: observed with its trend, seasonal, residual.
     * (Tablesaw's layout template writes at most three y axes, so observed and trend share one.)
     */
    public static Figure decomposition(SeasonalDecomposition d, LocalDate[] dates, String title, String units) {
        if (dates.length != d.observed().length) {
            throw new IllegalArgumentException(dates.length + " dates for a series of " + d.observed().length + " points");
        }
        String[] names = {"observed", "trend", "seasonal", "residual"};
        double[][] parts = {d.observed(), d.trend(), d.seasonal(), d.residual()};
        String[] axes = {"y3", "y3", "y2", "y"};
        Trace[] traces = new Trace[4];
        for (int i = 0; i < 4; i++) {
            traces[i] = ScatterTrace.builder(dateColumn(names[i], dates), DoubleColumn.create(names[i], parts[i]))
                    .mode(ScatterTrace.Mode.LINE).name(names[i]).yAxis(axes[i]).build();
        }
        boolean multiplicative = d.model() == SeasonalDecomposition.Model.MULTIPLICATIVE;
        Layout layout = Layout.builder(title).height(2 * HEIGHT).showLegend(true)
                .xAxis(Axis.builder().title("date").build())
                .yAxis3(Axis.builder().title("observed, trend (" + units + ")").domain(0.70f, 1f).build())
                .yAxis2(Axis.builder().title(multiplicative ? "seasonal (factor)" : "seasonal (" + units + ")").domain(0.36f, 0.64f).build())
                .yAxis(Axis.builder().title(multiplicative ? "residual (factor)" : "residual (" + units + ")").domain(0f, 0.30f).build())
                .build();
        return new Figure(layout, traces);
    }

    /**
     * One window of a windowed series: the inputs of {@code column} as a line, the labels as
     * markers, on the row numbers of the original series.
     */
    public static Figure window(Windows windows, int index, String column) {
        return window(windows, index, column, null);
    }

    /** {@link #window(Windows, int, String)} plus a model's predictions for the label steps. */
    public static Figure window(Windows windows, int index, String column, double[] predictions) {
        return window(windows, index, column, predictions,
                "Window " + index + " of " + windows.size(), column);
    }

    /**
     * {@link #window(Windows, int, String, double[])} with a title that says what to see and a
     * y-axis title with units; {@code predictions} may be null.
     */
    public static Figure window(Windows windows, int index, String column, double[] predictions, String title, String yTitle) {
        if (index < 0 || index >= windows.size()) {
            throw new IllegalArgumentException("window " + index + " does not exist; there are " + windows.size());
        }
        List<Trace> traces = new ArrayList<>();
        int feature = windows.featureNames().indexOf(column);
        if (feature >= 0) {
            double[] values = new double[windows.inputOffsets().length];
            for (int t = 0; t < values.length; t++) {
                values[t] = windows.inputs()[index][t][feature];
            }
            traces.add(ScatterTrace.builder(toDoubles(windows.inputRows(index)), values)
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS).name("inputs").build());
        }
        int label = windows.labelNames().indexOf(column);
        if (label < 0 && feature < 0) {
            throw new IllegalArgumentException("column '" + column + "' is neither a feature " + windows.featureNames()
                    + " nor a label " + windows.labelNames());
        }
        double[] labelRows = toDoubles(windows.labelRows(index));
        if (label >= 0) {
            double[] values = new double[labelRows.length];
            for (int t = 0; t < values.length; t++) {
                values[t] = windows.labels()[index][t][label];
            }
            traces.add(ScatterTrace.builder(labelRows, values).mode(ScatterTrace.Mode.MARKERS)
                    .marker(Marker.builder().size(10).build()).name("labels").build());
        }
        if (predictions != null) {
            if (predictions.length != labelRows.length) {
                throw new IllegalArgumentException(predictions.length + " predictions for " + labelRows.length + " label steps");
            }
            traces.add(ScatterTrace.builder(labelRows, predictions).mode(ScatterTrace.Mode.MARKERS)
                    .marker(Marker.builder().size(10).symbol(tech.tablesaw.plotly.components.Symbol.DIAMOND).build())
                    .name("predictions").build());
        }
        return new Figure(layout(title, "row of the series", yTitle).showLegend(true).build(),
                traces.toArray(new Trace[0]));
    }

    /**
     * A heatmap, e.g. attention weights: {@code values[row][column]}, rows drawn top to bottom.
     */
    public static Figure heatmap(double[][] values, String[] rowLabels, String[] columnLabels, String title,
                                 String xTitle, String yTitle) {
        if (values.length != rowLabels.length || (values.length > 0 && values[0].length != columnLabels.length)) {
            throw new IllegalArgumentException("values are " + values.length + "×" + (values.length == 0 ? 0 : values[0].length)
                    + " but there are " + rowLabels.length + " row and " + columnLabels.length + " column labels");
        }
        // plotly draws the first row at the bottom; reverse so that row 0 is on top, as in a matrix
        double[][] flipped = new double[values.length][];
        Object[] flippedRows = new Object[rowLabels.length];
        for (int i = 0; i < values.length; i++) {
            flipped[i] = values[values.length - 1 - i];
            flippedRows[i] = rowLabels[rowLabels.length - 1 - i];
        }
        Trace trace = HeatmapTrace.builder(columnLabels.clone(), flippedRows, flipped).build();
        Layout layout = layout(title, xTitle, yTitle).build();
        return new Figure(layout, trace);
    }

    /**
     * Saves a figure: {@code .html} writes a page with plotly.js inlined, which opens offline; {@code .png} has a
     * headless Chromium draw that page. plotly.js comes from {@code -Dworkbook.plotly.js}, else the library jar,
     * else {@code .workbook/} (where {@code ./workbook env} puts it), never from a CDN; the browser from {@code -Dworkbook.chromium} or the
     * PATH. Returns the absolute path written.
     */
    public static Path save(Figure figure, Path file) throws IOException {
        return FigureFiles.save(figure, file, FigureFiles.plotlyJs(), System.getProperty("workbook.chromium"));
    }

    private static Trace xyTrace(double[] x, String name, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + y.length + " values for " + x.length + " x values");
        }
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name(name).build();
    }

    private static Layout.LayoutBuilder layout(String title, String xTitle, String yTitle) {
        return Layout.builder(title).height(HEIGHT)
                .xAxis(Axis.builder().title(xTitle).build())
                .yAxis(Axis.builder().title(yTitle).build());
    }

    private static DateColumn dateColumn(String name, LocalDate[] dates) {
        return DateColumn.create(name, Arrays.asList(dates));
    }

    private static double[] toDoubles(int[] v) {
        return Arrays.stream(v).asDoubleStream().toArray();
    }

}
