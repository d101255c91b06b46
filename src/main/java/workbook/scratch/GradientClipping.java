package workbook.scratch;

import java.util.List;

/**
 * Clipping by the global gradient norm, as PyTorch's {@code torch.nn.utils.clip_grad_norm_}: all gradients
 * together are one vector; if its length exceeds {@code maxNorm}, every gradient is scaled by
 * {@code maxNorm / (norm + 1e-6)}. The direction of the step is kept (unlike DJL's {@code optClipGrad},
 * which clips each element on its own).
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** ‖∇‖ over all parameters. */
    public static double globalNorm(List<Parameter> parameters) {
        double sum = 0;
        for (Parameter p : parameters) {
            for (double g : p.gradient()) {
                sum += g * g;
            }
        }
        return Math.sqrt(sum);
    }

    /** Scales the gradients down to norm {@code maxNorm} if they are longer; returns the norm before clipping. */
    public static double clipGlobalNorm(List<Parameter> parameters, double maxNorm) {
        double norm = globalNorm(parameters);
        double scale = maxNorm / (norm + 1e-6);
        if (scale < 1.0) {
            for (Parameter p : parameters) {
                double[] g = p.gradient();
                for (int k = 0; k < g.length; k++) {
                    g[k] *= scale;
                }
            }
        }
        return norm;
    }
}
