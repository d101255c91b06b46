package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Weights written with {@link Models#overwrite} (early stopping's restore, loading) survive garbage collection. */
class OverwriteTest {

    @Test
    void overwrittenValuesOutliveTheJavaBufferTheyCameFrom() throws InterruptedException {
        try (NDManager m = Models.newManager()) {
            List<NDArray> targets = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                NDArray target = m.zeros(new Shape(64, 64));
                float[] values = new float[64 * 64];
                Arrays.fill(values, i + 1);
                Models.overwrite(target, values);
                targets.add(target);
            }
            // free the unreachable direct buffers, then reuse their memory with other bytes
            List<ByteBuffer> others = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                System.gc();
                Thread.sleep(50);
                for (int i = 0; i < 50; i++) {
                    ByteBuffer other = ByteBuffer.allocateDirect(64 * 64 * 4);
                    while (other.hasRemaining()) {
                        other.put((byte) 0x7f);
                    }
                    others.add(other);
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                float[] expected = new float[64 * 64];
                Arrays.fill(expected, i + 1);
                assertArrayEquals(expected, targets.get(i).toFloatArray(), "array " + i + " after GC");
            }
        }
    }
}
