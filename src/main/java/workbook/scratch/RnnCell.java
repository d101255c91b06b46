package workbook.scratch;

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
        int n = s.batch * s.hidden;
        int pre = t * n;
        int next = (t + 1) * n;
        for (int k = 0; k < n; k++) {
            // h_t = act(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)
            double a = s.xProj[pre + k] + s.hProj[pre + k];
            s.h[next + k] = activation == Activation.TANH ? Math.tanh(a) : Math.max(a, 0.0);
        }
    }

    @Override
    public void backward(Steps s, int t) {
        int n = s.batch * s.hidden;
        int pre = t * n;
        int next = (t + 1) * n;
        for (int k = 0; k < n; k++) {
            double h = s.h[next + k];
            // ∂L/∂a = ∂L/∂h ⊙ act'(a):  tanh' = 1 − h²,  relu' = [h > 0]
            double da = s.dh[k] * (activation == Activation.TANH ? 1.0 - h * h : (h > 0.0 ? 1.0 : 0.0));
            s.dxProj[pre + k] = da;
            s.dhProj[pre + k] = da;
            // h_{t-1} reaches h_t only through W_hh
            s.dh[k] = 0.0;
        }
    }
}
