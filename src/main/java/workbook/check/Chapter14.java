package workbook.check;

import workbook.classic.Backtest;
import workbook.classic.Baselines;
import workbook.data.Columns;
import workbook.data.Datasets;
import workbook.data.Scaler;
import workbook.data.WindowGenerator;
import workbook.data.WindowedSplits;
import workbook.djl.Forecasts;
import workbook.djl.RecurrentModel;
import workbook.djl.TrainData;
import workbook.model.CellKind;
import workbook.model.Fit;
import workbook.scratch.Parameter;
import workbook.scratch.Recurrent;

import java.util.Arrays;
import java.util.Locale;

/**
 * Checkers for the exercises of notebook 14 (the FAQ lab). Each runs the student's function and a reference on
 * several inputs, edge cases included, and prints one verdict line through {@link Check}.
 *
 * <pre>{@code
 * Chapter14.ParameterCount count = (kind, input, hidden, layers, bidirectional) -> ...;
 * Chapter14.exercise1(count);
 * }</pre>
 */
public final class Chapter14 {

    private Chapter14() {
    }

    /** Exercise 1: weights and biases of a (possibly stacked, possibly bidirectional) recurrent layer. */
    @FunctionalInterface
    public interface ParameterCount {
        long count(CellKind kind, int input, int hidden, int layers, boolean bidirectional);
    }

    /** Exercise 2: the shortest padded length that leaves at least {@code fraction} of the sentences uncut. */
    @FunctionalInterface
    public interface PaddingLength {
        int length(int[] sentenceLengths, double fraction);
    }

    /** Inputs of exercise 1. */
    public record Architecture(CellKind kind, int input, int hidden, int layers, boolean bidirectional) {
    }

    /** Inputs of exercise 2. */
    public record Coverage(int[] sentenceLengths, double fraction) {
    }

    /** Exercise 1: the count is checked against the weights of real from-scratch networks. */
    public static void exercise1(ParameterCount answer) {
        check1(answer);
    }

    static boolean check1(ParameterCount answer) {
        return Check.exercise(1, "parameterCount(kind, input, hidden, layers, bidirectional)")
                .on("GRU, 1 layer", new Architecture(CellKind.GRU, 5, 32, 1, false))
                .on("LSTM, 1 layer", new Architecture(CellKind.LSTM, 5, 32, 1, false))
                .on("LSTM, 2 layers", new Architecture(CellKind.LSTM, 3, 16, 2, false))
                .on("GRU, bidirectional", new Architecture(CellKind.GRU, 4, 8, 1, true))
                .on("LSTM, 3 layers, bidirectional", new Architecture(CellKind.LSTM, 7, 10, 3, true))
                .on("plain RNN, 2 layers, bidirectional", new Architecture(CellKind.RNN_TANH, 1, 6, 2, true))
                .compare(in -> answer.count(in.kind(), in.input(), in.hidden(), in.layers(), in.bidirectional()),
                        Chapter14::countInRealNetwork);
    }

    /** Exercise 2: smallest L with #(length ≤ L) ≥ fraction · n; fraction outside (0, 1] or no sentences throws. */
    public static void exercise2(PaddingLength answer) {
        check2(answer);
    }

    static boolean check2(PaddingLength answer) {
        return Check.exercise(2, "paddingLength(sentenceLengths, fraction)")
                .on("90% of ten lengths", new Coverage(new int[]{12, 3, 7, 25, 9, 4, 14, 6, 8, 40}, 0.9))
                .on("half of them", new Coverage(new int[]{12, 3, 7, 25, 9, 4, 14, 6, 8, 40}, 0.5))
                .on("all of them", new Coverage(new int[]{5, 2, 9, 3}, 1.0))
                .on("a fraction between two sentences", new Coverage(new int[]{5, 2, 9, 3, 7, 1, 8}, 0.6))
                .on("all sentences of one length", new Coverage(new int[]{6, 6, 6, 6, 6}, 0.95))
                .on("one sentence", new Coverage(new int[]{11}, 0.5))
                .on("1000 sentences at 0.95", new Coverage(skewedLengths(), 0.95))
                .on("fraction 0 (not a coverage)", new Coverage(new int[]{3, 4, 5}, 0.0))
                .compare(in -> answer.length(in.sentenceLengths().clone(), in.fraction()),
                        in -> reference2(in.sentenceLengths(), in.fraction()));
    }

