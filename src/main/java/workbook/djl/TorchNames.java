package workbook.djl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates recurrent weight names between PyTorch's state_dict ({@code weight_ih_l0}, {@code bias_hh_l1_reverse})
 * and DJL's ({@code l_0_i2h_WEIGHT}, {@code r_1_h2h_BIAS}). Shapes and gate order are the same on both sides.
 */
public final class TorchNames {

    private static final Pattern TORCH = Pattern.compile("(weight|bias)_(ih|hh)_l(\\d+)(_reverse)?");
    private static final Pattern DJL = Pattern.compile("([lr])_(\\d+)_(i2h|h2h)_(WEIGHT|BIAS)");

    private TorchNames() {
    }

    /** {@code weight_ih_l0} → {@code l_0_i2h_WEIGHT}; {@code bias_hh_l1_reverse} → {@code r_1_h2h_BIAS}. */
    public static String toDjl(String torchName) {
        Matcher m = TORCH.matcher(torchName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PyTorch recurrent weight name: '" + torchName
                    + "' (expected e.g. weight_ih_l0, bias_hh_l1_reverse)");
        }
        return (m.group(4) == null ? "l" : "r") + "_" + m.group(3) + "_" + (m.group(2).equals("ih") ? "i2h" : "h2h")
                + "_" + m.group(1).toUpperCase();
    }

    /** {@code l_0_i2h_WEIGHT} → {@code weight_ih_l0}; {@code r_1_h2h_BIAS} → {@code bias_hh_l1_reverse}. */
    public static String toTorch(String djlName) {
        Matcher m = DJL.matcher(djlName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a DJL recurrent weight name: '" + djlName
                    + "' (expected e.g. l_0_i2h_WEIGHT, r_1_h2h_BIAS)");
        }
        return m.group(4).toLowerCase() + "_" + (m.group(3).equals("i2h") ? "ih" : "hh") + "_l" + m.group(2)
                + (m.group(1).equals("r") ? "_reverse" : "");
    }
}
