package workbook.data;

import java.util.Arrays;
import java.util.Locale;

/** z = (x - mean) / std per column, with the mean and (population) standard deviation of the training rows. */
public final class StandardScaler implements Scaler {

    private final double[] mean;
    private final double[] std;
    private final int fittedRows;

    private StandardScaler(double[] mean, double[] std, int fittedRows) {
        this.mean = mean;
        this.std = std;
        this.fittedRows = fittedRows;
    }

    /** Fits on the training rows ({@code [time][column]}). */
    public static StandardScaler fit(double[][] trainRows) {
        int k = Scaler.columns(trainRows, "StandardScaler.fit");
        double[] mean = new double[k];
        double[] std = new double[k];
        for (int j = 0; j < k; j++) {
            double sum = 0;
            for (double[] row : trainRows) {
                sum += row[j];
            }
            mean[j] = sum / trainRows.length;
            double squares = 0;
            for (double[] row : trainRows) {
                squares += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
            std[j] = Math.sqrt(squares / trainRows.length);
            if (std[j] == 0) {
                throw new IllegalArgumentException("StandardScaler.fit: column " + j + " is constant in the training rows");
            }
        }
        return new StandardScaler(mean, std, trainRows.length);
    }

    /** Fits on the training part of a single series. */
    public static StandardScaler fit(double[] trainSeries) {
        return fit(Scaler.column(trainSeries));
    }

    static StandardScaler identity(double[][] trainRows) {
        int k = Scaler.columns(trainRows, "Scaler.Kind.NONE");
        double[] ones = new double[k];
        Arrays.fill(ones, 1.0);
        return new StandardScaler(new double[k], ones, trainRows.length);
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] std() {
        return std.clone();
    }

    @Override
    public int fittedRows() {
        return fittedRows;
    }

    @Override
    public double transform(double value, int column) {
        return (value - mean[column]) / std[column];
    }

    @Override
    public double inverse(double value, int column) {
        return value * std[column] + mean[column];
    }

    @Override
    public int columnCount() {
        return mean.length;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StandardScaler(mean=%s, std=%s, fitted on %d rows)",
                Arrays.toString(mean), Arrays.toString(std), fittedRows);
    }
}
