package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Weights written in place (early stopping's restore, loading a file) must stay written after garbage collection. */
class ModelsOverwriteTest {

    @Test
    void overwrittenValuesSurviveGarbageCollection() throws InterruptedException {
        float[] values = new float[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f;
        }
        try (NDManager m = Models.newManager()) {
            NDArray target = m.zeros(new Shape(values.length));
            Models.overwrite(target, values.clone());
            // free and reuse the direct memory a wrapped buffer would have lived in
            for (int round = 0; round < 5; round++) {
                System.gc();
                Thread.sleep(20);
                List<ByteBuffer> reuse = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    ByteBuffer b = ByteBuffer.allocateDirect(values.length * Float.BYTES);
                    while (b.hasRemaining()) {
                        b.put((byte) 0x7f);
                    }
                    reuse.add(b);
                }
            }
            assertArrayEquals(values, target.toFloatArray());
        }
    }

    @Test
    void aWrongNumberOfValuesIsRefusedNamingBoth() {
        try (NDManager m = Models.newManager()) {
            NDArray target = m.zeros(new Shape(2, 3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Models.overwrite(target, new float[5]));
            org.junit.jupiter.api.Assertions.assertEquals("an array of shape (2, 3) (6 values) cannot take 5 values",
                    e.getMessage());
        }
    }
}