    /**
     * Exercise 3: a regularised forecasting network, as the student configures it. The checker trains it on the
     * notebook's training months with Adam (learning rate 0.01, batch 16), early stopping on the validation months
     * when {@code patience} is above 0, at most {@code epochs} epochs.
     *
     * @param cell     the recurrent cell
     * @param hidden   units per recurrent layer
     * @param layers   stacked recurrent layers
     * @param dropout  dropout between stacked layers (PyTorch's convention: no effect with one layer)
     * @param patience epochs without a better validation loss before training stops; 0 = no early stopping
     * @param epochs   the most epochs trained
     */
    public record Network(CellKind cell, int hidden, int layers, double dropout, int patience, int epochs) {

        /** @deprecated the cell is a {@link CellKind} now. */
        @Deprecated
        public Network(workbook.djl.CellKind cell, int hidden, int layers, double dropout, int patience, int epochs) {
            this(cell == null ? null : cell.toCellKind(), hidden, layers, dropout, patience, epochs);
        }
    }

    /** Exercise 3: the student's code, given the monthly temperatures before the test years only, returns a network. */
    @FunctionalInterface
    public interface NetworkDesign {
        Network design(double[] temperaturesBeforeTest);
    }

    /** The notebook's set-up: 12-month windows, 60% training, 20% validation, the last 48 months for the test. */
    static final int WINDOW = 12;
    static final double TRAIN_FRACTION = 0.6, VALIDATION_FRACTION = 0.2;
    /** The seeds every network is trained with; it is judged by its mean test RMSE over them. */
    static final long[] SEEDS = {1, 2, 3};
    /** How far above climatology's test RMSE the mean of the seeds may lie and still pass (a fraction of it). */
    static final double TOLERANCE = 0.08;
    /** The largest network the checker trains (it must stay within the notebook's time budget). */
    static final int MAX_HIDDEN = 64, MAX_LAYERS = 2, MAX_EPOCHS = 60;

    /**
     * Exercise 3: the student's network, trained with seeds 1, 2 and 3 and scored walk-forward over the 48 held-out
     * test months like section 1 of the notebook, must reach a mean RMSE within {@link #TOLERANCE} of climatology's
     * (the strongest simple baseline there). The student's code receives the months before the test only; the
     * checker holds the test months.
     */
    public static void exercise3(NetworkDesign design) {
        check3(design);
    }

