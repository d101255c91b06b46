/**
 * Exercise checkers for course use, all written one way: {@link workbook.check.Check#exercise Check.exercise(n, what)},
 * its inputs, then {@code compare(answer, reference)}. Every checker prints one verdict line that
 * {@code ./workbook grade} reads: {@code PASSED exercise 2: ...} or {@code NOT YET exercise 2: <hint>}. A hint names
 * the input that failed and what was expected and what came, never the solution.
 *
 * <h2>Adding an exercise: copy this</h2>
 * In the chapter's class {@code ChapterNN} (one per notebook), a public {@code exerciseN} that the notebook's checker
 * cell calls, and a package-private {@code checkN} that returns the verdict for the tests:
 * <pre>{@code
 * // The answer of exercise 2: the differences y[t] - y[t - lag], t = lag .. n-1.
 * public interface Difference {
 *     double[] apply(double[] series, int lag);
 * }
 *
 * // One input: a series and a lag.
 * record Args(double[] series, int lag) {
 * }
 *
 * // Exercise 2: what the notebook's checker cell calls.
 * public static void exercise2(Difference difference) {
 *     check2(difference);
 * }
 *
 * // Exercise 2's check; true when it passed (the verdict line is printed either way).
 * static boolean check2(Difference difference) {
 *     return Check.exercise(2, "your difference y[t] - y[t - lag]")   // 2: as in "**Exercise 2.**"
 *             .tolerance(1e-9)                                        // relative; 1e-9 is the default
 *             .on("a rising series, lag 1", new Args(new double[] {1, 2, 4, 7}, 1))
 *             .on("quarterly values, lag 4", new Args(new double[] {10, 20, 30, 40, 15, 25}, 4))
 *             .on("a lag as long as the series (not valid)", new Args(new double[] {1, 2}, 2))
 *             .describedAs(a -> "series " + Check.describe(a.series()) + ", lag " + a.lag())
 *             .hint((a, expected, got) -> got instanceof double[] g && g.length == a.series().length
 *                     ? "one difference per value from index lag on: n - lag values" : null)
 *             .inputUnchanged("write the differences into a new array")
 *             .compare(a -> difference.apply(a.series(), a.lag()),
 *                     a -> Differencing.difference(a.series(), a.lag()));
 * }
 * }</pre>
 * and in the notebook, below the exercise's solution cell, a checker cell {@code ChapterNN.exercise2(difference);}
 * ({@code ./workbook student} and {@code ./workbook grade} recognise it by that call).
 * <ul>
 * <li>{@code compare} runs the reference, then the answer, on each input in order and prints PASSED when they agree
 *     on all; otherwise NOT YET naming the first input that differs ("on a rising series, lag 1 (input series
 *     [1.0, 2.0, 4.0, 7.0], lag 1): expected [1.0, 2.0, 3.0], got ..."). Numbers agree within the tolerance;
 *     arrays, lists and records element by element; where arrays first differ beyond the shown elements is named.</li>
 * <li>An input on which the reference throws is an invalid input: the answer must throw the same type.</li>
 * <li>The student version's placeholder ({@link workbook.check.Check#placeholderMessage}) gets "not answered yet";
 *     any other exception names the input.</li>
 * <li>{@code hint}: a sentence for a typical mistake, added when the answer came back but differs (the first hint
 *     that does not return null). {@code inputUnchanged}: the answer receives the input itself and must not change it.
 *     {@code describedAs}: how an input is shown (default {@code Check.describe}: arrays and records with their contents).</li>
 * <li>Give the answer copies of arrays it could change ({@code a.series().clone()}) unless {@code inputUnchanged}
 *     is asked for.</li>
 * </ul>
 *
 * <h2>Modelling exercises</h2>
 * Where the student chooses (a window, an order, a threshold) and the checker trains and scores that choice on data
 * the student's code never saw, there is no reference to compare with: such a checker starts with
 * {@code if (!Check.onShippedData(n)) return false;} (a choice judged on edited data says nothing), then
 * {@code C chosen = Check.chosen(n, () -> design.design(beforeTest)); if (chosen == null) return false;}, and ends
 * with {@link workbook.check.Check#passed} or {@link workbook.check.Check#notYet}; see {@code Chapter14.check3}.
 *
 * <h2>Names</h2>
 * {@code ChapterNN.exerciseN(answer)}, N the exercise's number within its notebook. Names from before this rule
 * ({@code Chapter01.checkSeasonalDifference}, ...) remain as deprecated delegates, because notebooks that readers
 * and students already have call them.
 *
 * <p>May import: {@code workbook.display}, {@code workbook.io}, {@code workbook.model}, {@code workbook.data}, {@code workbook.scratch}, {@code workbook.classic}, {@code workbook.plot}, {@code workbook.djl}.
 * That is every teaching package; none of them imports this one.
 */
package workbook.check;
