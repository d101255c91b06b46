/**
 * Exercise checkers for course use. Every checker reports through {@link workbook.check.Check}, one
 * line per verdict that {@code ./workbook grade} reads: {@code PASSED exercise 2: ...} or
 * {@code NOT YET exercise 2: <hint>}. A hint names the input that failed and what was expected
 * and what came, never the solution.
 */
package workbook.check;
