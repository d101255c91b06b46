package workbook.djl;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.scratch.Weights;
import workbook.model.CellKind;
import workbook.model.Output;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PyTorch weights into a DJL model: whole modules (embedding, rnn, head) made by
 * src/test/python/references/torch_module_reference.py give PyTorch's outputs; a mismatch is refused before any weight changes.
 */
class TorchStateDictTest {

    private static final double TOLERANCE = 1e-5;

    private static List<JsonObject> cases() throws Exception {
        try (Reader r = new InputStreamReader(TorchStateDictTest.class.getResourceAsStream("torch_modules.json"),
                StandardCharsets.UTF_8)) {
            List<JsonObject> cases = new ArrayList<>();
            JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("cases").forEach(c -> cases.add(c.getAsJsonObject()));
            return cases;
        }
    }

    private static RecurrentModel modelFor(JsonObject c) {
        CellKind kind = switch (c.get("mode").getAsString()) {
            case "lstm" -> CellKind.LSTM;
            case "gru" -> CellKind.GRU;
            case "rnn_relu" -> CellKind.RNN_RELU;
            default -> CellKind.RNN_TANH;
        };
        RecurrentModel.Builder b = RecurrentModel.of(kind, 4).layers(c.get("layers").getAsInt())
                .bidirectional(c.get("bidirectional").getAsBoolean())
                .output(c.get("every_step").getAsBoolean() ? Output.EVERY_STEP : Output.LAST_STEP)
                .seed(5);
        int units = c.get("units").getAsInt();
        if (c.get("embedding").isJsonNull()) {
            return b.outputs(units).build();   // no feature count: loading takes it from weight_ih_l0
        }
        int[] embedding = new Gson().fromJson(c.get("embedding"), int[].class);
        return b.embedding(embedding[0], embedding[1]).classes(units).build();
    }

    private static Map<String, Object> stateDict(JsonObject c) {
        return Weights.fromJson(c.getAsJsonObject("state_dict"), c.get("name").getAsString());
    }

