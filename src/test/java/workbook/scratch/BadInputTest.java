package workbook.scratch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadInputTest {

    static void assertMessage(Executable call, String... parts) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message \"" + e.getMessage() + "\" lacks \"" + part + "\"");
        }
    }

    final Recurrent lstm = Recurrent.lstm(3, 4).build();

    @Test
    void emptyBatchAndEmptySequence() {
        assertMessage(() -> lstm.forward(new double[0][][]), "expected input [batch][time][3]", "empty batch");
        assertMessage(() -> lstm.forward(new double[2][0][3]), "empty sequence");
    }

    @Test
    void wrongFeatureCountAndRaggedSequences() {
        double[][][] x = new double[2][4][3];
        x[1][2] = new double[2];
        assertMessage(() -> lstm.forward(x), "expected 3 features per step, but [1][2] has 2");
        double[][][] ragged = {new double[4][3], new double[3][3]};
        assertMessage(() -> lstm.forward(ragged), "sequence 1 has 3 time steps");
    }

    @Test
    void notANumberInTheInput() {
        double[][][] x = new double[1][2][3];
        x[0][1][2] = Double.NaN;
        assertMessage(() -> lstm.forward(x), "[0][1][2] is NaN");
    }

    @Test
    void wrongInitialStates() {
        double[][][] x = new double[2][4][3];
        assertMessage(() -> lstm.forward(x, new double[2][2][4], null), "h0", "expected [1][2][4]");
        assertMessage(() -> lstm.forward(x, new double[1][2][5], null), "h0", "expected 4 values");
        assertMessage(() -> Recurrent.gru(3, 4).build().forward(x, null, new double[1][2][4]), "GRU has no cell state");
    }

    @Test
    void backwardBeforeForwardAndWrongGradientShape() {
        assertMessage(() -> Recurrent.rnn(3, 4).build().backward(new double[1][1][4]), "backward needs a forward first");
        lstm.forward(new double[2][4][3]);
        assertMessage(() -> lstm.backward(new double[2][4][5]), "output gradient", "expected 4 features");
    }

    @Test
    void badOptions() {
        assertMessage(() -> Recurrent.lstm(0, 4), "input size and hidden size must be at least 1");
        assertMessage(() -> Recurrent.lstm(1, 4).layers(0), "layers must be at least 1, got 0");
        assertMessage(() -> Optimizer.adam(-1), "learning rate must be a positive number, got -1");
        assertMessage(() -> Optimizer.sgd(0.1, 1.5), "momentum must be in [0, 1)");
    }

    @Test
    void traceAndNormsNeedToBeSwitchedOn() {
        SequenceOutput out = lstm.forward(new double[1][2][3]);
        assertMessage(out::trace, "tracing(true)");
        lstm.backward(new double[1][2][4]);
        assertMessage(() -> lstm.gradientNorms(0, 0), "recordGradientNorms(true)");
    }
}