    static boolean check3(NetworkDesign design) {
        if (!Check.onShippedData(3)) {
            return false;
        }
        double[] temperature = Columns.doubles(Datasets.nottingham(), "temperature");
        WindowedSplits splits = WindowGenerator.builder().inputWidth(WINDOW).labelWidth(1).shift(1).build()
                .split(temperature, TRAIN_FRACTION, VALIDATION_FRACTION, Scaler.Kind.STANDARD);
        int testStart = splits.split().validationEnd();
        double[] beforeTest = Arrays.copyOf(temperature, testStart);
        Network chosen = Check.chosen(3, () -> design.design(beforeTest));
        if (chosen == null) {
            return false;
        }
        String invalid = invalid(chosen);
        if (invalid != null) {
            return Check.notYet(3, invalid);
        }
        double climatology = Backtest.rollingOrigin(testStart).season(12)
                .compare("climatology", Baselines.seasonalMean(12)).run(temperature).mean("climatology", "rmse");
        double[] rmse = testRmse(chosen, splits, temperature, testStart);
        double mean = Arrays.stream(rmse).average().orElseThrow();
        double goal = climatology * (1 + TOLERANCE);
        String result = String.format(Locale.ROOT, "%s on the %d held-out test months: RMSE %.2f °F (mean of seeds 1-3: %s); "
                        + "climatology: %.2f °F; the goal: %.2f or less (within %.0f%% of climatology)", chosen,
                temperature.length - testStart, mean,
                Arrays.stream(rmse).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r))
                        .collect(java.util.stream.Collectors.joining(", ")),
                climatology, goal, 100 * TOLERANCE);
        if (mean > goal) {
            return Check.notYet(3, result + ". Look at section 4: which remedy kept the test error of every seed low?");
        }
        return Check.passed(3, result);
    }

    /** The walk-forward test RMSE of the network, one value per seed. */
    static double[] testRmse(Network network, WindowedSplits splits, double[] temperature, int testStart) {
        double[] rmse = new double[SEEDS.length];
        for (int i = 0; i < SEEDS.length; i++) {
            long seed = SEEDS[i];
            try (RecurrentModel model = RecurrentModel.of(network.cell(), network.hidden()).layers(network.layers())
                    .dropout(network.dropout()).outputs(1).seed(seed).build()) {
                model.fit(TrainData.of(splits.train()), TrainData.of(splits.validation()), Fit.epochs(network.epochs())
                        .learningRate(1e-2).batchSize(16).patience(network.patience()).seed(seed).progress(false));
                rmse[i] = Backtest.rollingOrigin(testStart).compare("network", Forecasts.forecaster(model, WINDOW, splits.scaler()))
                        .run(temperature).mean("network", "rmse");
            }
        }
        return rmse;
    }

    /** Why a network cannot be trained here, or null when it can. */
    static String invalid(Network network) {
        if (network.cell() == null) {
            return "the network needs a cell (CellKind.LSTM, CellKind.GRU, ...), got null";
        }
        if (network.hidden() < 1 || network.hidden() > MAX_HIDDEN) {
            return "hidden must lie in 1.." + MAX_HIDDEN + " units, got " + network.hidden();
        }
        if (network.layers() < 1 || network.layers() > MAX_LAYERS) {
            return "layers must lie in 1.." + MAX_LAYERS + ", got " + network.layers();
        }
        if (!(network.dropout() >= 0 && network.dropout() < 1)) {
            return "dropout must lie in [0, 1), got " + network.dropout();
        }
        if (network.epochs() < 1 || network.epochs() > MAX_EPOCHS) {
            return "epochs must lie in 1.." + MAX_EPOCHS + ", got " + network.epochs();
        }
        if (network.patience() < 0 || network.patience() > network.epochs()) {
            return "patience must lie in 0.." + network.epochs() + " (0 = no early stopping), got " + network.patience();
        }
        return null;
    }

    /** Builds the network and counts the numbers in its parameters. */
    static long countInRealNetwork(Architecture a) {
        Recurrent network = Recurrent.of(a.kind(), a.input(), a.hidden()).layers(a.layers()).bidirectional(a.bidirectional()).build();
        long total = 0;
        for (Parameter p : network.parameters()) {
            total += p.value().length;
        }
        return total;
    }

    static int reference2(int[] sentenceLengths, double fraction) {
        if (sentenceLengths.length == 0) {
            throw new IllegalArgumentException("no sentences");
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must lie in (0, 1], got " + fraction);
        }
        int[] sorted = sentenceLengths.clone();
        Arrays.sort(sorted);
        // the smallest count k with k ≥ fraction · n; the small slack guards against products like 0.07 · 100 = 7.000000000000001
        int needed = (int) Math.ceil(fraction * sorted.length - 1e-9);
        return sorted[Math.max(needed, 1) - 1];
    }

    private static int[] skewedLengths() {
        java.util.Random random = new java.util.Random(14);
        int[] lengths = new int[1000];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = 1 + (int) Math.round(Math.exp(2.3 + 0.6 * random.nextGaussian()));
        }
        return lengths;
    }
}
