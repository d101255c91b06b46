package workbook.classic;

/**
 * Scores for class labels 0..k-1: accuracy, the confusion matrix, the majority-class baseline and the label a
 * model's scores pick.
 * <pre>{@code
 * int[] predicted = Classification.argmax(model.predict(ids, lengths));   // logits → labels
 * double accuracy = Classification.accuracy(predicted, testLabels);
 * int[][] counts = Classification.confusion(predicted, testLabels, 2);    // [actual][predicted]
 * }</pre>
 */
public final class Classification {

    private Classification() {
    }

    /** The share of predictions equal to the actual label. */
    public static double accuracy(int[] predicted, int[] actual) {
        checkPair(predicted, actual);
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            correct += predicted[i] == actual[i] ? 1 : 0;
        }
        return correct / (double) actual.length;
    }

    /** Counts {@code [actual][predicted]}: the diagonal is right, row {@code a} column {@code p} mistakes a for p. */
    public static int[][] confusion(int[] predicted, int[] actual, int classes) {
        checkPair(predicted, actual);
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("entry " + i + ": actual " + actual[i] + ", predicted " + predicted[i]
                        + "; labels must be in 0.." + (classes - 1));
            }
            counts[actual[i]][predicted[i]]++;
        }
        return counts;
    }

    /** The most common label (the smaller one on a tie): what the majority-class baseline always predicts. */
    public static int majorityLabel(int[] labels) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("the majority class needs at least one label, got none");
        }
        int max = 0;
        for (int label : labels) {
            if (label < 0) {
                throw new IllegalArgumentException("label " + label + " is negative; class labels start at 0");
            }
            max = Math.max(max, label);
        }
        int[] counts = new int[max + 1];
        for (int label : labels) {
            counts[label]++;
        }
        int majority = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[majority]) {
                majority = c;
            }
        }
        return majority;
    }

    /** For each row of scores (logits, probabilities), the index of the largest (the first one on a tie). */
    public static int[] argmax(double[][] scores) {
        int[] labels = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == null || scores[i].length == 0) {
                throw new IllegalArgumentException("scores[" + i + "] is empty; expected one score per class");
            }
            for (int c = 1; c < scores[i].length; c++) {
                if (scores[i][c] > scores[i][labels[i]]) {
                    labels[i] = c;
                }
            }
        }
        return labels;
    }

    private static void checkPair(int[] predicted, int[] actual) {
        if (predicted == null || actual == null || predicted.length != actual.length || actual.length == 0) {
            throw new IllegalArgumentException("expected as many predictions as labels (at least one), got "
                    + (predicted == null ? "null" : predicted.length) + " predictions and "
                    + (actual == null ? "null" : actual.length) + " labels");
        }
    }
}
