package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import workbook.model.CellKind;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RecurrentBlock against PyTorch 1.13 (reference JSON from src/test/python/references/recurrent_reference.py): outputs,
 * final states and gradients for every cell kind, 1 and 2 layers, one and two directions.
 */
class RecurrentBlockTorchParityTest {

    static JsonObject reference() throws Exception {
        try (Reader r = new InputStreamReader(RecurrentBlockTorchParityTest.class
                .getResourceAsStream("recurrent_reference.json"), StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(r).getAsJsonObject();
        }
    }

    static float[] floats(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = a.get(i).getAsFloat();
        }
        return f;
    }

    static CellKind kind(String mode) {
        switch (mode) {
            case "lstm": return CellKind.LSTM;
            case "gru": return CellKind.GRU;
            case "rnn_relu": return CellKind.RNN_RELU;
            default: return CellKind.RNN_TANH;
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length, "lengths differ");
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void outputsStatesAndGradientsMatchPyTorch() throws Exception {
        JsonObject ref = reference();
        int hidden = ref.get("hidden").getAsInt();
        int cases = 0;
        double worstForward = 0;
        double worstGradient = 0;
        for (JsonElement el : ref.getAsJsonArray("cases")) {
            JsonObject c = el.getAsJsonObject();
            String label = c.get("mode").getAsString() + " layers " + c.get("layers").getAsInt()
                    + (c.get("bidirectional").getAsBoolean() ? " bidirectional" : "");
            JsonArray xs = c.getAsJsonArray("x_shape");
            Shape xShape = new Shape(xs.get(0).getAsLong(), xs.get(1).getAsLong(), xs.get(2).getAsLong());
            try (NDManager m = Models.newManager()) {
                RecurrentBlock block = new RecurrentBlock(kind(c.get("mode").getAsString()), hidden,
                        c.get("layers").getAsInt(), c.get("bidirectional").getAsBoolean(), 0);
                block.initialize(m, DataType.FLOAT32, xShape);
                for (Map.Entry<String, JsonElement> w : c.getAsJsonObject("weights").entrySet()) {
                    Parameter p = block.getParameters().get(ParameterNames.toDjlName(w.getKey()));
                    Models.overwrite(p.getArray(), floats(w.getValue()));
                }
                for (Pair<String, Parameter> p : block.getParameters()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
                NDArray x = m.create(floats(c.get("x")), xShape);
                x.setRequiresGradient(true);
                RecurrentOutput out;
                try (GradientCollector gc = Models.engine().newGradientCollector()) {
                    out = RecurrentOutput.of(block.forward(new ParameterStore(m, false), new NDList(x), true));
                    NDArray loss = out.sequence().mul(m.create(floats(c.get("out_weights")), out.sequence().getShape()))
                            .sum().add(out.h().mul(m.create(floats(c.get("h_weights")), out.h().getShape())).sum());
                    gc.backward(loss);
                    assertEquals(c.get("loss").getAsDouble(), loss.getFloat(), 1e-4, label + " loss");
                }
                worstForward = Math.max(worstForward, maxAbsDiff(floats(c.get("output")), out.sequence().toFloatArray()));
                // Inference (autograd off) must give the same outputs: libtorch's CPU inference LSTM kernel did not.
                RecurrentOutput inference = RecurrentOutput.of(block.forward(new ParameterStore(m, false), new NDList(x), false));
                double inferenceDiff = maxAbsDiff(floats(c.get("output")), inference.sequence().toFloatArray());
                assertTrue(inferenceDiff < 1e-5, label + " inference output differs by " + inferenceDiff);
                worstForward = Math.max(worstForward, inferenceDiff);
                worstForward = Math.max(worstForward, maxAbsDiff(floats(c.get("h")), out.h().toFloatArray()));
                if (!c.get("c").isJsonNull()) {
                    worstForward = Math.max(worstForward, maxAbsDiff(floats(c.get("c")), out.c().toFloatArray()));
                }
                double dx = maxAbsDiff(floats(c.get("grad_x")), x.getGradient().toFloatArray());
                assertTrue(dx < 1e-4, label + " input gradient differs by " + dx);
                worstGradient = Math.max(worstGradient, dx);
                for (Map.Entry<String, JsonElement> g : c.getAsJsonObject("grads").entrySet()) {
                    NDArray w = block.getParameters().get(ParameterNames.toDjlName(g.getKey())).getArray();
                    double d = maxAbsDiff(floats(g.getValue()), w.getGradient().toFloatArray());
                    assertTrue(d < 1e-4, label + " gradient of " + g.getKey() + " differs by " + d);
                    worstGradient = Math.max(worstGradient, d);
                }
                assertTrue(worstForward < 1e-5, label + ": forward differs by " + worstForward);
                cases++;
            }
        }
        assertEquals(16, cases);
        System.out.printf("RecurrentBlock vs PyTorch, 16 cases: forward max |diff| %.2e, gradients %.2e%n",
                worstForward, worstGradient);
    }
}
