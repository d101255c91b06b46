package workbook.scratch;

import static workbook.scratch.Activations.tanh;

/**
 * The vanilla (Elman) RNN cell, as PyTorch's {@code nn.RNN}:
 * <pre>  h_t = act(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh),   act = tanh or ReLU</pre>
 * One weight block, two bias vectors (PyTorch keeps both; their sum is the single bias b_h of the textbooks).
 */
final class RnnCell implements Cell {

    /** The non-linearity of the plain RNN. */
    enum Activation { TANH, RELU }

    private final Activation activation;

    RnnCell(Activation activation) {
        this.activation = activation;
    }

    @Override
    public int gateCount() {
        return 1;
    }

    @Override
    public boolean hasCellState() {
        return false;
    }

    @Override
    public String[] gateNames() {
        return new String[0];
    }

    @Override
    public void forward(Steps s, int t) {
        for (int b = 0; b < s.batch; b++) {
            int row = t * s.batch + b;
            double[] a = s.xProj[row];
            double[] hh = s.hProj[row];
            double[] h = s.h[row + s.batch];
            // h_t = act(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh), over the whole row at once (vectorised by the JIT)
            for (int j = 0; j < s.hidden; j++) {
                h[j] = a[j] + hh[j];
            }
            if (activation == Activation.TANH) {
                tanh(h, 0, s.hidden, s.exponents);
            } else {
                for (int j = 0; j < s.hidden; j++) {
                    h[j] = Math.max(h[j], 0.0);
                }
            }
        }
    }

    @Override
    public void backward(Steps s, int t) {
        for (int b = 0; b < s.batch; b++) {
            int row = t * s.batch + b;
            double[] h = s.h[row + s.batch];
            double[] dh = s.dh[b];
            double[] dA = s.dxProj[row];
            for (int j = 0; j < s.hidden; j++) {
                // ∂L/∂pre = ∂L/∂h ⊙ act'(pre):  tanh' = 1 − h²,  relu' = [h > 0]  (s.dhProj is s.dxProj)
                double dPre = dh[j] * (activation == Activation.TANH ? 1.0 - h[j] * h[j] : (h[j] > 0.0 ? 1.0 : 0.0));
                dA[j] = dPre;
                // h_{t-1} reaches h_t only through W_hh
                dh[j] = 0.0;
            }
        }
    }
}
