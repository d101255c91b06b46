/**
 * Real data for the workbook: loaders for the data sets in {@code data/} or, outside the repository, the library
 * jar ({@link workbook.data.Datasets}, {@link workbook.data.DataFiles}), any CSV file or URL as a table
 * ({@link workbook.data.Datasets#csv(java.nio.file.Path, String...)}), a checked CSV loader for the reader's own
 * series ({@link workbook.data.CsvSeries}), chronological
 * splits, scalers fitted on the training part only, and windows of (inputs, labels) as plain arrays
 * ({@link workbook.data.WindowGenerator}). Nothing here knows about neural networks.
 *
 * <p>May import: {@code workbook.display}.
 */
package workbook.data;
