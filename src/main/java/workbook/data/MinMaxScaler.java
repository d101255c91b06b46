package workbook.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * x' = (x - min) / (max - min) per column, with the minimum and maximum of the training rows.
 * Later values can fall outside [0, 1]: a rising price in the test period does, which is the point.
 */
public final class MinMaxScaler implements Scaler {

    private final double[] min;
    private final double[] max;
    private final int fittedRows;

    private MinMaxScaler(double[] min, double[] max, int fittedRows) {
        this.min = min;
        this.max = max;
        this.fittedRows = fittedRows;
    }

    /** Fits on the training rows ({@code [time][column]}). */
    public static MinMaxScaler fit(double[][] trainRows) {
        int k = Scaler.columns(trainRows, "MinMaxScaler.fit");
        double[] min = new double[k];
        double[] max = new double[k];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : trainRows) {
            for (int j = 0; j < k; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        for (int j = 0; j < k; j++) {
            if (max[j] == min[j]) {
                throw new IllegalArgumentException("MinMaxScaler.fit: column " + j + " is constant in the training rows");
            }
        }
        return new MinMaxScaler(min, max, trainRows.length);
    }

    /** Fits on the training part of a single series. */
    public static MinMaxScaler fit(double[] trainSeries) {
        return fit(Scaler.column(trainSeries));
    }

    public double[] min() {
        return min.clone();
    }

    public double[] max() {
        return max.clone();
    }

    @Override
    public int fittedRows() {
        return fittedRows;
    }

    @Override
    public double transform(double value, int column) {
        return (value - min[column]) / (max[column] - min[column]);
    }

    @Override
    public double inverse(double value, int column) {
        return value * (max[column] - min[column]) + min[column];
    }

    @Override
    public int columnCount() {
        return min.length;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MinMaxScaler(min=%s, max=%s, fitted on %d rows)",
                Arrays.toString(min), Arrays.toString(max), fittedRows);
    }
}
