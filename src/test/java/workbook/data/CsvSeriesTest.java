package workbook.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvSeriesTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("series.csv");
        Files.writeString(file, text);
        return file;
    }

    private String fails(Path file, CsvSeries.Options options) {
        return assertThrows(IllegalArgumentException.class, () -> CsvSeries.read(file, options)).getMessage();
    }

    @Test
    void readsDatesAndValues() throws IOException {
        Path file = write("day,close,volume\n2020-01-02,10.5,100\n2020-01-03,11,120\n2020-01-06,12.25,90\n");
        Table t = CsvSeries.read(file, CsvSeries.options().dateColumn("day").valueColumns("close"));
        assertEquals(3, t.rowCount());
        assertArrayEquals(new double[]{10.5, 11, 12.25}, Columns.doubles(t, "close"), 0);
        assertEquals(3, Columns.dates(t, "day").length);
    }

    @Test
    void reportsEveryKindOfBadInput() throws IOException {
        CsvSeries.Options options = CsvSeries.options().valueColumns("value");
        assertTrue(fails(dir.resolve("absent.csv"), options).contains("file not found"));
        String noColumn = fails(write("date,price\n2020-01-01,1\n"), options);
        assertTrue(noColumn.contains("no column 'value'") && noColumn.contains("[date, price]"), noColumn);
        String notNumber = fails(write("date,value\n2020-01-01,1\n2020-01-02,abc\n"), options);
        assertTrue(notNumber.contains("line 3") && notNumber.contains("'abc'"), notNumber);
        String duplicate = fails(write("date,value\n2020-01-01,1\n2020-01-01,2\n"), options);
        assertTrue(duplicate.contains("appears twice") && duplicate.contains("rows 2 and 3"), duplicate);
        String order = fails(write("date,value\n2020-01-05,1\n2020-01-02,2\n"), options);
        assertTrue(order.contains("out of order at row 3"), order);
        String badDate = fails(write("date,value\n05/01/2020,1\n"), options);
        assertTrue(badDate.contains("line 2") && badDate.contains("as a date"), badDate);
        String missing = fails(write("date,value\n2020-01-01,1\n2020-01-02,\n2020-01-03,NA\n"), options);
        assertTrue(missing.contains("2 missing value(s)") && missing.contains("line 3") && missing.contains("line 4"), missing);
    }

    @Test
    void missingValuesAreFilledOnlyByExplicitChoice() throws IOException {
        Path file = write("date,value\n2020-01-01,1\n2020-01-02,\n2020-01-03,NaN\n2020-01-04,7\n");
        CsvSeries.Options base = CsvSeries.options().valueColumns("value");
        assertArrayEquals(new double[]{1, 1, 1, 7},
                Columns.doubles(CsvSeries.read(file, base.missing(CsvSeries.MissingValues.FORWARD_FILL)), "value"), 0);
        assertArrayEquals(new double[]{1, 3, 5, 7},
                Columns.doubles(CsvSeries.read(file, base.missing(CsvSeries.MissingValues.LINEAR_INTERPOLATION)), "value"), 1e-12);
        Table dropped = CsvSeries.read(file, base.missing(CsvSeries.MissingValues.DROP_ROWS));
        assertArrayEquals(new double[]{1, 7}, Columns.doubles(dropped, "value"), 0);
    }

    @Test
    void customDatePattern() throws IOException {
        Path file = write("date,price\nJan 1 2000,39.81\nFeb 1 2000,36.35\n");
        Table t = CsvSeries.read(file, CsvSeries.options().valueColumns("price").datePattern("MMM d yyyy"));
        assertEquals(2, t.rowCount());
    }
}
