package workbook.data;

import java.util.List;

/**
 * The train, validation and test windows of one series, the scaler fitted on the training rows,
 * and the split itself. {@code validation} or {@code test} is null when that part is empty.
 */
public record WindowedSplits(Windows train, Windows validation, Windows test, Scaler scaler,
                             ChronologicalSplit split, List<String> columnNames, WindowGenerator generator) {

    /** Scaled label values back to original units, e.g. forecasts back to degrees. */
    public double[] inverseLabels(double[] scaledValues, String labelColumn) {
        int column = columnNames.indexOf(labelColumn);
        if (column < 0) {
            throw new IllegalArgumentException("no column '" + labelColumn + "'; columns are " + columnNames);
        }
        double[] out = new double[scaledValues.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scaler.inverse(scaledValues[i], column);
        }
        return out;
    }

    @Override
    public String toString() {
        return generator + "\nsplit: " + split + "\nscaler: " + scaler + "\ntrain: " + train
                + "validation: " + (validation == null ? "none\n" : validation)
                + "test: " + (test == null ? "none\n" : test);
    }
}
