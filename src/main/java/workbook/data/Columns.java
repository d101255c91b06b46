package workbook.data;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.time.LocalDate;
import java.util.List;

/**
 * Checked access to table columns: every problem (missing column, wrong type, missing value,
 * dates out of order) is reported with the table, column and row it concerns.
 */
public final class Columns {

    private Columns() {
    }

    /** The column, or an error listing the columns the table does have. */
    public static Column<?> require(Table table, String column) {
        if (!table.columnNames().contains(column)) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + column
                    + "'; its columns are " + table.columnNames());
        }
        return table.column(column);
    }

    /** A numeric column as doubles; fails on a non-numeric column or on the first missing value. */
    public static double[] doubles(Table table, String column) {
        Column<?> c = require(table, column);
        if (!(c instanceof NumericColumn<?> numeric)) {
            throw new IllegalArgumentException("column '" + column + "' of table '" + table.name()
                    + "' is not numeric (it holds " + c.type().name() + ")");
        }
        double[] values = new double[c.size()];
        for (int row = 0; row < values.length; row++) {
            double v = numeric.isMissing(row) ? Double.NaN : numeric.getDouble(row);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("column '" + column + "' of table '" + table.name()
                        + "' has a missing or non-finite value at row " + row
                        + " (fill or drop it explicitly, e.g. with CsvSeries' MissingValues option)");
            }
            values[row] = v;
        }
        return values;
    }

    /** Several numeric columns as a {@code [time][column]} matrix. */
    public static double[][] matrix(Table table, List<String> columns) {
        double[][] byColumn = new double[columns.size()][];
        for (int j = 0; j < columns.size(); j++) {
            byColumn[j] = doubles(table, columns.get(j));
        }
        double[][] rows = new double[table.rowCount()][columns.size()];
        for (int t = 0; t < rows.length; t++) {
            for (int j = 0; j < columns.size(); j++) {
                rows[t][j] = byColumn[j][t];
            }
        }
        return rows;
    }

    /** A date column; it must have no missing value and be strictly increasing. */
    public static LocalDate[] dates(Table table, String column) {
        Column<?> c = require(table, column);
        if (c.type() != ColumnType.LOCAL_DATE) {
            throw new IllegalArgumentException("column '" + column + "' of table '" + table.name()
                    + "' is not a date column (it holds " + c.type().name() + ")");
        }
        DateColumn dates = (DateColumn) c;
        LocalDate[] out = new LocalDate[dates.size()];
        for (int row = 0; row < out.length; row++) {
            if (dates.isMissing(row)) {
                throw new IllegalArgumentException("column '" + column + "' of table '" + table.name()
                        + "' has a missing date at row " + row);
            }
            out[row] = dates.get(row);
        }
        requireChronological(out, "column '" + column + "' of table '" + table.name() + "'", 0);
        return out;
    }

    /**
     * Fails unless the dates strictly increase. {@code firstRowNumber} is what row 0 is called in
     * messages (e.g. 2 for the first data line of a CSV file with a header).
     */
    static <T extends Comparable<? super T>> void requireChronological(T[] dates, String where, int firstRowNumber) {
        for (int row = 1; row < dates.length; row++) {
            int order = dates[row].compareTo(dates[row - 1]);
            if (order == 0) {
                throw new IllegalArgumentException(where + ": date " + dates[row] + " appears twice (rows "
                        + (row - 1 + firstRowNumber) + " and " + (row + firstRowNumber) + ")");
            }
            if (order < 0) {
                throw new IllegalArgumentException(where + ": dates out of order at row " + (row + firstRowNumber)
                        + ": " + dates[row] + " comes after " + dates[row - 1]
                        + " (sort the file first; the workbook never reorders data silently)");
            }
        }
    }
}