    @Test
    void everyModuleGivesPyTorchsOutputs() throws Exception {
        for (JsonObject c : cases()) {
            String name = c.get("name").getAsString();
            try (RecurrentModel model = modelFor(c)) {
                model.loadStateDict(stateDict(c));
                Gson gson = new Gson();
                boolean everyStep = c.get("every_step").getAsBoolean();
                double[] got;
                double[] expected;
                if (!c.get("embedding").isJsonNull()) {
                    got = flatten(model.predict(gson.fromJson(c.get("x"), int[][].class), null));
                    expected = flatten(gson.fromJson(c.get("output"), double[][].class));
                } else if (everyStep) {
                    got = flatten(model.predictSteps(gson.fromJson(c.get("x"), double[][][].class), null));
                    expected = flatten(gson.fromJson(c.get("output"), double[][][].class));
                } else {
                    got = flatten(model.predict(gson.fromJson(c.get("x"), double[][][].class)));
                    expected = flatten(gson.fromJson(c.get("output"), double[][].class));
                }
                assertEquals(expected.length, got.length, name);
                double worst = 0;
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], got[i], TOLERANCE, name + " output " + i);
                    worst = Math.max(worst, Math.abs(expected[i] - got[i]));
                }
                System.out.printf("%s: %d outputs, largest difference from PyTorch %.1e%n", name, expected.length, worst);
                // and back: the same names, the same values (to float32)
                Map<String, Object> torch = stateDict(c);
                Map<String, Object> back = model.stateDict();
                assertEquals(new ArrayList<>(torch.keySet()).stream().sorted().toList(),
                        new ArrayList<>(back.keySet()).stream().sorted().toList(), name);
                for (String key : torch.keySet()) {
                    assertArrayEquals(flatten(torch.get(key)), flatten(back.get(key)), 1e-7, name + " " + key);
                }
            }
        }
    }

    @Test
    void aBareRecurrentLayerFillsTheRecurrentWeightsFromJsonAndLeavesTheHead(@TempDir Path dir) throws Exception {
        JsonObject c = cases().get(1);   // GRU, 2 layers, bidirectional
        Map<String, Object> bare = new LinkedHashMap<>();
        stateDict(c).forEach((k, v) -> {
            if (k.startsWith("rnn.")) {
                bare.put(k.substring(4), v);
            }
        });
        Path json = dir.resolve("gru.json");
        Weights.toPyTorchJson(bare, json);
        try (RecurrentModel model = modelFor(c)) {
            model.initialize(3);
            float[] head = model.weight("head.weight");
            model.loadStateDict(json);
            assertArrayEquals(head, model.weight("head.weight"), "the head is not in a bare layer's state_dict");
            double[][] w = (double[][]) bare.get("weight_hh_l1_reverse");
            float[] loaded = model.weight("r_1_h2h_WEIGHT");
            assertEquals(w.length * w[0].length, loaded.length);
            assertEquals((float) w[2][3], loaded[2 * w[0].length + 3], 0f);
        }
    }

    /** A from-scratch model's stateDict has the same names: it loads into a DJL model, which then predicts the same. */
    @Test
    void aScratchModelsStateDictLoadsIntoTheSameDjlModel() {
        workbook.scratch.Model scratch = workbook.scratch.Model.builder(workbook.scratch.Recurrent.lstm(3, 4).layers(2)
                .seed(11).build()).outputs(2).seed(11).build();
        double[][][] x = {{{0.3, -0.2, 0.9}, {1.1, 0.4, -0.6}, {0.0, 0.2, 0.1}}, {{-1.0, 0.5, 0.2}, {0.7, 0.7, -0.1}, {0.2, -0.4, 0.8}}};
        try (RecurrentModel djl = RecurrentModel.lstm(4).layers(2).outputs(2).build()) {
            djl.loadStateDict(scratch.stateDict());
            double[] expected = flatten(scratch.predict(x));
            double[] got = flatten(djl.predict(x));
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], got[i], TOLERANCE, "output " + i);
            }
        }
    }

    @Test
    void aMismatchIsRefusedNamingBothSidesAndNoWeightChanges() throws Exception {
        JsonObject c = cases().get(0);   // LSTM, 1 layer, 3 features, hidden 4, dense(2)
        try (RecurrentModel model = RecurrentModel.lstm(4).outputs(2).inputFeatures(3).seed(5).build()) {
            Map<String, Object> before = model.stateDict();

            Map<String, Object> wrongHead = stateDict(c);
            wrongHead.put("head.bias", new double[3]);   // the last weight checked
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(wrongHead));
            assertEquals("head.bias is [3] in the weights, this model (lstm(hidden 4, layers 1) → dense(2), LAST_STEP,"
                    + " regression) expects [2]", e.getMessage());

            Map<String, Object> gruWeights = stateDict(cases().get(1));
            e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(gruWeights));
            assertTrue(e.getMessage().startsWith("the weights do not fit this model (lstm(hidden 4, layers 1) → dense(2),"
                    + " LAST_STEP, regression): missing [], unexpected [rnn.bias_hh_l0_reverse, rnn.bias_hh_l1,"), e.getMessage());

            Map<String, Object> notFinite = stateDict(c);
            ((double[][]) notFinite.get("rnn.weight_hh_l0"))[1][2] = Double.NaN;
            e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(notFinite));
            assertEquals("rnn.weight_hh_l0[1][2] is NaN; weights must be finite", e.getMessage());

            Map<String, Object> missing = stateDict(c);
            missing.remove("rnn.bias_ih_l0");
            e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(missing));
            assertTrue(e.getMessage().contains("missing [rnn.bias_ih_l0], unexpected []"), e.getMessage());

            Map<String, Object> after = model.stateDict();
            for (String key : before.keySet()) {
                assertArrayEquals(flatten(before.get(key)), flatten(after.get(key)), 0.0, key + " changed");
            }
        }
    }

    /** A model without weights yet that is given weights it refuses stays without weights (free to take other data). */
    @Test
    void refusedWeightsLeaveAModelWithoutWeightsUnset() throws Exception {
        Map<String, Object> noHeadBias = stateDict(cases().get(0));   // LSTM, 3 features, hidden 4, dense(2)
        noHeadBias.remove("head.bias");
        try (RecurrentModel model = RecurrentModel.lstm(4).outputs(2).build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(noHeadBias));
            assertTrue(e.getMessage().contains("missing [head.bias]"), e.getMessage());
            assertEquals("(not set yet)", model.architecture().get("features"), "the refused weights fixed the feature count");
            model.initialize(5);   // the reader's own data: 5 features per step
            assertEquals(2, model.predict(new double[2][4][5]).length);
        }
    }

    private static double[] flatten(Object value) {
        if (value instanceof double[] v) {
            return v;
        }
        List<Double> all = new ArrayList<>();
        collect(value, all);
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(Object value, List<Double> into) {
        if (value instanceof double[] v) {
            for (double x : v) {
                into.add(x);
            }
        } else {
            for (Object row : (Object[]) value) {
                collect(row, into);
            }
        }
    }
}
