/**
 * Real data for the workbook: loaders for the data sets in {@code data/} ({@link workbook.data.Datasets}),
 * a checked CSV loader for the reader's own series ({@link workbook.data.CsvSeries}), chronological
 * splits, scalers fitted on the training part only, and windows of (inputs, labels) as plain arrays
 * ({@link workbook.data.WindowGenerator}). Nothing here knows about neural networks.
 */
package workbook.data;
