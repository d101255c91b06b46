/**
 * The workbook's Jupyter kernel for Java: JShell inside the kernel's own JVM, on jjava-jupyter's protocol layer
 * (kernelspec {@code java}, compatible with IJava notebooks).
 *
 * <ul>
 *   <li>{@link workbook.kernel.KernelMain} starts it; {@link workbook.kernel.JavaKernel} answers Jupyter's requests
 *       (execute, complete, inspect, is_complete, history, interrupt, shutdown) over a
 *       {@link workbook.kernel.KernelConnection}, whose channels drop a message they cannot read
 *       ({@link workbook.kernel.ChannelGuard}) and listen on.</li>
 *   <li>{@link workbook.kernel.CellEvaluator} runs a cell on a thread of its own, through
 *       {@link workbook.kernel.ValueKeepingExecutionControl} so that real objects (figures, tables) reach the
 *       display; {@link workbook.kernel.CellLoops}, {@link workbook.kernel.ExitGuard} and
 *       {@link workbook.kernel.KernelThreads} rewrite or refuse cell code that could not be interrupted, would end
 *       the JVM or would interrupt the kernel's own threads; {@link workbook.kernel.CellFailure} is what a failed
 *       cell shows.</li>
 *   <li>{@link workbook.kernel.RichDisplay}, {@link workbook.kernel.FigureJson} and
 *       {@link workbook.kernel.PlotlyLoader}: how figures and tables look, offline.</li>
 *   <li>{@link workbook.kernel.Magics} and {@link workbook.kernel.MavenDependencies}: IJava's magics
 *       ({@code %maven}, {@code %%loadFromPOM}, {@code %jars}, {@code %classpath}, {@code %load}, {@code %time}).</li>
 * </ul>
 *
 * <p>May import: {@code workbook.display}, {@code workbook.plot}. The kernel knows how to display things, not the
 * teaching code, and no library package imports it (only {@code workbook.export} does). The teaching packages
 * reach the notebook only through {@link workbook.display.DisplaySink}, which the kernel installs at start.
 */
package workbook.kernel;
