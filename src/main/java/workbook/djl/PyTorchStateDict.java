package workbook.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A {@link RecurrentModel}'s weights under PyTorch's names, for {@link RecurrentModel#stateDict()} and
 * {@link RecurrentModel#loadStateDict(Map)}. The model is read as the PyTorch module
 * <pre>
 * embedding = nn.Embedding(vocabulary, dimension)   # only with .embedding(...)
 * rnn = nn.LSTM(features, hidden, layers, batch_first=True, bidirectional=...)   # or nn.GRU, nn.RNN
 * head = nn.Linear(hidden * directions, units)
 * </pre>
 * so its names are {@code embedding.weight}, {@code rnn.weight_ih_l0} ... {@code rnn.bias_hh_l1_reverse},
 * {@code head.weight}, {@code head.bias}; a bare {@code nn.LSTM}'s own state_dict ({@code weight_ih_l0}, ...) loads
 * into the recurrent layers alone. Values are {@code double[][]} (weights) and {@code double[]} (biases), as
 * {@link workbook.scratch.Weights#fromPyTorchJson} reads them.
 */
final class PyTorchStateDict {

    static final String RECURRENT = "rnn.";

    private PyTorchStateDict() {
    }

    /** {@code l_0_i2h_WEIGHT → rnn.weight_ih_l0}; the head's and the embedding's names are PyTorch's already. */
    static String torchName(String parameterName) {
        return parameterName.startsWith("head.") || parameterName.startsWith("embedding.") ? parameterName
                : RECURRENT + ParameterNames.toPyTorchName(parameterName);
    }

    /** The live parameters (see {@link RecurrentModel#parameters()}) as a state dict of copies. */
    static Map<String, Object> of(Map<String, NDArray> parameters) {
        Map<String, Object> dict = new LinkedHashMap<>();
        parameters.forEach((name, array) -> {
            long[] shape = array.getShape().getShape();
            float[] values = array.toFloatArray();
            if (shape.length == 1) {
                double[] v = new double[values.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = values[i];
                }
                dict.put(torchName(name), v);
            } else {
                double[][] m = new double[(int) shape[0]][(int) shape[1]];
                for (int r = 0; r < m.length; r++) {
                    for (int c = 0; c < m[r].length; c++) {
                        m[r][c] = values[r * m[r].length + c];
                    }
                }
                dict.put(torchName(name), m);
            }
        });
        return dict;
    }

    /** Whether {@code dict} names a whole module ({@code rnn.*}, {@code head.*}) rather than a bare recurrent layer. */
    static boolean wholeModule(Map<String, ?> dict) {
        return dict.keySet().stream().anyMatch(name -> name.startsWith(RECURRENT));
    }

    /**
     * Checks every name, shape and value of {@code dict} against the parameters it must fill and returns the values
     * as float32, parameter by parameter, without changing anything; throws naming what the weights hold and what the
     * model expects.
     */
    static List<Fill> checkedValues(Map<String, ?> dict, Map<String, NDArray> parameters, String model) {
        boolean whole = wholeModule(dict);
        Map<String, NDArray> targets = new LinkedHashMap<>();
        parameters.forEach((name, array) -> {
            String torch = torchName(name);
            if (whole) {
                targets.put(torch, array);
            } else if (torch.startsWith(RECURRENT)) {
                targets.put(torch.substring(RECURRENT.length()), array);
            }
        });
        TreeSet<String> missing = new TreeSet<>(targets.keySet());
        missing.removeAll(dict.keySet());
        TreeSet<String> unexpected = new TreeSet<>(dict.keySet());
        unexpected.removeAll(targets.keySet());
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException("the weights do not fit " + model + ": missing " + missing + ", unexpected "
                    + unexpected + "; expected exactly " + targets.keySet()
                    + (whole ? "" : " (a bare recurrent layer's state_dict; a whole module's names start with 'rnn.')"));
        }
        List<Fill> fills = new ArrayList<>();
        for (Map.Entry<String, NDArray> target : targets.entrySet()) {
            fills.add(new Fill(target.getValue(),
                    floats(target.getKey(), dict.get(target.getKey()), target.getValue().getShape(), model)));
        }
        return fills;
    }

    /** Values checked to fit a parameter, to be written once every parameter's values are checked. */
    record Fill(NDArray target, float[] values) {
        void write() {
            Models.overwrite(target, values);
        }
    }

    /** A {@code double[][]} or {@code double[]} of exactly {@code shape}, finite, flattened row-major to float32. */
    private static float[] floats(String name, Object value, Shape shape, String model) {
        String expected = describe(shape.getShape());
        List<double[]> rows = new ArrayList<>();
        long[] got;
        if (value instanceof double[] vector) {
            rows.add(vector);
            got = new long[] {vector.length};
        } else if (value instanceof double[][] matrix) {
            int columns = matrix.length == 0 || matrix[0] == null ? 0 : matrix[0].length;
            for (int r = 0; r < matrix.length; r++) {
                if (matrix[r] == null || matrix[r].length != columns) {
                    throw new IllegalArgumentException(name + ": row " + r + " has "
                            + (matrix[r] == null ? "null" : matrix[r].length + " values") + ", row 0 has " + columns);
                }
                rows.add(matrix[r]);
            }
            got = new long[] {matrix.length, columns};
        } else {
            throw new IllegalArgumentException(name + ": expected double[] or double[][] of shape " + expected + ", got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        if (!java.util.Arrays.equals(got, shape.getShape())) {
            throw new IllegalArgumentException(name + " is " + describe(got) + " in the weights, " + model + " expects "
                    + expected);
        }
        float[] flat = new float[Math.toIntExact(shape.size())];
        int k = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                double v = rows.get(r)[c];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + (got.length == 2 ? "[" + r + "]" : "") + "[" + c + "] is " + v
                            + "; weights must be finite");
                }
                flat[k++] = (float) v;
            }
        }
        return flat;
    }

    /** "[20 x 3]", "[20]". */
    static String describe(long[] shape) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : " x ").append(shape[i]);
        }
        return s.append(']').toString();
    }
}
