package example;

import tech.tablesaw.api.Table;
import workbook.data.Columns;
import workbook.data.DataFiles;
import workbook.data.Datasets;
import workbook.data.Scaler;
import workbook.data.WindowGenerator;
import workbook.data.WindowedSplits;
import workbook.djl.History;
import workbook.djl.RecurrentModel;
import workbook.djl.TrainData;
import workbook.model.Fit;
import workbook.plot.Plots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A program of someone else's project using the workbook's library: train, save, reload, plot. */
public class Forecast {
    public static void main(String[] args) throws Exception {
        Table air = Datasets.airPassengers();   // shipped inside the library jar
        System.out.println("shipped data: " + air.rowCount() + " rows from " + DataFiles.shipped("AirPassengers.csv").location());
        Table sales = Datasets.csv(Path.of("sales.csv"), "date", "units");   // a CSV of this project's own
        System.out.println("own data: " + sales.rowCount() + " rows, columns " + sales.columnNames());
        WindowedSplits data = WindowGenerator.builder().inputWidth(12).labelWidth(1).shift(1).build()
                .split(Columns.doubles(air, "passengers"), 0.7, 0.15, Scaler.Kind.STANDARD);
        double[][][] test = data.test().inputs();
        Path file = Path.of("target", "gru.model");
        double[][] trained;
        try (RecurrentModel gru = RecurrentModel.gru(16).outputs(1).build()) {
            History history = gru.fit(TrainData.of(data.train()), TrainData.of(data.validation()),
                    Fit.epochs(1).progress(false));
            System.out.printf(Locale.ROOT, "1 epoch: train loss %.4f, validation loss %.4f%n",
                    history.lastTrainLoss(), history.epochs().get(0).validationLoss());
            gru.save(file);
            trained = gru.predict(test);
        }
        try (RecurrentModel reloaded = RecurrentModel.gru(16).outputs(1).build()) {
            reloaded.load(file);
            double[][] again = reloaded.predict(test);
            double largest = 0;
            for (int i = 0; i < test.length; i++) {
                largest = Math.max(largest, Math.abs(again[i][0] - trained[i][0]));
            }
            System.out.printf(Locale.ROOT, "reloaded: %d forecasts, largest difference %.1e%n", test.length, largest);
        }
        Path page = Plots.save(Plots.timeSeries(air, "month", "passengers", "Airline passengers", "thousands"),
                Path.of("target", "air.html"));
        System.out.println("figure: " + page.getFileName() + ", " + Files.size(page) + " bytes");
    }
}
