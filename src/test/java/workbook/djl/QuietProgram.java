package workbook.djl;

import workbook.scratch.Model;
import workbook.scratch.Recurrent;
import workbook.model.Fit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A plain program using the library, run in its own JVM by {@link QuietProgramTest}: it must print only its own lines. */
public final class QuietProgram {

    private QuietProgram() {
    }

    public static void main(String[] args) throws Exception {
        double[][][] x = new double[40][6][1];
        double[][] y = new double[40][1];
        for (int i = 0; i < 40; i++) {
            for (int t = 0; t < 6; t++) {
                x[i][t][0] = Math.sin(0.3 * (i + t));
            }
            y[i][0] = Math.sin(0.3 * (i + 6));
        }
        Path file = Files.createTempFile("quiet", ".model");
        try (RecurrentModel model = RecurrentModel.gru(4).outputs(1).build()) {
            model.fit(TrainData.of(x, y), Fit.epochs(2).progress(true));
            model.setWeight("head.bias", new float[] {0.25f});   // NDArray.set made libtorch warn here
            model.save(file);
            model.load(file);
            System.out.println(String.format(Locale.ROOT, "prediction %.6f", model.predict(x)[0][0]));
        } finally {
            Files.deleteIfExists(file);
        }
        Model scratch = Model.builder(Recurrent.lstm(1, 3).build()).build();
        scratch.fit(x, y, Fit.epochs(2).batchSize(20).progress(true));
        System.out.println("tuned for small models: " + Models.tunedForSmallModels() + ", intra-op threads: " + Models.threads());
    }
}
