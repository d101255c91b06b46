package workbook.data;

import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Cuts a multivariate series into (inputs, labels) windows, in the spirit of TensorFlow's
 * {@code WindowGenerator}: {@code inputWidth} steps of the feature columns, then, {@code shift}
 * steps after the last input, the last {@code labelWidth} steps of the label columns.
 *
 * <pre>{@code
 * WindowGenerator g = WindowGenerator.builder().inputWidth(24).labelWidth(1).shift(1)
 *         .features("temp_max", "wind").labels("temp_max").build();
 * WindowedSplits data = g.split(Datasets.seattleWeather(), 0.7, 0.2, Scaler.Kind.STANDARD);
 * double[][][] x = data.train().inputs();   // [windows][24][2]
 * double[][][] y = data.train().labels();   // [windows][1][1]
 * }</pre>
 * Windows never cross the train/validation/test boundaries, and the scaler sees only the training rows.
 */
public final class WindowGenerator {

    private final int inputWidth;
    private final int labelWidth;
    private final int shift;
    private final List<String> features;
    private final List<String> labels;

    private WindowGenerator(Builder b) {
        if (b.inputWidth < 1 || b.labelWidth < 1 || b.shift < 1) {
            throw new IllegalArgumentException("inputWidth, labelWidth and shift must be at least 1; got "
                    + b.inputWidth + ", " + b.labelWidth + ", " + b.shift);
        }
        if (b.labelWidth > b.inputWidth + b.shift) {
            throw new IllegalArgumentException("labelWidth " + b.labelWidth + " is longer than the window (inputWidth "
                    + b.inputWidth + " + shift " + b.shift + ")");
        }
        this.inputWidth = b.inputWidth;
        this.labelWidth = b.labelWidth;
        this.shift = b.shift;
        this.features = List.copyOf(b.features);
        this.labels = List.copyOf(b.labels);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options: {@code inputWidth} (required), {@code labelWidth} 1, {@code shift} 1, features/labels: all columns. */
    public static final class Builder {
        private int inputWidth;
        private int labelWidth = 1;
        private int shift = 1;
        private List<String> features = List.of();
        private List<String> labels = List.of();

        public Builder inputWidth(int steps) {
            this.inputWidth = steps;
            return this;
        }

        public Builder labelWidth(int steps) {
            this.labelWidth = steps;
            return this;
        }

        /** How far the last label lies after the last input (the horizon). */
        public Builder shift(int steps) {
            this.shift = steps;
            return this;
        }

        public Builder features(String... columns) {
            this.features = List.of(columns);
            return this;
        }

        public Builder labels(String... columns) {
            this.labels = List.of(columns);
            return this;
        }

        public WindowGenerator build() {
            return new WindowGenerator(this);
        }
    }

    public int inputWidth() {
        return inputWidth;
    }

    public int labelWidth() {
        return labelWidth;
    }

    public int shift() {
        return shift;
    }

    /** inputWidth + shift: the rows one window spans. */
    public int totalWidth() {
        return inputWidth + shift;
    }

    /** Offsets of the input steps inside a window: 0 .. inputWidth-1. */
    public int[] inputIndices() {
        return IntStream.range(0, inputWidth).toArray();
    }

    /** Offsets of the label steps inside a window: the last labelWidth of totalWidth. */
    public int[] labelIndices() {
        return IntStream.range(totalWidth() - labelWidth, totalWidth()).toArray();
    }

    /** Windows over a table: the configured features and labels, or else all its numeric columns. */
    public Windows windows(Table table) {
        List<String> columns = columnsNeeded(numericColumns(table));
        return windows(Columns.matrix(table, columns), columns);
    }

    /** Windows over a single series; its one column is called "value" and is both feature and label. */
    public Windows windows(double[] series) {
        return windows(Scaler.column(series), List.of("value"));
    }

    /** Windows over a {@code [time][column]} matrix whose columns have the given names. */
    public Windows windows(double[][] rows, List<String> columnNames) {
        return cut(rows, columnNames, 0, "the series");
    }

    /**
     * Splits the table's rows chronologically, fits the scaler on the training rows only, then
     * cuts windows inside each part.
     */
    public WindowedSplits split(Table table, double trainFraction, double validationFraction, Scaler.Kind scaling) {
        List<String> columns = columnsNeeded(numericColumns(table));
        double[][] rows = Columns.matrix(table, columns);
        return split(rows, columns, ChronologicalSplit.fractions(rows.length, trainFraction, validationFraction), scaling);
    }

    /** {@link #split(Table, double, double, Scaler.Kind)} for a single series (column "value"). */
    public WindowedSplits split(double[] series, double trainFraction, double validationFraction, Scaler.Kind scaling) {
        return split(Scaler.column(series), List.of("value"),
                ChronologicalSplit.fractions(series.length, trainFraction, validationFraction), scaling);
    }

    /** The general form: any matrix, any split, any scaling. */
    public WindowedSplits split(double[][] rows, List<String> columnNames, ChronologicalSplit split, Scaler.Kind scaling) {
        Scaler scaler = scaling.fit(split.train(rows));
        double[][] scaled = scaler.transform(rows);
        Windows train = cut(split.train(scaled), columnNames, 0, "the training part");
        Windows validation = split.validationSize() == 0 ? null
                : cut(split.validation(scaled), columnNames, split.trainEnd(), "the validation part");
        Windows test = split.testSize() == 0 ? null
                : cut(split.test(scaled), columnNames, split.validationEnd(), "the test part");
        return new WindowedSplits(train, validation, test, scaler, split, columnNames, this);
    }

    private static List<String> numericColumns(Table table) {
        List<String> names = new ArrayList<>();
        for (var column : table.columns()) {
            if (column instanceof tech.tablesaw.api.NumericColumn<?>) {
                names.add(column.name());
            }
        }
        return names;
    }

    private List<String> columnsNeeded(List<String> available) {
        List<String> columns = new ArrayList<>(features.isEmpty() ? available : features);
        for (String label : labels) {
            if (!columns.contains(label)) {
                columns.add(label);
            }
        }
        return columns;
    }

    private Windows cut(double[][] rows, List<String> columnNames, int firstRow, String part) {
        Scaler.columns(rows, part);
        if (rows[0].length != columnNames.size()) {
            throw new IllegalArgumentException(part + " has " + rows[0].length + " columns but " + columnNames.size() + " names");
        }
        int[] featureCols = indicesOf(features.isEmpty() ? columnNames : features, columnNames);
        int[] labelCols = indicesOf(labels.isEmpty() ? columnNames : labels, columnNames);
        int count = rows.length - totalWidth() + 1;
        if (count < 1) {
            throw new IllegalArgumentException("window of " + totalWidth() + " rows (inputWidth " + inputWidth
                    + " + shift " + shift + ") is longer than " + part + " (" + rows.length + " rows)");
        }
        int[] labelOffsets = labelIndices();
        double[][][] inputs = new double[count][inputWidth][featureCols.length];
        double[][][] labelValues = new double[count][labelWidth][labelCols.length];
        int[] starts = new int[count];
        for (int w = 0; w < count; w++) {
            starts[w] = firstRow + w;
            for (int t = 0; t < inputWidth; t++) {
                for (int f = 0; f < featureCols.length; f++) {
                    inputs[w][t][f] = rows[w + t][featureCols[f]];
                }
            }
            for (int t = 0; t < labelWidth; t++) {
                for (int l = 0; l < labelCols.length; l++) {
                    labelValues[w][t][l] = rows[w + labelOffsets[t]][labelCols[l]];
                }
            }
        }
        return new Windows(inputs, labelValues, starts, inputIndices(), labelOffsets,
                names(featureCols, columnNames), names(labelCols, columnNames));
    }

    private static int[] indicesOf(List<String> wanted, List<String> columnNames) {
        int[] out = new int[wanted.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = columnNames.indexOf(wanted.get(i));
            if (out[i] < 0) {
                throw new IllegalArgumentException("no column '" + wanted.get(i) + "'; columns are " + columnNames);
            }
        }
        return out;
    }

    private static List<String> names(int[] indices, List<String> columnNames) {
        List<String> out = new ArrayList<>();
        for (int i : indices) {
            out.add(columnNames.get(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Total window size: " + totalWidth() + "\n"
                + "Input indices: " + java.util.Arrays.toString(inputIndices()) + "\n"
                + "Label indices: " + java.util.Arrays.toString(labelIndices()) + "\n"
                + "Feature column name(s): " + (features.isEmpty() ? "all" : features) + "\n"
                + "Label column name(s): " + (labels.isEmpty() ? "all" : labels);
    }
}
