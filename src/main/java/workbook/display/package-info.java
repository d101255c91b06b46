/**
 * Where the teaching code shows things and how long loops stop: {@link workbook.display.Displays} (the current
 * {@link workbook.display.DisplaySink}: the console in a plain program, the notebook once the kernel installs its
 * own) and {@link workbook.display.Interruption} (the checkpoint that lets the notebook's interrupt button stop
 * training, backtests and sampling between two steps, keeping what was done).
 *
 * <p>May import: nothing of the workbook. Every other package may use it, and the kernel plugs into it.
 */
package workbook.display;
