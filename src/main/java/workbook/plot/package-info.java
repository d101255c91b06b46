/**
 * One-line Tablesaw/plotly figures for the notebooks ({@link workbook.plot.Plots}): time series on a
 * date axis, forecasts with intervals, correlograms, decompositions, windows, loss curves, heatmaps.
 * Plots draw results; they compute no models.
 */
package workbook.plot;
