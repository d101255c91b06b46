package workbook.scratch;

import workbook.model.CellKind;
import workbook.model.Output;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-written BPTT against central differences, for every cell and layer kind, with zero and given initial states. */
public class GradientCheckTest {

    static final double TOLERANCE = 1e-6;

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (CellKind kind : CellKind.values()) {
            for (int layers = 1; layers <= 2; layers++) {
                for (boolean bidirectional : new boolean[] {false, true}) {
                    for (boolean givenStates : new boolean[] {false, true}) {
                        cases.add(Arguments.of(kind, layers, bidirectional, givenStates));
                    }
                }
            }
        }
        return cases.stream();
    }

    /** Arrays [a][b][c] of uniform(-1, 1) numbers; other test packages use them too (DjlParityTest). */
    public static double[][][] random(int a, int b, int c, SplittableRandom random) {
        double[][][] x = new double[a][b][];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                x[i][j] = random.doubles(c, -1, 1).toArray();
            }
        }
        return x;
    }

    @ParameterizedTest(name = "{0}, {1} layers, bidirectional {2}, initial states given {3}")
    @MethodSource("networks")
    void backwardMatchesCentralDifferences(CellKind kind, int layers, boolean bidirectional, boolean givenStates) {
        int in = 3;
        int hidden = 4;
        int batch = 2;
        int time = 5;
        Recurrent net = Recurrent.of(kind, in, hidden).layers(layers).bidirectional(bidirectional).seed(11).build();
        SplittableRandom random = new SplittableRandom(3);
        double[][][] x = random(batch, time, in, random);
        int states = layers * net.directions();
        double[][][] h0 = givenStates ? random(states, batch, hidden, random) : null;
        double[][][] c0 = givenStates && net.hasCellState() ? random(states, batch, hidden, random) : null;
        GradientCheck.Result result = GradientCheck.check(net, x, h0, c0);
        int expected = net.parameters().stream().mapToInt(Parameter::size).sum() + batch * time * in
                + (h0 == null ? 0 : states * batch * hidden) + (c0 == null ? 0 : states * batch * hidden);
        assertTrue(result.checked() == expected, "checked " + result.checked() + " of " + expected);
        assertTrue(result.maxRelativeError() <= TOLERANCE, result.toString());
    }

    @Test
    void networkWithoutBiases() {
        Recurrent net = Recurrent.lstm(2, 3).bidirectional(true).biases(false).build();
        double[][][] x = random(2, 4, 2, new SplittableRandom(5));
        GradientCheck.Result result = GradientCheck.check(net, x, null, null);
        assertTrue(result.maxRelativeError() <= TOLERANCE, result.toString());
    }

    @Test
    void modelWithHeadAndMseLastStep() {
        Model model = Model.builder(Recurrent.gru(2, 4).layers(2).build()).outputs(2).loss(Loss.MSE).build();
        SplittableRandom random = new SplittableRandom(9);
        double[][][] x = random(3, 6, 2, random);
        double[][] y = random(1, 3, 2, random)[0];
        GradientCheck.Result result = GradientCheck.check(model, x, y);
        assertTrue(result.maxRelativeError() <= TOLERANCE, result.toString());
    }

    @Test
    void modelWithCrossEntropyEveryStep() {
        Model model = Model.builder(Recurrent.lstm(3, 4).bidirectional(true).build()).outputs(3).output(Output.EVERY_STEP)
                .loss(Loss.CROSS_ENTROPY).build();
        SplittableRandom random = new SplittableRandom(9);
        double[][][] x = random(2, 5, 3, random);
        double[][][] y = new double[2][5][3];
        for (double[][] seq : y) {
            for (double[] step : seq) {
                step[random.nextInt(3)] = 1.0;
            }
        }
        GradientCheck.Result result = GradientCheck.check(model, x, y);
        assertTrue(result.maxRelativeError() <= TOLERANCE, result.toString());
    }

    @Test
    void aWrongGradientIsCaught() {
        // MSE whose gradient is 10% too large: the check must see it
        Loss wrong = (prediction, target, gradient) -> {
            double value = Loss.MSE.compute(prediction, target, gradient);
            for (double[] row : gradient) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= 1.1;
                }
            }
            return value;
        };
        Model model = Model.builder(Recurrent.lstm(2, 3).build()).outputs(1).loss(wrong).build();
        SplittableRandom random = new SplittableRandom(2);
        GradientCheck.Result result = GradientCheck.check(model, random(2, 4, 2, random), random(1, 2, 1, random)[0]);
        assertTrue(result.maxRelativeError() > 0.04 && result.maxRelativeError() < 0.06, result.toString());
    }
}
