package workbook.djl;

import org.junit.jupiter.api.Test;
import workbook.scratch.Recurrent;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterNamesTest {

    @Test
    void djlNamesTranslateBothWays() {
        assertEquals("l_0_i2h_WEIGHT", ParameterNames.toDjlName("weight_ih_l0"));
        assertEquals("l_0_h2h_WEIGHT", ParameterNames.toDjlName("weight_hh_l0"));
        assertEquals("l_1_i2h_BIAS", ParameterNames.toDjlName("bias_ih_l1"));
        assertEquals("r_1_h2h_BIAS", ParameterNames.toDjlName("bias_hh_l1_reverse"));
        assertEquals("weight_hh_l2_reverse", ParameterNames.toPyTorchName("r_2_h2h_WEIGHT"));
        assertEquals("bias_ih_l0", ParameterNames.toPyTorchName("l_0_i2h_BIAS"));
        Recurrent lstm = Recurrent.lstm(2, 3).layers(2).bidirectional(true).build();
        Map<String, Object> djl = ParameterNames.toDjlNames(lstm.stateDict());
        assertTrue(djl.containsKey("r_1_i2h_WEIGHT"));
        assertEquals(lstm.stateDict().keySet(), ParameterNames.toPyTorchNames(djl).keySet());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterNames.toDjlName("fc.weight"));
        assertTrue(e.getMessage().contains("fc.weight") && e.getMessage().contains("weight_ih_l0"), e.getMessage());
    }
}
