/**
 * {@code ./workbook export}: each notebook as a plain Java program. Not part of the library: it uses the JDK's
 * JShell (to split cells into snippets and classify them, evaluating nothing) and its compiler (to check the
 * programs against the library alone).
 *
 * <p>May import: {@code workbook.kernel}, {@code workbook.display}.
 */
package workbook.export;
