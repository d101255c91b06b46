/**
 * {@code ./workbook bench}: the benchmark harness ({@link workbook.bench.Bench}, {@link workbook.bench.BenchSuite},
 * {@link workbook.bench.BenchResult}) and its suites, from-scratch and DJL training speed measured in the same run,
 * printed as ratios against their targets and written to {@code target/bench/results.json}.
 *
 * <p>May import the teaching packages it measures; none of them imports it.
 */
package workbook.bench;
