package workbook.data;

import java.util.Random;

/**
 * Synthetic sequence tasks with a known answer, for showing what a recurrent cell can remember.
 *
 * <p>The recall task: each step shows one of {@code symbols} symbols (one-hot) and a marker flag; exactly
 * one step, among the first few, carries the marker. The label is the symbol shown at the marked step.
 * Every later step shows a random symbol, so the answer must be held in memory for at least
 * {@code steps - markedWithin} steps while the input keeps changing. Guessing gives 1 / symbols.
 *
 * <pre>{@code
 * SequenceTasks.Classification task = SequenceTasks.recall().steps(60).symbols(4).samples(2000).seed(1).build();
 * double[][][] x = task.inputs();   // [sample][step][symbols + 1]: one-hot symbol, then the marker
 * int[] y = task.labels();          // the marked symbol, 0 .. symbols - 1
 * }</pre>
 */
public final class SequenceTasks {

    private SequenceTasks() {
    }

    /** Sequences with one class label each; {@code inputs} is {@code [sample][step][feature]}. */
    public record Classification(double[][][] inputs, int[] labels, int classes) {

        public int size() {
            return labels.length;
        }

        /** The share of {@code predictedClasses} equal to the labels. */
        public double accuracy(int[] predictedClasses) {
            if (predictedClasses.length != labels.length) {
                throw new IllegalArgumentException("got " + predictedClasses.length + " predictions for "
                        + labels.length + " sequences");
            }
            int right = 0;
            for (int i = 0; i < labels.length; i++) {
                right += predictedClasses[i] == labels[i] ? 1 : 0;
            }
            return (double) right / labels.length;
        }

        /** The accuracy of a classifier's scores {@code [sample][class]} (logits or probabilities): the highest wins. */
        public double accuracy(double[][] scores) {
            int[] predicted = new int[scores.length];
            for (int i = 0; i < scores.length; i++) {
                if (scores[i].length != classes) {
                    throw new IllegalArgumentException("scores[" + i + "] has " + scores[i].length
                            + " values, expected one per class (" + classes + ")");
                }
                for (int k = 1; k < classes; k++) {
                    if (scores[i][k] > scores[i][predicted[i]]) {
                        predicted[i] = k;
                    }
                }
            }
            return accuracy(predicted);
        }
    }

    /** The recall task's options: 60 steps, 4 symbols, marker within the first 5 steps, 1000 samples, seed 1. */
    public static RecallBuilder recall() {
        return new RecallBuilder();
    }

    /** Options of {@link #recall()}. */
    public static final class RecallBuilder {
        private int steps = 60;
        private int symbols = 4;
        private int markedWithin = 5;
        private int samples = 1000;
        private long seed = 1;
        private boolean distractors = true;

        private RecallBuilder() {
        }

        /** Length of every sequence. */
        public RecallBuilder steps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Number of symbols (= classes). */
        public RecallBuilder symbols(int symbols) {
            this.symbols = symbols;
            return this;
        }

        /** The marker falls on one of steps 0 .. markedWithin - 1, uniformly. */
        public RecallBuilder markedWithin(int markedWithin) {
            this.markedWithin = markedWithin;
            return this;
        }

        /** With false, the steps other than the marked one show no symbol (all zeros): an easier task. */
        public RecallBuilder distractors(boolean distractors) {
            this.distractors = distractors;
            return this;
        }

        public RecallBuilder samples(int samples) {
            this.samples = samples;
            return this;
        }

        public RecallBuilder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Classification build() {
            if (symbols < 2) {
                throw new IllegalArgumentException("the recall task needs at least 2 symbols, got " + symbols);
            }
            if (samples < 1) {
                throw new IllegalArgumentException("samples must be at least 1, got " + samples);
            }
            if (markedWithin < 1 || markedWithin > steps) {
                throw new IllegalArgumentException("markedWithin must be between 1 and steps (" + steps + "), got "
                        + markedWithin);
            }
            Random random = new Random(seed);
            double[][][] x = new double[samples][steps][symbols + 1];
            int[] labels = new int[samples];
            for (int i = 0; i < samples; i++) {
                int marked = random.nextInt(markedWithin);
                for (int t = 0; t < steps; t++) {
                    int symbol = random.nextInt(symbols);
                    if (distractors || t == marked) {
                        x[i][t][symbol] = 1;
                    }
                }
                x[i][marked][symbols] = 1;
                for (int s = 0; s < symbols; s++) {
                    if (x[i][marked][s] == 1) {
                        labels[i] = s;
                    }
                }
            }
            return new Classification(x, labels, symbols);
        }
    }
}
