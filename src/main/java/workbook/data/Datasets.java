package workbook.data;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static tech.tablesaw.api.ColumnType.DOUBLE;
import static tech.tablesaw.api.ColumnType.INTEGER;
import static tech.tablesaw.api.ColumnType.LOCAL_DATE;
import static tech.tablesaw.api.ColumnType.LOCAL_DATE_TIME;
import static tech.tablesaw.api.ColumnType.LONG;
import static tech.tablesaw.api.ColumnType.STRING;

/**
 * One call per data set shipped in {@code data/} (see {@code data/README.md} for sources,
 * licences and units), and {@link #csv(Path, String...)} for any CSV file or URL, read the same way. Every table comes
 * back with typed columns and, for time series, a real date column in chronological order. The shipped data sets
 * come from {@code -Dworkbook.data}, the repository's {@code data/}, or the library jar ({@link DataFiles}).
 *
 * <pre>{@code
 * Table air = Datasets.airPassengers();          // month, passengers
 * double[] y = Columns.doubles(air, "passengers");
 * }</pre>
 */
public final class Datasets {

    private Datasets() {
    }

    /** Monthly airline passengers 1949-1960 (Box and Jenkins): month (first day), passengers (thousands). */
    public static Table airPassengers() {
        return monthlyFromR("AirPassengers.csv", "airline passengers", "passengers");
    }

    /** Monthly mean air temperature at Nottingham 1920-1939: month, temperature (degrees Fahrenheit). */
    public static Table nottingham() {
        return monthlyFromR("nottem.csv", "Nottingham temperature", "temperature");
    }

    /** Monthly prices of AAPL, AMZN, GOOG, IBM, MSFT 2000-2010: symbol, date, price (USD), one symbol after another. */
    public static Table stocks() {
        return read("stocks.csv", "stocks", DateTimeFormatter.ofPattern("MMM d yyyy", Locale.ENGLISH),
                STRING, LOCAL_DATE, DOUBLE);
    }

    /** One symbol of {@link #stocks()}: date, price (USD), checked to be in chronological order. */
    public static Table stock(String symbol) {
        Table all = stocks();
        Table one = all.where(all.stringColumn("symbol").isEqualTo(symbol)).removeColumns("symbol");
        if (one.isEmpty()) {
            throw new IllegalArgumentException("no stock '" + symbol + "' in stocks.csv; symbols are "
                    + all.stringColumn("symbol").unique().asList());
        }
        one.setName("stock " + symbol);
        Columns.dates(one, "date");
        return one;
    }

    /** Daily S&P 500 2000-01-03 .. 2020-04-17: date, open, high, low, close, adjclose (index points), volume (shares). */
    public static Table sp500() {
        return checkedDates(read("sp500-2000.csv", "S&P 500", null,
                LOCAL_DATE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, LONG), "date");
    }

    /** Daily Seattle weather 2012-2015: date, precipitation (mm), temp_max, temp_min (°C), wind (m/s), weather (label). */
    public static Table seattleWeather() {
        return checkedDates(read("seattle-weather.csv", "Seattle weather", null,
                LOCAL_DATE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, STRING), "date");
    }

    /** Hourly climate normals for Seattle (year 2010 stamps): date (date-time), pressure (hPa), temperature (°C), wind (m/s). */
    public static Table seattleHourlyNormals() {
        Table t = read("seattle-weather-hourly-normals.csv", "Seattle hourly normals", null,
                LOCAL_DATE_TIME, DOUBLE, DOUBLE, DOUBLE);
        Columns.requireChronological(t.dateTimeColumn("date").asList().toArray(new LocalDateTime[0]),
                "column 'date' of table '" + t.name() + "'", 0);
        return t;
    }

