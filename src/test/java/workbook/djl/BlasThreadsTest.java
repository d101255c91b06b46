package workbook.djl;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlasThreadsTest {

    private static boolean linuxX86() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64");
    }

    @Test
    void smallProductsRunOnOneMklThreadWhileTheScopeIsOpenAndTheSettingComesBack() {
        if (linuxX86()) {
            // the workbook's libtorch for Linux x86-64 links MKL: the scope must work there, not fall back silently
            assertTrue(BlasThreads.available(), "libtorch_cpu does not export MKL_Set_Num_Threads_Local");
        }
        if (!BlasThreads.available()) {
            return;
        }
        int before = Models.threads();
        try {
            Models.threads(2);
            assertEquals(2, BlasThreads.onThisThread());
            // an RNN of hidden 64 at batch 32: 32 × 4096 multiply-adds per step
            try (BlasThreads small = BlasThreads.forProducts(32, 64 * 64)) {
                assertEquals(1, BlasThreads.onThisThread());
            }
            assertEquals(2, BlasThreads.onThisThread());
            // hidden 256 at batch 64: big enough for the split to pay, left alone
            try (BlasThreads big = BlasThreads.forProducts(64, 256 * 256)) {
                assertEquals(2, BlasThreads.onThisThread());
            }
            // only the calling thread: another thread still sees the engine's two
            try (BlasThreads small = BlasThreads.forProducts(32, 64 * 64)) {
                int[] other = new int[1];
                Thread t = new Thread(() -> other[0] = BlasThreads.onThisThread());
                t.start();
                t.join();
                assertEquals(2, other[0]);
                assertEquals(1, BlasThreads.onThisThread());
            }
            Models.threads(1);
            try (BlasThreads one = BlasThreads.forProducts(32, 64 * 64)) {
                assertEquals(1, BlasThreads.onThisThread());
            }
            assertEquals(1, BlasThreads.onThisThread());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            Models.threads(before);
        }
    }

    @Test
    void aFitOnTwoThreadsGivesTheMklSettingBack() {
        if (!BlasThreads.available()) {
            return;
        }
        int before = Models.threads();
        try {
            Models.threads(2);
            double[][][] x = new double[40][10][1];
            double[][] y = new double[40][1];
            for (int i = 0; i < 40; i++) {
                for (int t = 0; t < 10; t++) {
                    x[i][t][0] = Math.sin((i + t) / 5.0);
                }
                y[i][0] = Math.sin((i + 10) / 5.0);
            }
            try (RecurrentModel model = RecurrentModel.rnn(8).outputs(1).build()) {
                model.fit(TrainData.of(x, y), workbook.model.Fit.epochs(2).batchSize(8).progress(false));
            }
            assertEquals(2, BlasThreads.onThisThread());
        } finally {
            Models.threads(before);
        }
    }

    @Test
    void aNewThreadsFirstForwardPassRunsOnTheEnginesThreads() throws InterruptedException {
        if (!BlasThreads.available()) {
            return;
        }
        double[][][] x = new double[4][6][1];
        try (RecurrentModel model = RecurrentModel.lstm(8).outputs(1).inputFeatures(1).build()) {
            int[] seen = new int[1];
            // a notebook cell: a thread that has never called libtorch before
            Thread cell = new Thread(() -> {
                model.predict(x);
                seen[0] = BlasThreads.onThisThread();
            });
            cell.start();
            cell.join();
            assertEquals(Models.threads(), seen[0], "MKL threads on a new thread after a forward pass");
        }
    }
}
