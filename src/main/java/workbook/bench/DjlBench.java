package workbook.bench;

import workbook.djl.History;
import workbook.djl.Models;
import workbook.djl.RecurrentModel;
import workbook.djl.TrainData;
import workbook.model.CellKind;
import workbook.model.Fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * DJL training speed: RNN, LSTM and GRU, hidden 64, dense head 1, MSE, Adam, batch 32, 50 steps of 1 feature,
 * one epoch over 2,000 windows. The same configuration as src/test/python/bench/torch_bench.py for PyTorch.
 * The engine's threads come from -Dai.djl.pytorch.num_threads / -Dai.djl.pytorch.num_interop_threads; the rows
 * ending in {@code .threads2} are measured on two intra-op threads.
 */
public final class DjlBench implements BenchSuite {

    static final int WINDOWS = 2000;
    static final int STEPS = 50;
    static final int BATCH = 32;
    static final int HIDDEN = 64;
    static final int MEASURED_EPOCHS = 3;
    static final CellKind[] KINDS = {CellKind.RNN_TANH, CellKind.LSTM, CellKind.GRU};

    @Override
    public String title() {
        return "DJL, PyTorch engine, " + Models.threads() + " intra-op thread(s)";
    }

    @Override
    public List<BenchResult> run() {
        Random rng = new Random(1);
        double[][][] x = new double[WINDOWS][STEPS][1];
        double[][] y = new double[WINDOWS][1];
        double[] series = new double[WINDOWS + STEPS];
        for (int i = 0; i < series.length; i++) {
            series[i] = Math.sin(i / 8.0) + 0.1 * rng.nextGaussian();
        }
        for (int i = 0; i < WINDOWS; i++) {
            for (int t = 0; t < STEPS; t++) {
                x[i][t][0] = series[i + t];
            }
            y[i][0] = series[i + STEPS];
        }
        TrainData data = TrainData.of(x, y);
        List<BenchResult> results = new ArrayList<>();
        for (CellKind kind : KINDS) {
            results.addAll(measure(kind, data, ""));
        }
        // The same on two intra-op threads, so the from-scratch figures on two threads can be set against DJL's on
        // two as well as its best. (These products are too small to split: a fit keeps them on one MKL thread,
        // BlasThreads, and the element-wise kernels are below libtorch's grain size, so two threads gain nothing.)
        int threads = Models.threads();
        Models.threads(2);
        try {
            for (CellKind kind : KINDS) {
                results.addAll(measure(kind, data, ".threads2"));
            }
        } finally {
            Models.threads(threads);
        }
        return results;
    }

    private static List<BenchResult> measure(CellKind kind, TrainData data, String suffix) {
        try (RecurrentModel model = RecurrentModel.of(kind, HIDDEN).outputs(1).build()) {
            // One warm-up epoch (native code paths, allocator), then the measured ones.
            History h = model.fit(data, Fit.epochs(1 + MEASURED_EPOCHS).batchSize(BATCH).progress(false));
            double seconds = h.epochs().stream().skip(1).mapToDouble(History.Epoch::seconds).min().orElseThrow();
            String config = ".b" + BATCH + ".t" + STEPS + ".h" + HIDDEN;
            return List.of(
                    new BenchResult("train." + kind.shortName() + ".djl" + config + suffix, "sequences/s", WINDOWS / seconds),
                    new BenchResult("epoch." + kind.shortName() + ".djl.n" + WINDOWS + config + suffix, "s", seconds));
        }
    }
}
