package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;

import java.io.IOException;
import java.util.Iterator;
import java.util.Random;

/**
 * A DJL {@link Dataset} (e.g. an {@code ArrayDataset}) as the batches of the training loop: each batch's data is
 * {@code [x]} or {@code [x, lengths]} with x (batch, time, features), its labels {@code [y]}. Batch size and
 * shuffling are the dataset's own (its sampler), so the loop's are not used.
 */
final class DatasetBatches implements FitLoop.Source {

    /** The mean loss of one batch, from its data {@code [x]} or {@code [x, lengths]} and its labels. */
    interface LabelledLoss {
        NDArray loss(NDList data, NDArray labels, boolean training);
    }

    private final Dataset dataset;
    private final NDManager manager;
    private final String role;
    private final int expectedFeatures;
    private final String featureNote;
    private final LabelledLoss loss;

    /**
     * @param role             "training" or "validation", for messages
     * @param expectedFeatures features per step the model reads; a batch of another width is refused
     * @param featureNote      said after the expected width in that message (e.g. " (a token id)"), or ""
     */
    DatasetBatches(Dataset dataset, NDManager manager, String role, int expectedFeatures, String featureNote,
            LabelledLoss loss) {
        this.dataset = dataset;
        this.manager = manager;
        this.role = role;
        this.expectedFeatures = expectedFeatures;
        this.featureNote = featureNote;
        this.loss = loss;
    }

    /** Features per step of the dataset's first batch (which is read and closed). */
    static int featuresOfFirstBatch(Dataset dataset, NDManager manager) {
        try (NDManager m = manager.newSubManager()) {
            for (Batch b : dataset.getData(m)) {
                int features = (int) checkShape(b.getData().get(0), "training").get(2);
                b.close();
                return features;
            }
        } catch (IOException | TranslateException e) {
            throw new IllegalStateException("could not read the training dataset: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("the training dataset is empty: it gave no batches");
    }

    @Override
    public int batches(int batchSize) {
        return -1;
    }

    @Override
    public Iterator<FitLoop.Step> epoch(int batchSize, boolean shuffle, Random rng) {
        Iterator<Batch> batches;
        try {
            batches = dataset.getData(manager).iterator();
        } catch (IOException | TranslateException e) {
            throw new IllegalStateException("could not read the " + role + " dataset: " + e.getMessage(), e);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return batches.hasNext();
            }

            @Override
            public FitLoop.Step next() {
                return step(batches.next());
            }
        };
    }

    private FitLoop.Step step(Batch batch) {
        return new FitLoop.Step() {
            @Override
            public NDArray loss(NDManager m, boolean training) {
                NDList data = batch.getData();
                Shape x = checkShape(data.get(0), role);
                if (x.get(2) != expectedFeatures) {
                    throw new IllegalArgumentException("the " + role + " batch has " + x.get(2)
                            + " features per step, the model expects " + expectedFeatures + featureNote);
                }
                return loss.loss(data, batch.getLabels().get(0), training);
            }

            @Override
            public int size() {
                return batch.getSize();
            }

            @Override
            public void close() {
                batch.close();
            }
        };
    }

    private static Shape checkShape(NDArray x, String role) {
        Shape s = x.getShape();
        if (s.dimension() != 3) {
            throw new IllegalArgumentException("the " + role + " batch's data has shape " + s
                    + "; expected (batch, time, features), e.g. (32, 50, 1) for 50 steps of one feature");
        }
        return s;
    }
}
