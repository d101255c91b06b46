package workbook.data;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped data sets from a folder or from the jar, and any CSV file or URL, through one reader. */
class DataAnywhereTest {

    private static final String SALES = "date,units,shop\n2024-01-01,3,north\n2024-01-02,5,south\n2024-01-03,4,north\n";

    @Test
    void outsideTheRepositoryTheShippedDataComeFromTheClassPath(@TempDir Path elsewhere) throws IOException {
        // another project's own data/ folder, without the repository's launcher beside it, is not ours
        Files.createDirectories(elsewhere.resolve("data"));
        assertEquals(Optional.empty(), DataFiles.folder(null, elsewhere));
        DataFiles.Loaded fromJar = DataFiles.shipped("AirPassengers.csv", null, elsewhere);
        assertTrue(fromJar.location().endsWith("workbook/data/AirPassengers.csv")
                && !fromJar.location().startsWith(Path.of("data").toAbsolutePath().toString()), fromJar.location());
        DataFiles.Loaded fromFolder = DataFiles.shipped("AirPassengers.csv", null, Path.of("").toAbsolutePath());
        assertEquals(Path.of("data", "AirPassengers.csv").toAbsolutePath().toString(), fromFolder.location());
        assertArrayEquals(Files.readAllBytes(Path.of("data", "AirPassengers.csv")), fromJar.bytes());
        assertEquals(Optional.of(Path.of("data").toAbsolutePath()), DataFiles.folder(null, Path.of("notebooks").toAbsolutePath()));

        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> DataFiles.shipped("nope.csv", null, elsewhere));
        assertEquals("data file 'nope.csv' not found: not in a data folder (none here; set -Dworkbook.data=/path/to/data)"
                + " nor in the library jar (workbook/data/nope.csv)", absent.getMessage());
        IllegalStateException noFolder = assertThrows(IllegalStateException.class,
                () -> DataFiles.shipped("AirPassengers.csv", elsewhere.resolve("missing").toString(), elsewhere));
        assertEquals("data folder not found: -Dworkbook.data=" + elsewhere.resolve("missing") + " names "
                + elsewhere.resolve("missing") + ", which is not a folder", noFolder.getMessage());
    }

    @Test
    void anyCsvFileIsReadWithTypedColumnsAndRequiredColumnsChecked(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sales.csv");
        Files.writeString(file, SALES);
        Table sales = Datasets.csv(file, "date", "units");
        assertEquals("sales.csv", sales.name());
        assertEquals(List.of("date", "units", "shop"), sales.columnNames());
        assertEquals(ColumnType.LOCAL_DATE, sales.column("date").type());
        assertArrayEquals(new double[] {3, 5, 4}, Columns.doubles(sales, "units"), 0);
        assertEquals(LocalDate.of(2024, 1, 3), Columns.dates(sales, "date")[2]);
        assertEquals(sales.rowCount(), Datasets.csv(file.toString()).rowCount(), "a path given as text");

        IllegalArgumentException noColumn = assertThrows(IllegalArgumentException.class,
                () -> Datasets.csv(file, "date", "price"));
        assertEquals("table 'sales.csv' has no column 'price'; its columns are [date, units, shop]", noColumn.getMessage());
        IllegalArgumentException noFile = assertThrows(IllegalArgumentException.class,
                () -> Datasets.csv(dir.resolve("absent.csv")));
        assertEquals("file not found: " + dir.resolve("absent.csv").toAbsolutePath(), noFile.getMessage());
    }

    @Test
    void aCsvAtAnHttpAddressIsReadTheSameWay() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sales.csv", exchange -> {
            byte[] body = SALES.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/moved.csv", exchange -> {   // as an http address that moved to https would answer
            exchange.getResponseHeaders().add("Location", "/sales.csv");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/broken.csv", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Table sales = Datasets.csv(new URL(base + "/sales.csv"), "units");
            assertEquals("sales.csv", sales.name());
            assertArrayEquals(new double[] {3, 5, 4}, Columns.doubles(sales, "units"), 0);
            assertEquals(3, Datasets.csv(base + "/sales.csv").rowCount(), "an address given as text");
            Table series = CsvSeries.read(new URL(base + "/sales.csv"), CsvSeries.options().valueColumns("units"));
            assertEquals(List.of("date", "units"), series.columnNames());

            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> Datasets.csv(base + "/absent.csv"));
            assertEquals("nothing found at " + base + "/absent.csv", missing.getMessage());
            Table moved = Datasets.csv(new URL(base + "/moved.csv?raw=true"), "units");
            assertEquals("sales.csv", moved.name(), "a redirect is followed to the file, not read as the data");
            assertEquals(3, moved.rowCount());
            assertEquals("sales.csv", Datasets.csv(new URL(base + "/sales.csv?raw=true")).name(), "the query is not the name");
            IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                    () -> Datasets.csv(base + "/broken.csv"));
            assertEquals(base + "/broken.csv answered HTTP 500 Internal Server Error; expected the file itself (HTTP 200)",
                    broken.getMessage());
            Path jar = Files.createTempFile("data", ".jar");
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
                zip.putNextEntry(new java.util.zip.ZipEntry("in/sales.csv"));
                zip.write(SALES.getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(3, Datasets.csv("jar:" + jar.toUri() + "!/in/sales.csv").rowCount(), "a jar: address as text");
            Files.delete(jar);
            IllegalArgumentException noColumn = assertThrows(IllegalArgumentException.class,
                    () -> CsvSeries.read(new URL(base + "/sales.csv"), CsvSeries.options().valueColumns("price")));
            assertEquals("sales.csv has no column 'price'; its columns are [date, units, shop]", noColumn.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
