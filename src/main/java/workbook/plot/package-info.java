/**
 * One-line Tablesaw/plotly figures for the notebooks ({@link workbook.plot.Plots}): time series on a
 * date axis, forecasts with intervals, correlograms, decompositions, windows, loss curves, heatmaps.
 * Plots draw results; they compute no models.
 *
 * <p>May import: {@code workbook.data}, {@code workbook.classic}, {@code workbook.display}.
 */
package workbook.plot;
