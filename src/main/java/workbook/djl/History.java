package workbook.djl;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import workbook.plot.Plots;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@code fit} did: the loss of every finished epoch, and how training ended.
 */
public final class History {

    /** One finished epoch; {@code validationLoss} is NaN when there was no validation data. */
    public record Epoch(int epoch, double trainLoss, double validationLoss, double seconds) {
    }

    private final List<Epoch> epochs = new ArrayList<>();
    private long batchesTrained;
    private int bestEpoch = -1;
    private boolean stoppedEarly;
    private boolean interrupted;

    void add(Epoch e) {
        epochs.add(e);
    }

    void batchTrained() {
        batchesTrained++;
    }

    void bestEpoch(int epoch) {
        bestEpoch = epoch;
    }

    void stoppedEarly() {
        stoppedEarly = true;
    }

    void interrupted() {
        interrupted = true;
    }

    public List<Epoch> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Gradient steps taken, including those of an epoch cut short by an interrupt. */
    public long batchesTrained() {
        return batchesTrained;
    }

    /** The epoch (1-based) whose weights the model holds after early stopping, or -1 without it. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public boolean isStoppedEarly() {
        return stoppedEarly;
    }

    public boolean isInterrupted() {
        return interrupted;
    }

    public double lastTrainLoss() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).trainLoss();
    }

    /** A table with columns epoch, train_loss, val_loss, seconds. */
    public Table table() {
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn train = DoubleColumn.create("train_loss");
        DoubleColumn val = DoubleColumn.create("val_loss");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        for (Epoch e : epochs) {
            epoch.append(e.epoch());
            train.append(e.trainLoss());
            val.append(e.validationLoss());
            seconds.append(e.seconds());
        }
        return Table.create("history", epoch, train, val, seconds);
    }

    /** Training (and, if there was validation data, validation) loss per epoch as a line plot. */
    public Figure plot() {
        Table t = table();
        if (epochs.stream().allMatch(e -> Double.isNaN(e.validationLoss()))) {
            t.removeColumns("val_loss");
        }
        return Plots.lossCurve(t);
    }

    @Override
    public String toString() {
        return table().print() + (stoppedEarly ? "\nstopped early; best epoch " + bestEpoch : "")
                + (interrupted ? "\ninterrupted after " + batchesTrained + " batches" : "");
    }
}
