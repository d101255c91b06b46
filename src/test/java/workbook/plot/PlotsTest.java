package workbook.plot;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import workbook.classic.ArModel;
import workbook.classic.Correlogram;
import workbook.classic.Forecast;
import workbook.classic.SeasonalDecomposition;
import workbook.data.Columns;
import workbook.data.Datasets;
import workbook.data.WindowGenerator;
import workbook.data.Windows;

import java.time.LocalDate;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each figure renders to plotly JavaScript with its data, titles and axis titles, and no CDN. */
class PlotsTest {

    private static final Table AIR = Datasets.airPassengers();
    private static final LocalDate[] MONTHS = Columns.dates(AIR, "month");
    private static final double[] PASSENGERS = Columns.doubles(AIR, "passengers");

    private static String render(Figure figure) {
        String js = figure.divString("fig") + figure.asJavascript("fig");
        assertFalse(js.contains("cdn."), "no CDN reference");
        return js;
    }

    @Test
    void timeSeriesHasARealDateAxis() {
        String js = render(Plots.timeSeries(AIR, "month", "passengers", "Airline passengers", "passengers (thousands)"));
        assertTrue(js.contains("1949-01-01") && js.contains("1960-12-01"), "dates written as dates");
        assertTrue(js.contains("Airline passengers") && js.contains("passengers (thousands)"));
        assertThrows(IllegalArgumentException.class, () -> Plots.timeSeries(AIR, "month", "value", "t", "y"));
    }

    @Test
    void severalSeriesAndAForecastBand() {
        double[] log = Arrays.stream(PASSENGERS).map(Math::log).toArray();
        Forecast f = ArModel.fit(log, 2).forecast(12);
        LocalDate[] future = new LocalDate[12];
        for (int h = 0; h < 12; h++) {
            future[h] = MONTHS[143].plusMonths(h + 1);
        }
        String js = render(Plots.forecast("AR(2) forecast", "log passengers", MONTHS, log, future, f));
        assertTrue(js.contains("1961-12-01") && js.contains("95% interval") && js.contains("tonexty"));
        String lines = render(Plots.lines("Actual and smoothed", "passengers (thousands)",
                Plots.series("actual", MONTHS, PASSENGERS), Plots.series("last year", Arrays.copyOfRange(MONTHS, 132, 144),
                        Arrays.copyOfRange(PASSENGERS, 132, 144))));
        assertTrue(lines.contains("\"actual\"") || lines.contains("'actual'"));
        assertThrows(IllegalArgumentException.class, () -> Plots.series("bad", MONTHS, new double[3]));
    }

    @Test
    void correlogramDecompositionWindowLossXyHeatmap() {
        String rolling = render(Plots.rollingStatistics("Rolling statistics", "passengers (thousands)", MONTHS, PASSENGERS, 12));
        assertTrue(rolling.contains("rolling mean (12)") && rolling.contains("rolling std (12)"));
        String acf = render(Plots.correlogram(Correlogram.acf(PASSENGERS, 24)));
        assertTrue(acf.contains("ACF with 95% band (n = 144)") && acf.contains("lag") && acf.contains("bar"));
        String dec = render(Plots.decomposition(SeasonalDecomposition.multiplicative(PASSENGERS, 12), MONTHS,
                "Airline passengers, multiplicative decomposition", "thousands"));
        assertTrue(dec.contains("seasonal (factor)") && dec.contains("yaxis3") && dec.contains("observed, trend (thousands)"));

        Windows w = WindowGenerator.builder().inputWidth(12).labelWidth(3).shift(3).build().windows(PASSENGERS);
        String window = render(Plots.window(w, 0, "value", new double[]{1, 2, 3}));
        assertTrue(window.contains("predictions") && window.contains("row of the series"));
        String titled = render(Plots.window(w, 2, "value", null, "Twelve months in, three months out", "passengers (thousands)"));
        assertTrue(titled.contains("Twelve months in, three months out") && titled.contains("passengers (thousands)"));
        assertFalse(titled.contains("predictions"), "no prediction trace without predictions");

        Table history = Table.create("h", IntColumn.create("epoch", new int[]{1, 2, 3}),
                DoubleColumn.create("train_loss", new double[]{1, 0.5, 0.3}), DoubleColumn.create("val_loss", new double[]{1.1, 0.7, 0.6}));
        String loss = render(Plots.lossCurve(history));
        assertTrue(loss.contains("validation") && loss.contains("epoch"));
        IllegalArgumentException noEpoch = assertThrows(IllegalArgumentException.class,
                () -> Plots.lossCurve(history.copy().removeColumns("epoch")));
        assertTrue(noEpoch.getMessage().contains("'epoch'"));

        String xy = render(Plots.xy("Loss by learning rate", "learning rate", "loss", new double[]{0.001, 0.01}, "LSTM",
                new double[]{0.3, 0.2}, "GRU", new double[]{0.31, 0.25}));
        assertTrue(xy.contains("GRU") && xy.contains("learning rate"));

        String heat = render(Plots.heatmap(new double[][]{{0.9, 0.1}, {0.2, 0.8}}, new String[]{"out 1", "out 2"},
                new String[]{"in 1", "in 2"}, "Attention", "input step", "output step"));
        assertTrue(heat.contains("heatmap") && heat.contains("input step"));
    }
}
