package workbook.scratch;

import static workbook.scratch.Activations.sigmoid;
import static workbook.scratch.Activations.tanh;

/**
 * The GRU cell (Cho et al. 2014) in PyTorch's form ({@code nn.GRU}); gate order <b>r, z, n</b>:
 * <pre>
 *   r  = σ(W_ir x + b_ir + W_hr h + b_hr)          reset gate
 *   z  = σ(W_iz x + b_iz + W_hz h + b_hz)          update gate
 *   n  = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))  candidate
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * Two conventions are both called "GRU". Cho et al. 2014, PyTorch, DJL and this class use z as the share
 * of the <em>old</em> state: {@code h_t = z_t h_{t-1} + (1 − z_t) h̃_t}. Chung et al. 2014 ("Empirical
 * evaluation of gated recurrent neural networks on sequence modeling") and the course material write
 * {@code h_t = (1 − z_t) h_{t-1} + z_t h̃_t}: there z is the share of the <em>new</em> candidate. The two
 * are the same model with z replaced by 1 − z. PyTorch also applies the reset gate to {@code W_hn h + b_hn}
 * (after the matrix product), where Cho et al. apply it to h before the matrix.
 */
final class GruCell implements Cell {

    @Override
    public int gateCount() {
        return 3;
    }

    @Override
    public boolean hasCellState() {
        return false;
    }

    @Override
    public boolean sameGradientForBothProducts() {
        return false;
    }

    @Override
    public String[] gateNames() {
        return new String[] {"r", "z", "n"};
    }

    @Override
    public boolean backwardReadsHiddenProjection() {
        return true;
    }

    @Override
    public void forward(Steps s, int t) {
        int hidden = s.hidden;
        for (int b = 0; b < s.batch; b++) {
            int row = t * s.batch + b;
            double[] a = s.xProj[row];
            double[] hh = s.hProj[row];
            double[] gates = s.gates[row];
            double[] hPrev = s.h[row];
            double[] hNext = s.h[row + s.batch];
            // each equation over a whole block of units at once, so the JIT can use vector instructions
            // r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz): blocks [0, H) and [H, 2H)
            for (int k = 0; k < 2 * hidden; k++) {
                gates[k] = a[k] + hh[k];
            }
            sigmoid(gates, 0, 2 * hidden, s.exponents);
            // n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)): block [2H, 3H)
            for (int j = 0; j < hidden; j++) {
                gates[2 * hidden + j] = a[2 * hidden + j] + gates[j] * hh[2 * hidden + j];
            }
            tanh(gates, 2 * hidden, 3 * hidden, s.exponents);
            // h' = (1 − z) ⊙ n + z ⊙ h
            for (int j = 0; j < hidden; j++) {
                double z = gates[hidden + j];
                hNext[j] = (1.0 - z) * gates[2 * hidden + j] + z * hPrev[j];
            }
        }
    }

    @Override
    public void backward(Steps s, int t) {
        int hidden = s.hidden;
        for (int b = 0; b < s.batch; b++) {
            int row = t * s.batch + b;
            double[] hh = s.hProj[row];
            double[] gates = s.gates[row];
            double[] hPrev = s.h[row];
            double[] dh = s.dh[b];
            double[] dA = s.dxProj[row];
            double[] dHh = s.dhProj[row];
            for (int j = 0; j < hidden; j++) {
                int gr = j;
                int gz = j + hidden;
                int gn = j + 2 * hidden;
                double r = gates[gr];
                double z = gates[gz];
                double n = gates[gn];
                // h' = (1 − z) ⊙ n + z ⊙ h
                double dN = dh[j] * (1.0 - z);
                double dZ = dh[j] * (hPrev[j] - n);
                // n = tanh(a_n + r ⊙ hh_n)
                double dAn = dN * (1.0 - n * n);
                double dR = dAn * hh[gn];
                // through the sigmoids
                dA[gr] = dR * r * (1.0 - r);
                dA[gz] = dZ * z * (1.0 - z);
                dA[gn] = dAn;
                dHh[gr] = dA[gr];
                dHh[gz] = dA[gz];
                // the reset gate multiplies W_hn h + b_hn, so its gradient is scaled by r
                dHh[gn] = dAn * r;
                // the direct path h → h' through z ⊙ h
                dh[j] = dh[j] * z;
            }
        }
    }
}
