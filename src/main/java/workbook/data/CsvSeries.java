package workbook.data;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import workbook.display.Displays;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loads a time series from the reader's own CSV file: one date column and some numeric value
 * columns. Dates must strictly increase; missing values are handled only by an explicit choice
 * ({@link MissingValues}), and whatever was filled or dropped is reported through
 * {@link Displays}.
 *
 * <pre>{@code
 * Table prices = CsvSeries.read(Path.of("prices.csv"),
 *         CsvSeries.options().dateColumn("day").valueColumns("close").missing(MissingValues.FORWARD_FILL));
 * }</pre>
 * Row numbers in messages are line numbers of the file (the header is line 1).
 */
public final class CsvSeries {

    /** What to do with an empty or "NA"/"NaN"/"null" value cell. */
    public enum MissingValues {
        /** Stop with an error listing where values are missing (the default). */
        FAIL,
        /** Remove the rows that have a missing value (the report says which). */
        DROP_ROWS,
        /** Repeat the last observed value; a missing first value is an error. */
        FORWARD_FILL,
        /** Straight line between the neighbouring observed values; missing ends are an error. */
        LINEAR_INTERPOLATION
    }

    private static final Set<String> MISSING = Set.of("", "na", "nan", "null", "n/a");

    private CsvSeries() {
    }

    public static Options options() {
        return new Options("date", List.of(), null, MissingValues.FAIL);
    }

    /**
     * Options with defaults: date column "date" parsed as ISO (yyyy-MM-dd), value columns required,
     * missing values fail. {@code datePattern} uses English month names (e.g. "MMM d yyyy").
     */
    public record Options(String dateColumn, List<String> valueColumns, String datePattern, MissingValues missing) {
        public Options dateColumn(String name) {
            return new Options(name, valueColumns, datePattern, missing);
        }

        public Options valueColumns(String... names) {
            return new Options(dateColumn, List.of(names), datePattern, missing);
        }

        public Options datePattern(String pattern) {
            return new Options(dateColumn, valueColumns, pattern, missing);
        }

        public Options missing(MissingValues policy) {
            return new Options(dateColumn, valueColumns, datePattern, policy);
        }
    }

    /** Reads {@code file}: a table with the date column followed by the value columns (as doubles). */
    public static Table read(Path file, Options options) {
        return read(DataFiles.file(file), options);
    }

    /** Reads a CSV file at a URL (http, https, file, jar) as {@link #read(Path, Options)} reads a file. */
    public static Table read(URL url, Options options) {
        return read(DataFiles.url(url), options);
    }

