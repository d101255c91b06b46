package workbook.data;

import java.util.Arrays;
import java.util.List;

/**
 * Windows cut from a series: {@code inputs[window][time][feature]} and
 * {@code labels[window][labelTime][label]}. {@code startRows[w]} is the row of the original
 * series where window {@code w} begins, so every window can be traced back to its dates.
 */
public record Windows(double[][][] inputs, double[][][] labels, int[] startRows,
                      int[] inputOffsets, int[] labelOffsets, List<String> featureNames, List<String> labelNames) {

    public int size() {
        return inputs.length;
    }

    /** Rows of the original series that window {@code w} uses as inputs. */
    public int[] inputRows(int w) {
        return Arrays.stream(inputOffsets).map(o -> o + startRows[w]).toArray();
    }

    /** Rows of the original series that window {@code w} predicts. */
    public int[] labelRows(int w) {
        return Arrays.stream(labelOffsets).map(o -> o + startRows[w]).toArray();
    }

    public float[][][] inputsFloat() {
        return toFloat(inputs);
    }

    public float[][][] labelsFloat() {
        return toFloat(labels);
    }

    /** The labels of all windows at label step {@code step}, label column {@code label}: one value per window. */
    public double[] labelSeries(int step, int label) {
        double[] out = new double[labels.length];
        for (int w = 0; w < out.length; w++) {
            out[w] = labels[w][step][label];
        }
        return out;
    }

    private static float[][][] toFloat(double[][][] a) {
        float[][][] out = new float[a.length][][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new float[a[i].length][];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = new float[a[i][j].length];
                for (int k = 0; k < a[i][j].length; k++) {
                    out[i][j][k] = (float) a[i][j][k];
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(size()).append(" windows: inputs [").append(size()).append("][").append(inputOffsets.length).append("][")
                .append(featureNames.size()).append("] ").append(featureNames).append(", labels [").append(size()).append("][")
                .append(labelOffsets.length).append("][").append(labelNames.size()).append("] ").append(labelNames).append('\n');
        int shown = Math.min(3, size());
        for (int w = 0; w < shown; w++) {
            s.append("  window ").append(w).append(": input rows ").append(range(inputRows(w)))
                    .append(" -> label rows ").append(range(labelRows(w))).append('\n');
        }
        if (size() > shown) {
            s.append("  ...\n  window ").append(size() - 1).append(": input rows ").append(range(inputRows(size() - 1)))
                    .append(" -> label rows ").append(range(labelRows(size() - 1))).append('\n');
        }
        return s.toString();
    }

    private static String range(int[] rows) {
        return rows.length == 1 ? "[" + rows[0] + "]" : "[" + rows[0] + ".." + rows[rows.length - 1] + "]";
    }
}
