package workbook.scratch;

import workbook.model.CellKind;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The from-scratch networks against PyTorch itself (float64, src/test/python/references/make_scratch_fixture.py):
 * same weights and inputs must give the same outputs, final states, loss and every gradient to 1e-9.
 */
class TorchParityTest {

    static final double TOLERANCE = 1e-9;

    static JsonObject fixture() throws IOException {
        try (InputStream in = TorchParityTest.class.getResourceAsStream("/scratch/torch-fixture.json")) {
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    static Stream<JsonObject> cases() throws IOException {
        List<JsonObject> cases = new ArrayList<>();
        fixture().getAsJsonArray("cases").forEach(e -> cases.add(e.getAsJsonObject()));
        return cases.stream();
    }

    static double[][] matrix(JsonElement e) {
        return (double[][]) Weights.fromJson(wrap(e), "fixture").get("m");
    }

    static JsonObject wrap(JsonElement e) {
        JsonObject o = new JsonObject();
        o.add("m", e);
        return o;
    }

    static Parameter parameter(String name, double[][] value) {
        Parameter p = new Parameter(name, value.length, value[0].length);
        p.set(value);
        return p;
    }

    static double maxDifference(double[][] expected, double[] actual) {
        double max = 0;
        int cols = expected[0].length;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, Math.abs(expected[r][c] - actual[r * cols + c]));
            }
        }
        return max;
    }

    @org.junit.jupiter.api.Test
    void optimisersFollowTorchOptim() throws IOException {
        JsonObject o = fixture().getAsJsonObject("optimizers");
        double[][] start = matrix(o.get("start"));
        List<double[][]> grads = new ArrayList<>();
        o.getAsJsonArray("grads").forEach(g -> grads.add(matrix(g)));
        Map<String, Optimizer> rules = Map.of(
                "sgd_0.1", Optimizer.sgd(0.1),
                "sgd_0.1_momentum_0.9", Optimizer.sgd(0.1, 0.9),
                "adagrad_0.1", Optimizer.adagrad(0.1),
                "adam_0.01", Optimizer.adam(0.01));
        for (Map.Entry<String, Optimizer> rule : rules.entrySet()) {
            Parameter p = parameter("w", start);
            JsonArray expected = o.getAsJsonObject("after").getAsJsonArray(rule.getKey());
            for (int step = 0; step < grads.size(); step++) {
                double[][] g = grads.get(step);
                for (int r = 0; r < g.length; r++) {
                    System.arraycopy(g[r], 0, p.gradient(), r * g[r].length, g[r].length);
                }
                rule.getValue().step(List.of(p));
                double d = maxDifference(matrix(expected.get(step)), p.value());
                assertTrue(d <= TOLERANCE, rule.getKey() + " step " + (step + 1) + " differs by " + d);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void clippingFollowsClipGradNorm() throws IOException {
        JsonObject clip = fixture().getAsJsonObject("optimizers").getAsJsonObject("clip");
        Parameter a = parameter("a", matrix(clip.get("grad_a")));
        System.arraycopy(a.value(), 0, a.gradient(), 0, a.size());
        JsonObject wrapped = new JsonObject();
        wrapped.add("b", clip.get("grad_b"));
        double[] gradB = (double[]) Weights.fromJson(wrapped, "fixture").get("b");
        Parameter b = new Parameter("b", gradB.length, 0);
        System.arraycopy(gradB, 0, b.gradient(), 0, gradB.length);
        double norm = GradientClipping.clipGlobalNorm(List.of(a, b), clip.get("max_norm").getAsDouble());
        assertEquals(clip.get("total_norm").getAsDouble(), norm, TOLERANCE);
        assertTrue(maxDifference(matrix(clip.get("clipped_a")), a.gradient()) <= TOLERANCE);
        wrapped.add("b", clip.get("clipped_b"));
        double[] clippedB = (double[]) Weights.fromJson(wrapped, "fixture").get("b");
        for (int k = 0; k < clippedB.length; k++) {
            assertEquals(clippedB[k], b.gradient()[k], TOLERANCE);
        }
        assertEquals(1.5, GradientClipping.globalNorm(List.of(a, b)), 1e-6, "clipped to max_norm");
    }

    static double[][][] array3(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        double[][][] x = new double[a.size()][][];
        for (int i = 0; i < x.length; i++) {
            JsonArray b = a.get(i).getAsJsonArray();
            x[i] = new double[b.size()][];
            for (int j = 0; j < x[i].length; j++) {
                JsonArray c = b.get(j).getAsJsonArray();
                x[i][j] = new double[c.size()];
                for (int k = 0; k < x[i][j].length; k++) {
                    x[i][j][k] = c.get(k).getAsDouble();
                }
            }
        }
        return x;
    }

    static double maxDifference(double[][][] expected, double[][][] actual) {
        assertEquals(expected.length, actual.length);
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j].length, actual[i][j].length);
                for (int k = 0; k < expected[i][j].length; k++) {
                    max = Math.max(max, Math.abs(expected[i][j][k] - actual[i][j][k]));
                }
            }
        }
        return max;
    }

    static double maxDifference(Object expected, Parameter p, double[] actual) {
        double max = 0;
        if (expected instanceof double[] v) {
            assertEquals(v.length, actual.length, p.name());
            for (int k = 0; k < v.length; k++) {
                max = Math.max(max, Math.abs(v[k] - actual[k]));
            }
        } else {
            double[][] m = (double[][]) expected;
            assertEquals(p.rows(), m.length, p.name());
            for (int r = 0; r < m.length; r++) {
                for (int c = 0; c < m[r].length; c++) {
                    max = Math.max(max, Math.abs(m[r][c] - actual[r * p.cols() + c]));
                }
            }
        }
        return max;
    }

    /** d mean(a²) / da = 2a / N */
    static double[][][] meanSquareGradient(double[][][] a, double[][][] target) {
        int n = a.length * a[0].length * a[0][0].length;
        double[][][] g = new double[a.length][a[0].length][a[0][0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                for (int k = 0; k < a[i][j].length; k++) {
                    g[i][j][k] = 2 * (a[i][j][k] - (target == null ? 0 : target[i][j][k])) / n;
                }
            }
        }
        return g;
    }

    static double meanSquare(double[][][] a, double[][][] target) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                for (int k = 0; k < a[i][j].length; k++) {
                    double e = a[i][j][k] - (target == null ? 0 : target[i][j][k]);
                    sum += e * e;
                    n++;
                }
            }
        }
        return sum / n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameOutputsStatesAndGradientsAsPyTorch(JsonObject c) {
        String name = c.get("name").getAsString();
        CellKind kind = CellKind.valueOf(c.get("kind").getAsString());
        int in = c.get("input_size").getAsInt();
        int hidden = c.get("hidden_size").getAsInt();
        Recurrent net = Recurrent.of(kind, in, hidden).layers(c.get("num_layers").getAsInt()).bidirectional(c.get("bidirectional").getAsBoolean()).build();
        net.loadStateDict(Weights.fromJson(c.getAsJsonObject("state_dict"), name));

        double[][][] x = array3(c.get("x"));
        double[][][] h0 = array3(c.get("h0"));
        double[][][] c0 = c.has("c0") ? array3(c.get("c0")) : null;
        double[][][] target = array3(c.get("target"));
        SequenceOutput out = net.forward(x, h0, c0);

        assertTrue(maxDifference(array3(c.get("output")), out.outputs()) <= TOLERANCE, name + " outputs");
        assertTrue(maxDifference(array3(c.get("h_n")), out.finalHidden()) <= TOLERANCE, name + " h_n");
        if (c0 != null) {
            assertTrue(maxDifference(array3(c.get("c_n")), out.finalCell()) <= TOLERANCE, name + " c_n");
        }
        double loss = meanSquare(out.outputs(), target) + meanSquare(out.finalHidden(), null)
                + (c0 == null ? 0 : meanSquare(out.finalCell(), null));
        assertEquals(c.get("loss").getAsDouble(), loss, TOLERANCE, name + " loss");

        net.zeroGradients();
        SequenceGradients g = net.backward(meanSquareGradient(out.outputs(), target), meanSquareGradient(out.finalHidden(), null),
                c0 == null ? null : meanSquareGradient(out.finalCell(), null));
        Map<String, Object> expected = Weights.fromJson(c.getAsJsonObject("grad"), name + " grad");
        assertEquals(expected.keySet(), net.stateDict().keySet());
        for (Parameter p : net.parameters()) {
            double d = maxDifference(expected.get(p.name()), p, p.gradient());
            assertTrue(d <= TOLERANCE, name + " gradient of " + p.name() + " differs by " + d);
        }
        assertTrue(maxDifference(array3(c.get("grad_x")), g.input()) <= TOLERANCE, name + " gradient of x");
        assertTrue(maxDifference(array3(c.get("grad_h0")), g.initialHidden()) <= TOLERANCE, name + " gradient of h0");
        if (c0 != null) {
            assertTrue(maxDifference(array3(c.get("grad_c0")), g.initialCell()) <= TOLERANCE, name + " gradient of c0");
        }
    }
}