    private static Table read(DataFiles.Loaded source, Options options) {
        if (options.valueColumns().isEmpty()) {
            throw new IllegalArgumentException("name the value columns to read, e.g. options().valueColumns(\"close\")");
        }
        // Everything as text first: parsing here gives messages with the file, column and line.
        Table raw = Table.read().usingOptions(CsvReadOptions.builder(new ByteArrayInputStream(source.bytes()))
                .columnTypes(name -> ColumnType.STRING).missingValueIndicator(new String[0]).build());
        String where = source.name();
        List<String> wanted = new ArrayList<>();
        wanted.add(options.dateColumn());
        wanted.addAll(options.valueColumns());
        for (String column : wanted) {
            if (!raw.columnNames().contains(column)) {
                throw new IllegalArgumentException(where + " has no column '" + column + "'; its columns are " + raw.columnNames());
            }
        }
        int n = raw.rowCount();
        LocalDate[] dates = parseDates(raw.stringColumn(options.dateColumn()), options.datePattern(), where);
        Columns.requireChronological(dates, where, 2);

        double[][] values = new double[options.valueColumns().size()][];
        List<String> missingCells = new ArrayList<>();
        boolean[] rowHasMissing = new boolean[n];
        for (int j = 0; j < values.length; j++) {
            String column = options.valueColumns().get(j);
            values[j] = parseNumbers(raw.stringColumn(column), where, column, missingCells, rowHasMissing);
        }
        if (!missingCells.isEmpty()) {
            String summary = missingCells.size() + " missing value(s) in " + where + " at " + abbreviate(missingCells);
            switch (options.missing()) {
                case FAIL -> throw new IllegalArgumentException(summary
                        + "; choose how to handle them with options().missing(MissingValues.DROP_ROWS / FORWARD_FILL / LINEAR_INTERPOLATION)");
                case FORWARD_FILL -> {
                    for (int j = 0; j < values.length; j++) {
                        forwardFill(values[j], where, options.valueColumns().get(j));
                    }
                    Displays.display("filled by forward fill: " + summary);
                }
                case LINEAR_INTERPOLATION -> {
                    for (int j = 0; j < values.length; j++) {
                        interpolate(values[j], where, options.valueColumns().get(j));
                    }
                    Displays.display("filled by linear interpolation: " + summary);
                }
                case DROP_ROWS -> Displays.display("dropped rows with missing values: " + summary);
            }
        }

        DateColumn dateColumn = DateColumn.create(options.dateColumn());
        List<DoubleColumn> valueColumns = new ArrayList<>();
        for (String column : options.valueColumns()) {
            valueColumns.add(DoubleColumn.create(column));
        }
        for (int row = 0; row < n; row++) {
            if (options.missing() == MissingValues.DROP_ROWS && rowHasMissing[row]) {
                continue;
            }
            dateColumn.append(dates[row]);
            for (int j = 0; j < values.length; j++) {
                valueColumns.get(j).append(values[j][row]);
            }
        }
        Table table = Table.create(where, dateColumn);
        valueColumns.forEach(table::addColumns);
        return table;
    }

    private static LocalDate[] parseDates(StringColumn column, String pattern, String where) {
        DateTimeFormatter format = pattern == null ? DateTimeFormatter.ISO_LOCAL_DATE
                : DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        LocalDate[] dates = new LocalDate[column.size()];
        for (int row = 0; row < dates.length; row++) {
            String text = column.get(row).strip();
            try {
                dates[row] = LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ", line " + (row + 2) + ": cannot read '" + text
                        + "' in column '" + column.name() + "' as a date"
                        + (pattern == null ? " (expected yyyy-MM-dd; set options().datePattern(...))" : " with pattern " + pattern));
            }
        }
        return dates;
    }

    private static double[] parseNumbers(StringColumn column, String where, String name,
                                         List<String> missingCells, boolean[] rowHasMissing) {
        double[] out = new double[column.size()];
        for (int row = 0; row < out.length; row++) {
            String text = column.get(row).strip();
            if (MISSING.contains(text.toLowerCase(Locale.ROOT))) {
                out[row] = Double.NaN;
                missingCells.add("line " + (row + 2) + " column '" + name + "'");
                rowHasMissing[row] = true;
                continue;
            }
            try {
                out[row] = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ", line " + (row + 2) + ": column '" + name
                        + "' holds '" + text + "', which is not a number");
            }
        }
        return out;
    }

    private static void forwardFill(double[] v, String where, String column) {
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                if (i == 0) {
                    throw new IllegalArgumentException(where + ": the first value of column '" + column
                            + "' is missing; forward fill has nothing to repeat");
                }
                v[i] = v[i - 1];
            }
        }
    }

    private static void interpolate(double[] v, String where, String column) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                continue;
            }
            int end = i;
            while (end < v.length && Double.isNaN(v[end])) {
                end++;
            }
            if (i == 0 || end == v.length) {
                throw new IllegalArgumentException(where + ": column '" + column
                        + "' has missing values at its " + (i == 0 ? "start" : "end") + "; interpolation needs a value on both sides");
            }
            for (int k = i; k < end; k++) {
                double w = (double) (k - i + 1) / (end - i + 1);
                v[k] = (1 - w) * v[i - 1] + w * v[end];
            }
            i = end;
        }
    }

    private static String abbreviate(List<String> cells) {
        return cells.size() <= 5 ? String.join(", ", cells)
                : String.join(", ", cells.subList(0, 5)) + " and " + (cells.size() - 5) + " more";
    }
}
