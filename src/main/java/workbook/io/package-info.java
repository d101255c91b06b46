/**
 * Saved models: {@link workbook.io.ModelFile}, the file format both model families ({@code workbook.scratch} and
 * {@code workbook.djl}) write and read, with a header that names the architecture so that a mismatched, truncated
 * or damaged file is refused before any weight changes.
 *
 * <p>May import: nothing of the workbook.
 */
package workbook.io;
