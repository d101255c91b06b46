package workbook.bench;

/**
 * One figure of the benchmark. {@code name} is stable across runs (e.g. "train.lstm.scratch.b32.t50.h64")
 * so that results.json files from different days can be compared.
 */
public record BenchResult(String name, String unit, double value) {
}
