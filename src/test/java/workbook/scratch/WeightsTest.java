package workbook.scratch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightsTest {

    @TempDir
    Path dir;

    @Test
    void pyTorchJsonRoundTripGivesTheSameNetwork() throws IOException {
        Recurrent a = Recurrent.lstm(3, 5).layers(2).bidirectional(true).seed(1).build();
        Path file = dir.resolve("lstm.json");
        Weights.toPyTorchJson(a.stateDict(), file);
        Recurrent b = Recurrent.lstm(3, 5).layers(2).bidirectional(true).seed(2).build();
        Map<String, Object> loaded = Weights.fromPyTorchJson(file);
        assertEquals(a.stateDict().keySet(), loaded.keySet());
        b.loadStateDict(loaded);
        double[][][] x = GradientCheckTest.random(2, 4, 3, new SplittableRandom(1));
        double[][][] ya = a.forward(x).outputs();
        double[][][] yb = b.forward(x).outputs();
        for (int i = 0; i < ya.length; i++) {
            for (int t = 0; t < ya[i].length; t++) {
                assertArrayEquals(ya[i][t], yb[i][t], 0.0);
            }
        }
    }

    @Test
    void stateDictNamesAndShapesArePyTorchs() {
        Recurrent gru = Recurrent.gru(3, 5).layers(2).bidirectional(true).build();
        assertEquals(java.util.List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
                "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse"),
                gru.parameters().stream().map(Parameter::name).toList());
        assertEquals("[15 x 3]", gru.parameters().get(0).shape());
        assertEquals("[15 x 10]", gru.parameters().get(8).shape(), "layer 1 reads both directions");
        assertEquals("[15]", gru.parameters().get(2).shape());
    }

    @Test
    void wrongShapeNamesWhatWasExpected() {
        Recurrent lstm = Recurrent.lstm(3, 4).build();
        Map<String, Object> gruWeights = Recurrent.gru(3, 4).build().stateDict();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lstm.loadStateDict(gruWeights));
        assertTrue(e.getMessage().contains("weight_ih_l0") && e.getMessage().contains("[16 x 3]")
                && e.getMessage().contains("[12 x 3]"), e.getMessage());
    }

    @Test
    void missingAndUnexpectedNamesAreListed() {
        Recurrent twoLayers = Recurrent.rnn(3, 4).layers(2).build();
        Map<String, Object> oneLayer = Recurrent.rnn(3, 4).build().stateDict();
        oneLayer.put("fc.weight", new double[][] {{1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> twoLayers.loadStateDict(oneLayer));
        assertTrue(e.getMessage().contains("missing [bias_hh_l1, bias_ih_l1, weight_hh_l1, weight_ih_l1]")
                && e.getMessage().contains("unexpected [fc.weight]"), e.getMessage());
    }

    @Test
    void badFilesGiveClearErrors() throws IOException {
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> Weights.fromPyTorchJson(dir.resolve("nope.json")));
        assertTrue(missing.getMessage().contains("nope.json"), missing.getMessage());
        Path notNumbers = dir.resolve("bad.json");
        Files.writeString(notNumbers, "{\"weight_ih_l0\": [[1, \"x\"]]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Weights.fromPyTorchJson(notNumbers));
        assertTrue(e.getMessage().contains("weight_ih_l0") && e.getMessage().contains("expected a number"), e.getMessage());
        Path list = dir.resolve("list.json");
        Files.writeString(list, "[1, 2]");
        e = assertThrows(IllegalArgumentException.class, () -> Weights.fromPyTorchJson(list));
        assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
    }

    @Test
    void modelWeightsUseTheNamesOfATorchModuleWithRnnAndHead() throws IOException {
        Model a = Model.builder(Recurrent.gru(2, 3).layers(2).seed(1).build()).outputs(2).seed(1).build();
        Model b = Model.builder(Recurrent.gru(2, 3).layers(2).seed(2).build()).outputs(2).seed(2).build();
        assertTrue(a.stateDict().containsKey("rnn.weight_hh_l1") && a.stateDict().containsKey("head.bias"), a.stateDict().keySet().toString());
        Path file = dir.resolve("model.json");
        Weights.toPyTorchJson(a.stateDict(), file);
        b.loadStateDict(Weights.fromPyTorchJson(file));
        double[][][] x = GradientCheckTest.random(3, 4, 2, new SplittableRandom(1));
        double[][] ya = a.predict(x);
        double[][] yb = b.predict(x);
        for (int i = 0; i < ya.length; i++) {
            assertArrayEquals(ya[i], yb[i], 0.0);
        }
        Map<String, Object> noHead = a.stateDict();
        noHead.remove("head.weight");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(noHead));
        assertTrue(e.getMessage().contains("lack head.weight [2 x 3]"), e.getMessage());
    }
}
