package workbook.data;

import java.util.Arrays;

/**
 * Train, validation and test parts of a series, in time order and without shuffling:
 * rows {@code [0, trainEnd)} train, {@code [trainEnd, validationEnd)} validate, the rest test.
 */
public record ChronologicalSplit(int size, int trainEnd, int validationEnd) {

    public ChronologicalSplit {
        if (trainEnd <= 0 || trainEnd > validationEnd || validationEnd > size) {
            throw new IllegalArgumentException("a split needs 0 < trainEnd <= validationEnd <= size; got trainEnd "
                    + trainEnd + ", validationEnd " + validationEnd + ", size " + size);
        }
    }

    /** E.g. {@code fractions(1000, 0.7, 0.2)}: 700 train, 200 validation, 100 test rows. */
    public static ChronologicalSplit fractions(int size, double trainFraction, double validationFraction) {
        if (trainFraction <= 0 || validationFraction < 0 || trainFraction + validationFraction > 1) {
            throw new IllegalArgumentException("fractions must satisfy 0 < train, 0 <= validation, train + validation <= 1; got "
                    + trainFraction + " and " + validationFraction);
        }
        // the small epsilon keeps 100 × (0.7 + 0.2) = 89.99999999999999 from becoming 89
        int trainEnd = (int) Math.floor(size * trainFraction + 1e-9);
        int validationEnd = (int) Math.floor(size * (trainFraction + validationFraction) + 1e-9);
        return new ChronologicalSplit(size, trainEnd, validationEnd);
    }

    public int trainSize() {
        return trainEnd;
    }

    public int validationSize() {
        return validationEnd - trainEnd;
    }

    public int testSize() {
        return size - validationEnd;
    }

    public double[] train(double[] series) {
        return Arrays.copyOfRange(checked(series), 0, trainEnd);
    }

    public double[] validation(double[] series) {
        return Arrays.copyOfRange(checked(series), trainEnd, validationEnd);
    }

    public double[] test(double[] series) {
        return Arrays.copyOfRange(checked(series), validationEnd, size);
    }

    public double[][] train(double[][] rows) {
        return Arrays.copyOfRange(checked(rows), 0, trainEnd);
    }

    public double[][] validation(double[][] rows) {
        return Arrays.copyOfRange(checked(rows), trainEnd, validationEnd);
    }

    public double[][] test(double[][] rows) {
        return Arrays.copyOfRange(checked(rows), validationEnd, size);
    }

    private double[] checked(double[] series) {
        requireSize(series.length);
        return series;
    }

    private double[][] checked(double[][] rows) {
        requireSize(rows.length);
        return rows;
    }

    private void requireSize(int length) {
        if (length != size) {
            throw new IllegalArgumentException("this split is for " + size + " rows, the data has " + length);
        }
    }

    @Override
    public String toString() {
        return "train [0, " + trainEnd + "), validation [" + trainEnd + ", " + validationEnd + "), test ["
                + validationEnd + ", " + size + ")";
    }
}
