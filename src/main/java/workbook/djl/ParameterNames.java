package workbook.djl;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recurrent parameter names between PyTorch (and the from-scratch {@code workbook.scratch}) and DJL: the same shapes
 * and gate order under other names, {@code weight_ih_l0 ↔ l_0_i2h_WEIGHT}, {@code weight_hh_l0 ↔ l_0_h2h_WEIGHT},
 * {@code bias_ih_l0 ↔ l_0_i2h_BIAS}, {@code bias_hh_l0 ↔ l_0_h2h_BIAS}, and {@code r_} instead of {@code l_} for the
 * {@code _reverse} direction. {@link #toDjlNames} and {@link #toPyTorchNames} translate a whole map.
 */
public final class ParameterNames {

    private static final Pattern TORCH = Pattern.compile("(weight|bias)_(ih|hh)_l(\\d+)(_reverse)?");
    private static final Pattern DJL = Pattern.compile("([lr])_(\\d+)_(i2h|h2h)_(WEIGHT|BIAS)");

    private ParameterNames() {
    }

    /** {@code weight_ih_l1_reverse → r_1_i2h_WEIGHT}. */
    public static String toDjlName(String torchName) {
        Matcher m = TORCH.matcher(torchName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PyTorch recurrent parameter name: \"" + torchName
                    + "\"; expected e.g. weight_ih_l0, bias_hh_l1_reverse");
        }
        return (m.group(4) != null ? "r" : "l") + "_" + m.group(3) + "_" + m.group(2).charAt(0) + "2h_"
                + m.group(1).toUpperCase(Locale.ROOT);
    }

    /** {@code r_1_i2h_WEIGHT → weight_ih_l1_reverse}. A prefix such as {@code "01LSTM_"} before the name is ignored. */
    public static String toPyTorchName(String djlName) {
        Matcher m = DJL.matcher(djlName);
        if (!m.find() || m.end() != djlName.length()) {
            throw new IllegalArgumentException("not a DJL recurrent parameter name: \"" + djlName
                    + "\"; expected e.g. l_0_i2h_WEIGHT, r_1_h2h_BIAS");
        }
        return m.group(4).toLowerCase(Locale.ROOT) + "_" + m.group(3).charAt(0) + "h_l" + m.group(2)
                + ("r".equals(m.group(1)) ? "_reverse" : "");
    }

    /** The map with every name translated to DJL's. */
    public static Map<String, Object> toDjlNames(Map<String, ?> torchWeights) {
        Map<String, Object> out = new LinkedHashMap<>();
        torchWeights.forEach((k, v) -> out.put(toDjlName(k), v));
        return out;
    }

    /** The map with every name translated to PyTorch's. */
    public static Map<String, Object> toPyTorchNames(Map<String, ?> djlWeights) {
        Map<String, Object> out = new LinkedHashMap<>();
        djlWeights.forEach((k, v) -> out.put(toPyTorchName(k), v));
        return out;
    }
}
