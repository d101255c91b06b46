/**
 * {@code ./workbook bench}: the benchmark harness ({@link workbook.bench.Bench}, {@link workbook.bench.BenchSuite},
 * {@link workbook.bench.BenchResult}) and its suites, from-scratch and DJL training speed measured in the same run and
 * the classical models' speed ({@link workbook.bench.ClassicBench}), printed as ratios against their targets and
 * written to {@code target/bench/results.json}.
 *
 * <p>May import: {@code workbook.display}, {@code workbook.io}, {@code workbook.model}, {@code workbook.data}, {@code workbook.scratch}, {@code workbook.classic}, {@code workbook.plot}, {@code workbook.djl}.
 * That is every teaching package it measures; none of them imports this one ({@code workbook.LibraryArtifactTest}
 * checks that, since the library artifact leaves this package out).
 */
package workbook.bench;
