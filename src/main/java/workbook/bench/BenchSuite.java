package workbook.bench;

import java.util.List;

/** A group of measurements that {@link Bench} runs and reports together. */
public interface BenchSuite {

    /** A short title for the printed table, e.g. "from-scratch (plain Java)". */
    String title();

    /** Runs the measurements (warm-up included) and returns their figures. */
    List<BenchResult> run() throws Exception;
}
