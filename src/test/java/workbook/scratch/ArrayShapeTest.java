package workbook.scratch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static workbook.scratch.BadInputTest.assertMessage;

class ArrayShapeTest {

    @Test
    void shapesOfOneTwoAndThreeDimensions() {
        assertEquals("[5]", ArrayShape.of(new double[5]));
        assertEquals("[2][3]", ArrayShape.of(new double[2][3]));
        assertEquals("[4][10][1]", ArrayShape.of(new double[4][10][1]));
        assertEquals("[0]", ArrayShape.of(new double[0][][]));
    }

    @Test
    void theOutputsOfAForwardPassAreBatchFirst() {
        SequenceOutput out = Recurrent.rnn(1, 8).layers(2).build().forward(new double[4][10][1]);
        assertEquals("[4][10][8]", ArrayShape.of(out.outputs()));
        assertEquals("[2][4][8]", ArrayShape.of(out.finalHidden()));
    }

    @Test
    void raggedArraysAndOtherTypesAreNamed() {
        assertMessage(() -> ArrayShape.of(new double[][] {{1, 2}, {3}}), "ragged array: rows 0 has 2 values but rows 1 has 1");
        assertMessage(() -> ArrayShape.of(new double[][][] {new double[2][3], new double[2][4]}), "block 0 is [2][3] but block 1 is [2][4]");
        assertMessage(() -> ArrayShape.of(new int[3]), "expected double[], double[][] or double[][][], got int[]");
    }
}
