/**
 * {@code ./workbook bench}: the benchmark harness ({@link workbook.bench.Bench}, {@link workbook.bench.BenchSuite},
 * {@link workbook.bench.BenchResult}) and its suites, from-scratch and DJL training speed measured in the same run and
 * the classical models' speed ({@link workbook.bench.ClassicBench}), printed as ratios against their targets and
 * written to {@code target/bench/results.json}.
 *
 * <p>May import the teaching packages it measures; none of them imports it ({@code workbook.LibraryArtifactTest}
 * checks that, since the library artifact leaves this package out).
 */
package workbook.bench;
