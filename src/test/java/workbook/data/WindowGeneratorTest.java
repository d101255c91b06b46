package workbook.data;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowGeneratorTest {

    private static double[] ramp(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i;
        }
        return y;
    }

    @Test
    void windowsLikeTensorFlowWindowGenerator() {
        // TF tutorial example: input 24, label 1, shift 24 -> total 48, label index 47
        WindowGenerator tf = WindowGenerator.builder().inputWidth(24).labelWidth(1).shift(24).build();
        assertEquals(48, tf.totalWidth());
        assertArrayEquals(new int[]{47}, tf.labelIndices());

        WindowGenerator g = WindowGenerator.builder().inputWidth(3).labelWidth(2).shift(2).build();
        Windows w = g.windows(ramp(10));
        assertEquals(6, w.size()); // 10 - 5 + 1
        assertArrayEquals(new double[]{0, 1, 2}, column(w.inputs()[0]), 0);
        assertArrayEquals(new double[]{3, 4}, column(w.labels()[0]), 0);
        assertArrayEquals(new double[]{5, 6, 7}, column(w.inputs()[5]), 0);
        assertArrayEquals(new double[]{8, 9}, column(w.labels()[5]), 0);
        assertArrayEquals(new int[]{8, 9}, w.labelRows(5));
        assertEquals(8f, w.labelsFloat()[5][0][0]);
        assertTrue(w.toString().contains("window 0: input rows [0..2] -> label rows [3..4]"), w.toString());
        assertTrue(g.toString().contains("Label indices: [3, 4]"), g.toString());
    }

    @Test
    void featuresAndLabelsAreChosenByName() {
        Table t = Table.create("t", DoubleColumn.create("a", ramp(6)), DoubleColumn.create("b", new double[]{10, 11, 12, 13, 14, 15}));
        Windows w = WindowGenerator.builder().inputWidth(2).features("a", "b").labels("b").build().windows(t);
        assertEquals(4, w.size());
        assertArrayEquals(new double[]{0, 10}, w.inputs()[0][0], 0);
        assertArrayEquals(new double[]{12}, w.labels()[0][0], 0);
        assertEquals(List.of("b"), w.labelNames());
    }

    @Test
    void scalerSeesOnlyTheTrainingRowsAndWindowsStayInsideTheirPart() {
        double[] y = ramp(100);
        WindowedSplits s = WindowGenerator.builder().inputWidth(5).build().split(y, 0.7, 0.2, Scaler.Kind.STANDARD);
        StandardScaler scaler = (StandardScaler) s.scaler();
        assertEquals(70, scaler.fittedRows());
        assertEquals(34.5, scaler.mean()[0], 1e-12); // mean of 0..69, not of 0..99
        assertEquals(Math.sqrt((70 * 70 - 1) / 12.0), scaler.std()[0], 1e-12);
        assertEquals(65, s.train().size());
        assertEquals(15, s.validation().size());
        assertEquals(5, s.test().size());
        assertEquals(70, s.validation().startRows()[0]);
        assertArrayEquals(new int[]{99}, s.test().labelRows(4));
        // test values lie above the training range: scaled, they exceed the training maximum
        assertTrue(s.test().labels()[4][0][0] > 2);
        assertArrayEquals(new double[]{99}, s.inverseLabels(new double[]{s.test().labels()[4][0][0]}, "value"), 1e-9);

        // changing the test period does not change the scaler
        double[] changed = y.clone();
        for (int i = 90; i < 100; i++) {
            changed[i] = 1e6;
        }
        StandardScaler again = (StandardScaler) WindowGenerator.builder().inputWidth(5).build()
                .split(changed, 0.7, 0.2, Scaler.Kind.STANDARD).scaler();
        assertArrayEquals(scaler.mean(), again.mean(), 0);
        assertArrayEquals(scaler.std(), again.std(), 0);
    }

    @Test
    void aTableWithADateColumnUsesItsNumericColumns() {
        WindowedSplits s = WindowGenerator.builder().inputWidth(12).build()
                .split(Datasets.airPassengers(), 0.7, 0.15, Scaler.Kind.MIN_MAX);
        assertEquals(List.of("passengers"), s.columnNames());
        assertEquals(100, s.scaler().fittedRows()); // floor(144 × 0.7)
        assertEquals(100 - 13 + 1, s.train().size());
    }

    @Test
    void minMaxScalerRoundTrips() {
        MinMaxScaler m = MinMaxScaler.fit(new double[]{2, 4, 6});
        assertArrayEquals(new double[]{0, 0.5, 1, 1.5}, m.transform(new double[]{2, 4, 6, 8}), 1e-12);
        assertArrayEquals(new double[]{8}, m.inverse(new double[]{1.5}), 1e-12);
    }

    @Test
    void aWindowLongerThanThePartIsExplained() {
        WindowGenerator g = WindowGenerator.builder().inputWidth(60).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.windows(ramp(48)));
        assertTrue(e.getMessage().contains("window of 61 rows") && e.getMessage().contains("(48 rows)"), e.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> WindowGenerator.builder().inputWidth(2).build().windows(new double[]{1, Double.NaN, 3, 4}));
        assertTrue(nan.getMessage().contains("row 1"), nan.getMessage());
    }

    @Test
    void emptyPartsAreNull() {
        WindowedSplits s = WindowGenerator.builder().inputWidth(2).build().split(ramp(20), 0.8, 0.2, Scaler.Kind.NONE);
        assertNull(s.test());
        assertEquals(16 - 3 + 1, s.train().size());
    }

    private static double[] column(double[][] steps) {
        double[] out = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            out[i] = steps[i][0];
        }
        return out;
    }
}
