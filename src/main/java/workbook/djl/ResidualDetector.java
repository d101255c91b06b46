package workbook.djl;

import workbook.data.StandardScaler;
import workbook.model.Fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forecast-residual anomaly scores, the recipe of notebook 12: a GRU learns to forecast the next reading of
 * several series (e.g. sensors with the same columns) from their training period, which must be normal; the
 * anomaly score of a reading is its largest absolute forecast error over the columns, in units of the training
 * spread. Turn scores into flags and a verdict with {@link workbook.classic.Detection#evaluate}, which takes the
 * threshold from a validation period after training.
 *
 * <pre>{@code
 * ResidualDetector.Scored scored = ResidualDetector.gru(16).window(20).input(ResidualDetector.Input.CHANGES)
 *         .fit(Fit.epochs(8).learningRate(0.01)).seed(42).score(List.of(moteOne, moteTwo), 1500);
 * Detection.Verdict verdict = Detection.evaluate(scored.scores(), labels, 1500, 2000, 0.999, 5);
 * }</pre>
 *
 * Two inputs: {@link Input#LEVELS} forecasts the readings themselves (each series scaled by its training mean and
 * standard deviation), the textbook version, which calls every level the training period never reached anomalous;
 * {@link Input#CHANGES} forecasts the change from one reading to the next (scaled by the training spread of the
 * changes), which a slow drift of the level does not disturb.
 */
public final class ResidualDetector {

    /** What the network reads and forecasts. */
    public enum Input {
        /** The readings, scaled by each series' training mean and standard deviation. */
        LEVELS,
        /** The changes y_t - y_{t-1}, scaled by each series' training standard deviation of the changes. */
        CHANGES
    }

    /** One score per reading of each series (NaN where the window has no full past yet), and the training history. */
    public record Scored(List<double[]> scores, History history) {
    }

    private final int hidden;
    private final int window;
    private final Input input;
    private final Fit fit;
    private final long seed;

    private ResidualDetector(int hidden, int window, Input input, Fit fit, long seed) {
        if (hidden < 1 || window < 1) {
            throw new IllegalArgumentException("hidden units and window must be at least 1, got " + hidden + " and " + window);
        }
        this.hidden = hidden;
        this.window = window;
        this.input = input;
        this.fit = fit;
        this.seed = seed;
    }

    /** A GRU of {@code hidden} units; defaults: window 20, {@link Input#CHANGES}, 8 epochs at learning rate 0.01, the default seed (42, {@link Seeds#use}). */
    public static ResidualDetector gru(int hidden) {
        return new ResidualDetector(hidden, 20, Input.CHANGES, Fit.epochs(8).learningRate(0.01),
                workbook.model.DefaultSeed.get());
    }

    /** Readings the network sees before the one it forecasts. */
    public ResidualDetector window(int window) {
        return new ResidualDetector(hidden, window, input, fit, seed);
    }

    public ResidualDetector input(Input input) {
        if (input == null) {
            throw new IllegalArgumentException("input must be LEVELS or CHANGES, got null");
        }
        return new ResidualDetector(hidden, window, input, fit, seed);
    }

    /** Training options; their seed is replaced by {@link #seed(long)}. */
    public ResidualDetector fit(Fit fit) {
        return new ResidualDetector(hidden, window, input, fit, seed);
    }

    /** @deprecated the options are {@link workbook.model.Fit} now. */
    @Deprecated
    public ResidualDetector fit(workbook.djl.Fit fit) {
        return fit(fit.toFit());
    }

    /** Seeds the weights and the shuffling. */
    public ResidualDetector seed(long seed) {
        return new ResidualDetector(hidden, window, input, fit, seed);
    }

    /**
     * Trains one network on the rows {@code [0, trainEnd)} of every series together, then scores every reading of
     * every series. {@code series.get(s)[t][column]}; all series need the same columns.
     */
    public Scored score(List<double[][]> series, int trainEnd) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("score: need at least one series, got none");
        }
        int columns = series.get(0)[0].length;
        int firstTarget = window + (input == Input.CHANGES ? 1 : 0);
        for (int s = 0; s < series.size(); s++) {
            double[][] rows = series.get(s);
            if (rows[0].length != columns) {
                throw new IllegalArgumentException("score: series 0 has " + columns + " columns, series " + s + " has "
                        + rows[0].length);
            }
            if (trainEnd <= firstTarget + 1 || trainEnd > rows.length) {
                throw new IllegalArgumentException("score: trainEnd must lie in " + (firstTarget + 2) + ".." + rows.length
                        + " for window " + window + " and series " + s + " of " + rows.length + " rows, got " + trainEnd);
            }
        }
        List<double[][]> prepared = new ArrayList<>();
        for (double[][] rows : series) {
            prepared.add(prepare(rows, trainEnd));
        }
        List<double[][]> inputs = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        for (double[][] rows : prepared) {
            for (int t = firstTarget; t < trainEnd; t++) {
                inputs.add(Arrays.copyOfRange(rows, t - window, t));
                targets.add(rows[t]);
            }
        }
        try (RecurrentModel model = RecurrentModel.gru(hidden).outputs(columns).seed(seed).build()) {
            History history = model.fit(TrainData.of(inputs.toArray(double[][][]::new), targets.toArray(double[][]::new)),
                    fit.seed(seed));
            List<double[]> scores = new ArrayList<>();
            for (double[][] rows : prepared) {
                double[][][] windows = new double[rows.length - firstTarget][][];
                for (int t = firstTarget; t < rows.length; t++) {
                    windows[t - firstTarget] = Arrays.copyOfRange(rows, t - window, t);
                }
                double[][] forecast = model.predict(windows);
                double[] score = new double[rows.length];
                Arrays.fill(score, 0, firstTarget, Double.NaN);
                for (int t = firstTarget; t < rows.length; t++) {
                    for (int c = 0; c < columns; c++) {
                        score[t] = Math.max(score[t], Math.abs(rows[t][c] - forecast[t - firstTarget][c]));
                    }
                }
                scores.add(score);
            }
            return new Scored(scores, history);
        }
    }

    /** The scaled levels or changes; row 0 of the changes (no previous reading) is 0 and is never a target. */
    private double[][] prepare(double[][] rows, int trainEnd) {
        if (input == Input.LEVELS) {
            return StandardScaler.fit(Arrays.copyOfRange(rows, 0, trainEnd)).transform(rows);
        }
        double[][] changes = new double[rows.length][rows[0].length];
        for (int t = 1; t < rows.length; t++) {
            for (int c = 0; c < rows[t].length; c++) {
                changes[t][c] = rows[t][c] - rows[t - 1][c];
            }
        }
        StandardScaler scaler = StandardScaler.fit(Arrays.copyOfRange(changes, 1, trainEnd));
        double[][] scaled = scaler.transform(changes);
        Arrays.fill(scaled[0], 0.0);
        return scaled;
    }

    @Override
    public String toString() {
        return "GRU(" + hidden + ") residual detector on " + input.name().toLowerCase() + ", window " + window;
    }
}