    /** Monthly Mauna Loa CO2 1958-2020: date, co2, co2_adjusted (seasonally adjusted), in ppm. */
    public static Table co2() {
        Table t = read("co2-concentration.csv", "Mauna Loa CO2", null, LOCAL_DATE, DOUBLE, DOUBLE);
        t.column(0).setName("date");
        t.column(1).setName("co2");
        t.column(2).setName("co2_adjusted");
        return checkedDates(t, "date");
    }

    /** Yearly global surface temperature anomaly 1880-2023 (NASA GISS): year, temp (°C relative to 1951-1980). */
    public static Table globalTemperature() {
        return read("global-temp.csv", "global temperature", null, INTEGER, DOUBLE);
    }

    /** Daily US births 2000-2014: date, day_of_week (1 = Monday .. 7 = Sunday), births. */
    public static Table usBirths() {
        return births("us-births-2000-2014.csv", "US births");
    }

    /**
     * Daily US births 1969-1988 (CDC NCHS; another source and other years than {@link #usBirths()}, for checking
     * that a recipe tuned on one holds on another): date, day_of_week (1 = Monday .. 7 = Sunday), births.
     */
    public static Table usBirths1969to1988() {
        return births("us-births-1969-1988.csv", "US births 1969-1988");
    }

    /**
     * Daily weather 2012-2015 of one city of vega's {@code weather.csv}, "Seattle" or "New York": date,
     * precipitation (mm), temp_max, temp_min (°C), wind (m/s), weather (label).
     */
    public static Table weather(String location) {
        Table all = read("weather.csv", "weather", null, STRING, LOCAL_DATE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, STRING);
        Table city = all.where(all.stringColumn("location").isEqualTo(location));
        if (city.isEmpty()) {
            throw new IllegalArgumentException("no weather for '" + location + "'; have "
                    + all.stringColumn("location").unique().asList());
        }
        return checkedDates(city.removeColumns("location").setName(location + " weather"), "date");
    }

    private static Table births(String file, String title) {
        Table raw = read(file, title, null, INTEGER, INTEGER, INTEGER, INTEGER, DOUBLE);
        DateColumn date = DateColumn.create("date");
        for (int row = 0; row < raw.rowCount(); row++) {
            date.append(LocalDate.of(raw.intColumn("year").get(row), raw.intColumn("month").get(row),
                    raw.intColumn("date_of_month").get(row)));
        }
        Table t = Table.create(title, date, raw.intColumn("day_of_week"), raw.doubleColumn("births"));
        return checkedDates(t, "date");
    }

    /**
     * Single-hop sensor network (Suthaharan et al. 2010): reading (per-mote sequence number, one
     * every 5 s), mote_id, indoor (1/0), humidity (%), temperature (°C), label (1 = introduced anomaly).
     */
    public static Table sensorNetwork() {
        return read("sensor-single-hop.csv", "sensor network", null, INTEGER, INTEGER, INTEGER, DOUBLE, DOUBLE, INTEGER);
    }

    /** Jane Austen's Pride and Prejudice as one string (684,768 characters). */
    public static String pridePrejudice() {
        return DataFiles.shipped("prideprejudice.txt").text();
    }

    /** Where a labelled sentence comes from (UCI Sentiment Labelled Sentences). */
    public enum SentimentSource { IMDB, AMAZON, YELP }

    /** A sentence and its label: 0 = negative, 1 = positive. */
    public record LabelledSentence(String text, int label, SentimentSource source) {
    }

