package workbook.scratch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationsTest {

    @Test
    void tanhThroughExpAgreesWithMathTanh() {
        double worst = 0;
        for (double x = -40; x <= 40; x += 0.001) {
            worst = Math.max(worst, Math.abs(Activations.tanh(x) - Math.tanh(x)));
        }
        assertTrue(worst <= 5e-16, "max absolute difference " + worst);
        assertEquals(1.0, Activations.tanh(1000), 0.0);
        assertEquals(-1.0, Activations.tanh(-1000), 0.0);
        assertEquals(0.0, Activations.tanh(0), 0.0);
    }

    @Test
    void sigmoidSaturatesWithoutNaN() {
        assertEquals(0.5, Activations.sigmoid(0), 0.0);
        assertEquals(0.0, Activations.sigmoid(-1000), 0.0);
        assertEquals(1.0, Activations.sigmoid(1000), 0.0);
    }
}
