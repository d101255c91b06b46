package workbook.bench;

import workbook.model.CellKind;
import workbook.model.Fit;
import workbook.scratch.CharRnn;
import workbook.scratch.Model;
import workbook.scratch.Optimizer;
import workbook.scratch.Recurrent;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training speed of the from-scratch networks (one thread, plain Java):
 * <ul>
 *   <li>{@code charrnn.scratch.h100.t25}: min-char-rnn's setting (hidden 100, chunks of 25 characters, Adagrad 0.1)
 *       on Pride and Prejudice, in characters/s;</li>
 *   <li>{@code train.{rnn,lstm,gru}.scratch.b32.t50.h64}: windows of 50 steps of one feature, batch 32,
 *       hidden 64, dense head 1, MSE, Adam, in sequences/s (the same setting as the DJL suite's {@code train.*.djl.*});</li>
 *   <li>{@code train.{rnn,lstm,gru}.scratch.b32.t50.h64.threads2}: the same on two threads
 *       ({@link Model.Builder#threads(int)}: each thread takes half of every batch).</li>
 * </ul>
 * One-thread figures come twice: by the wall clock, and ({@code .cputime}) by the thread's CPU time.
 * Where the time goes (LSTM training, one thread): about half in the matrix products (W_hh h forward,
 * ∂h = ∂gates · W_hh and ∂W_hh backward, vectorised by the JIT), a third in exp for σ and tanh (five per unit
 * and step; the JIT does not vectorise Math.exp on Java 17), the rest in the cells, copies and the optimiser.
 * A layer keeps only the current step's projections and their gradients, so two threads do not compete for memory.
 */
public final class ScratchBench implements BenchSuite {

    static final Path TEXT = Path.of("data", "prideprejudice.txt");

    /**
     * Items per second by the wall clock, and by this thread's CPU time. On a shared machine the second does not
     * count the time other processes had the core, so it is the steadier figure for comparing code changes.
     */
    record Rate(double wall, double cpu) {
        static Rate of(double items, long wallNanos, long cpuNanos) {
            return new Rate(items / (wallNanos / 1e9), items / (cpuNanos / 1e9));
        }
    }

    private static long cpuNow() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Override
    public String title() {
        return "from-scratch (plain Java; one thread unless the name ends in .threads2)";
    }

    @Override
    public List<BenchResult> run() throws IOException {
        List<BenchResult> results = new ArrayList<>();
        Rate chars = charRnn(readText());
        results.add(new BenchResult("charrnn.scratch.h100.t25", "characters/s", chars.wall()));
        results.add(new BenchResult("charrnn.scratch.h100.t25.cputime", "characters/s", chars.cpu()));
        for (CellKind kind : new CellKind[] {CellKind.RNN_TANH, CellKind.LSTM, CellKind.GRU}) {
            String name = "train." + kind.shortName() + ".scratch.b32.t50.h64";
            Rate rate = windows(kind, 1);
            results.add(new BenchResult(name, "sequences/s", rate.wall()));
            results.add(new BenchResult(name + ".cputime", "sequences/s", rate.cpu()));
            results.add(new BenchResult(name + ".threads2", "sequences/s", windows(kind, 2).wall()));
        }
        return results;
    }

    static String readText() throws IOException {
        if (!Files.isRegularFile(TEXT)) {
            throw new IOException("the char-rnn benchmark reads " + TEXT + " relative to the working directory ("
                    + Path.of("").toAbsolutePath() + "), and it is not there; run the benchmark from the repository root");
        }
        return Files.readString(TEXT, StandardCharsets.UTF_8);
    }

    /** Characters per second of CharRnn training: warm-up, then about three seconds of chunks. */
    static Rate charRnn(String text) {
        CharRnn rnn = CharRnn.builder(text).hidden(100).sequenceLength(25).learningRate(0.1).seed(42).build();
        rnn.train(2_000);
        long chunks = 0;
        long start = System.nanoTime();
        long cpuStart = cpuNow();
        while (System.nanoTime() - start < 3_000_000_000L) {
            rnn.train(500);
            chunks += 500;
        }
        return Rate.of(chunks * 25.0, System.nanoTime() - start, cpuNow() - cpuStart);
    }

    /**
     * Sequences per second of Model.fit on 2,000 windows of a noisy sine: one warm-up epoch, then the best of three
     * timed epochs (as the DJL suite and src/test/python/bench/torch_bench.py measure, so the three compare).
     * The CPU-time figure counts only this thread, so it means something for one thread only.
     */
    static Rate windows(CellKind kind, int threads) {
        int count = 2_000;
        int time = 50;
        SplittableRandom random = new SplittableRandom(1);
        double[] series = new double[count + time + 1];
        for (int k = 0; k < series.length; k++) {
            series[k] = Math.sin(k * 0.07) + 0.1 * random.nextGaussian();
        }
        double[][][] x = new double[count][time][1];
        double[][] y = new double[count][1];
        for (int n = 0; n < count; n++) {
            for (int t = 0; t < time; t++) {
                x[n][t][0] = series[n + t];
            }
            y[n][0] = series[n + time];
        }
        Model model = Model.builder(Recurrent.of(kind, 1, 64).seed(42).build()).outputs(1).optimizer(Optimizer.adam(0.001))
                .threads(threads).build();
        Fit oneEpoch = Fit.epochs(1).batchSize(32).progress(false);
        model.fit(x, y, oneEpoch);
        Rate best = null;
        for (int epoch = 0; epoch < 3; epoch++) {
            long start = System.nanoTime();
            long cpuStart = cpuNow();
            model.fit(x, y, oneEpoch);
            Rate rate = Rate.of(count, System.nanoTime() - start, cpuNow() - cpuStart);
            if (best == null || rate.wall() > best.wall()) {
                best = rate;
            }
        }
        return best;
    }
}