    /**
     * The labelled sentences of the given sources (all three if none given), 1000 per source. Each
     * file ends with an empty entry ({@code {"text":"","class":null}}) which is dropped here, on
     * purpose; any other empty or unlabelled entry is an error.
     */
    public static List<LabelledSentence> sentiment(SentimentSource... sources) {
        SentimentSource[] chosen = sources.length == 0 ? SentimentSource.values() : sources;
        List<LabelledSentence> all = new ArrayList<>();
        for (SentimentSource source : chosen) {
            String name = "sentiment/" + source.name().toLowerCase(Locale.ROOT) + ".json";
            JsonArray entries = new Gson().fromJson(DataFiles.shipped(name).text(), JsonArray.class);
            int last = entries.size() - 1;
            JsonObject end = entries.get(last).getAsJsonObject();
            if (end.get("text").getAsString().isEmpty() && end.get("class").isJsonNull()) {
                last--; // the documented empty terminator of the original fixture
            }
            for (int i = 0; i <= last; i++) {
                JsonObject entry = entries.get(i).getAsJsonObject();
                JsonElement label = entry.get("class");
                String text = entry.get("text").getAsString().strip();
                if (label == null || label.isJsonNull() || text.isEmpty()) {
                    throw new IllegalArgumentException(name + ": entry " + i + " has no text or no label: " + entry);
                }
                all.add(new LabelledSentence(text, label.getAsInt(), source));
            }
        }
        return Collections.unmodifiableList(all);
    }

    private static Table monthlyFromR(String file, String title, String valueName) {
        Table raw = read(file, title, null, DOUBLE, INTEGER, INTEGER, DOUBLE);
        DateColumn month = DateColumn.create("month");
        IntColumn year = raw.intColumn("year");
        IntColumn period = raw.intColumn("period");
        for (int row = 0; row < raw.rowCount(); row++) {
            month.append(LocalDate.of(year.get(row), period.get(row), 1));
        }
        DoubleColumn value = raw.doubleColumn("value").copy().setName(valueName);
        return checkedDates(Table.create(title, month, value), "month");
    }

    private static Table checkedDates(Table table, String dateColumn) {
        Columns.dates(table, dateColumn);
        return table;
    }

    /**
     * Any CSV file as a table, column types found by Tablesaw (numbers, dates as yyyy-MM-dd, text); each column
     * named in {@code requiredColumns} must be there. For a time series with checked dates and explicit handling of
     * missing values, see {@link CsvSeries}.
     *
     * <pre>{@code
     * Table sales = Datasets.csv(Path.of("sales.csv"), "date", "units");
     * }</pre>
     */
    public static Table csv(Path file, String... requiredColumns) {
        return csv(DataFiles.file(file), requiredColumns);
    }

    /** A CSV file at a URL (http, https, file, jar) as {@link #csv(Path, String...)} reads a file. */
    public static Table csv(URL url, String... requiredColumns) {
        return csv(DataFiles.url(url), requiredColumns);
    }

    /** A path or a URL ({@code https://...}), told apart by the scheme, as {@link #csv(Path, String...)} reads it. */
    public static Table csv(String pathOrUrl, String... requiredColumns) {
        return csv(DataFiles.pathOrUrl(pathOrUrl), requiredColumns);
    }

    private static Table csv(DataFiles.Loaded source, String... requiredColumns) {
        Table table = table(source, source.name(), null, (ColumnType[]) null);
        for (String column : requiredColumns) {
            Columns.require(table, column);
        }
        return table;
    }

    /** Reads a shipped CSV with the given column types; a type mismatch fails loudly rather than guessing. */
    static Table read(String file, String title, DateTimeFormatter dateFormat, ColumnType... types) {
        return table(DataFiles.shipped(file), title, dateFormat, types);
    }

    /** The one CSV reader behind the shipped data sets and the reader's own files: null types = Tablesaw guesses. */
    static Table table(DataFiles.Loaded source, String title, DateTimeFormatter dateFormat, ColumnType... types) {
        CsvReadOptions.Builder options = CsvReadOptions.builder(new ByteArrayInputStream(source.bytes())).tableName(title);
        if (types != null) {
            options.columnTypes(types);
        }
        if (dateFormat != null) {
            options.dateFormat(dateFormat);
        }
        try {
            return Table.read().usingOptions(options.build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + source.location()
                    + (types == null ? "" : " with column types " + List.of(types)) + ": " + e.getMessage(), e);
        }
    }
}
