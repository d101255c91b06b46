package workbook.scratch;

/**
 * What {@link Recurrent#backward} returns besides the parameter gradients: ∂L/∂x
 * {@code [batch][time][features]}, ∂L/∂h0 and (LSTM) ∂L/∂c0 {@code [layers * directions][batch][hidden]}.
 */
public record SequenceGradients(double[][][] input, double[][][] initialHidden, double[][][] initialCell) {
}
