package workbook.djl;

import java.util.Locale;

/** The one-line training progress shown (and updated in place) while fitting; its text is {@link #toString()}. */
public record Progress(int epoch, int epochs, int batch, int batches, double loss, double sequencesPerSecond,
        double secondsLeft, double validationLoss) {

    @Override
    public String toString() {
        String val = Double.isNaN(validationLoss) ? "" : String.format(Locale.ROOT, "  val_loss %.5f", validationLoss);
        return String.format(Locale.ROOT, "epoch %d/%d  batch %d/%s  loss %.5f%s  %.0f seq/s  %s left",
                epoch, epochs, batch, batches < 0 ? "?" : String.valueOf(batches), loss, val, sequencesPerSecond,
                formatSeconds(secondsLeft));
    }

    static String formatSeconds(double s) {
        if (!Double.isFinite(s)) {
            return "?";
        }
        long whole = Math.round(s);
        return whole >= 60 ? (whole / 60) + "m" + String.format(Locale.ROOT, "%02d", whole % 60) + "s" : whole + "s";
    }
}
