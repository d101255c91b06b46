package workbook.data;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsTest {

    @Test
    void monthlySeriesHaveRealDates() {
        Table air = Datasets.airPassengers();
        assertEquals(List.of("month", "passengers"), air.columnNames());
        assertEquals(144, air.rowCount());
        assertEquals(LocalDate.of(1949, 1, 1), air.dateColumn("month").get(0));
        assertEquals(LocalDate.of(1960, 12, 1), air.dateColumn("month").get(143));
        assertEquals(112, air.doubleColumn("passengers").get(0));
        assertEquals(432, air.doubleColumn("passengers").get(143));

        Table nottem = Datasets.nottingham();
        assertEquals(240, nottem.rowCount());
        assertEquals(40.6, nottem.doubleColumn("temperature").get(0));
        assertEquals(LocalDate.of(1939, 12, 1), nottem.dateColumn("month").get(239));
    }

    @Test
    void stocksParseEnglishMonthNames() {
        Table stocks = Datasets.stocks();
        assertEquals(560, stocks.rowCount());
        assertEquals(ColumnType.LOCAL_DATE, stocks.column("date").type());
        Table msft = Datasets.stock("MSFT");
        assertEquals(123, msft.rowCount());
        assertEquals(LocalDate.of(2000, 1, 1), msft.dateColumn("date").get(0));
        assertEquals(39.81, msft.doubleColumn("price").get(0));
        assertEquals(68, Datasets.stock("GOOG").rowCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.stock("TSLA"));
        assertTrue(e.getMessage().contains("TSLA") && e.getMessage().contains("AAPL"), e.getMessage());
    }

    @Test
    void everyShippedTableLoadsWithItsRowCount() {
        Table sp = Datasets.sp500();
        assertEquals(5105, sp.rowCount());
        assertEquals(LocalDate.of(2020, 4, 17), sp.dateColumn("date").get(5104));
        assertEquals(ColumnType.LONG, sp.column("volume").type());
        assertEquals(1461, Datasets.seattleWeather().rowCount());
        Table hourly = Datasets.seattleHourlyNormals();
        assertEquals(8759, hourly.rowCount());
        assertEquals(LocalDateTime.of(2010, 1, 1, 1, 0), hourly.dateTimeColumn("date").get(0));
        Table co2 = Datasets.co2();
        assertEquals(List.of("date", "co2", "co2_adjusted"), co2.columnNames());
        assertEquals(741, co2.rowCount());
        assertEquals(144, Datasets.globalTemperature().rowCount());
        Table births = Datasets.usBirths();
        assertEquals(5479, births.rowCount());
        assertEquals(LocalDate.of(2014, 12, 31), births.dateColumn("date").get(5478));
        assertEquals(11990, births.doubleColumn("births").get(5478));
        Table sensors = Datasets.sensorNetwork();
        assertEquals(18914, sensors.rowCount());
        assertTrue(sensors.intColumn("label").sum() > 0);
    }

    @Test
    void textsLoad() {
        String book = Datasets.pridePrejudice();
        assertEquals(684_768, book.length());
        assertTrue(book.startsWith("PRIDE AND PREJUDICE"));
        List<Datasets.LabelledSentence> imdb = Datasets.sentiment(Datasets.SentimentSource.IMDB);
        assertEquals(1000, imdb.size()); // 1001 entries, the empty last one dropped on purpose
        assertTrue(imdb.stream().allMatch(s -> !s.text().isEmpty() && (s.label() == 0 || s.label() == 1)));
        assertEquals(3000, Datasets.sentiment().size());
    }

    @Test
    void aMissingDataFolderListsThePathsTried() {
        String old = System.getProperty(DataFiles.PROPERTY);
        System.setProperty(DataFiles.PROPERTY, "/nonexistent/folder");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, Datasets::airPassengers);
            assertTrue(e.getMessage().contains("/nonexistent/folder"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(DataFiles.PROPERTY);
            } else {
                System.setProperty(DataFiles.PROPERTY, old);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFiles.shipped("nope.csv"));
        assertTrue(e.getMessage().startsWith("data file 'nope.csv' not found: ")
                && e.getMessage().endsWith("data/nope.csv"), e.getMessage());
    }

    @Test
    void columnAccessNamesTheProblem() {
        Table air = Datasets.airPassengers();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Columns.doubles(air, "value"));
        assertTrue(missing.getMessage().contains("no column 'value'") && missing.getMessage().contains("passengers"), missing.getMessage());
        IllegalArgumentException notNumeric = assertThrows(IllegalArgumentException.class, () -> Columns.doubles(air, "month"));
        assertTrue(notNumeric.getMessage().contains("not numeric"), notNumeric.getMessage());
    }
}
