package workbook.djl;

import org.junit.jupiter.api.Test;
import workbook.model.CellKind;
import workbook.model.Fit;
import workbook.model.Output;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The names this package had before it took the shared vocabulary of {@code workbook.model} ({@code workbook.djl.Fit},
 * {@code workbook.djl.CellKind}, {@code RecurrentModel.Output}, {@code dense(n)}) still compile for readers' older
 * notebooks and train the very same model, digit for digit.
 */
@SuppressWarnings("deprecation")
class DeprecatedNamesTest {

    @Test
    void theOldNamesTrainTheSameModelAsTheNewOnes() {
        TrainData data = SeedsTest.sine();
        double[][][] probe = {{{0.1}, {0.2}, {0.3}, {0.4}, {0.5}, {0.6}, {0.7}, {0.8}}};
        try (RecurrentModel old = RecurrentModel.of(workbook.djl.CellKind.GRU, 5).output(RecurrentModel.Output.LAST_STEP)
                .dense(1).seed(3).build();
             RecurrentModel now = RecurrentModel.of(CellKind.GRU, 5).output(Output.LAST_STEP).outputs(1).seed(3).build()) {
            History before = old.fit(data, data, workbook.djl.Fit.epochs(3).batchSize(8).clipNorm(0.05).seed(9)
                    .progress(false));
            // the new Fit leaves the learning rate to Adam's own 1e-3, which the old one named
            History after = now.fit(data, data, Fit.epochs(3).batchSize(8).clipGradientNorm(0.05).seed(9).progress(false));
            assertEquals(losses(before), losses(after));
            assertArrayEquals(old.predict(probe)[0], now.predict(probe)[0], 0.0);
            assertEquals(old.toString(), now.toString());
        }
    }

    private static List<List<Double>> losses(History h) {
        return h.epochs().stream().map(e -> List.of(e.trainLoss(), e.validationLoss())).toList();
    }

    @Test
    void theOldValuesMapByName() {
        for (workbook.djl.CellKind kind : workbook.djl.CellKind.values()) {
            assertEquals(kind.name(), kind.toCellKind().name());
            assertEquals(kind.toCellKind().gates(), kind.gates());
        }
        for (RecurrentModel.Output output : RecurrentModel.Output.values()) {
            assertEquals(output.name(), output.toOutput().name());
        }
        assertEquals(Fit.epochs(4).batchSize(16).learningRate(1e-3).patience(2).clipGradientNorm(1.5).seed(5),
                workbook.djl.Fit.epochs(4).batchSize(16).patience(2).clipNorm(1.5).seed(5).toFit());
    }
}
