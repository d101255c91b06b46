package workbook.scratch;

import static workbook.scratch.Matrices.sigmoid;

/**
 * The GRU cell (Cho et al. 2014) in PyTorch's form ({@code nn.GRU}); gate order <b>r, z, n</b>:
 * <pre>
 *   r  = σ(W_ir x + b_ir + W_hr h + b_hr)          reset gate
 *   z  = σ(W_iz x + b_iz + W_hz h + b_hz)          update gate
 *   n  = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))  candidate
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * Two conventions are both called "GRU". Cho et al. (and the course material) write
 * {@code h_t = (1 − z_t) h_{t-1} + z_t h̃_t}: there z is the share of the <em>new</em> candidate.
 * PyTorch and DJL (and this class) use z as the share of the <em>old</em> state. The two are the same
 * model with z replaced by 1 − z. PyTorch also applies the reset gate to {@code W_hn h + b_hn}
 * (after the matrix product), not to h before it.
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
    public String[] gateNames() {
        return new String[] {"r", "z", "n"};
    }

    @Override
    public void forward(Steps s, int t) {
        int hidden = s.hidden;
        for (int b = 0; b < s.batch; b++) {
            int row = (t * s.batch + b) * s.width;
            int prev = (t * s.batch + b) * hidden;
            int next = prev + s.batch * hidden;
            for (int j = 0; j < hidden; j++) {
                int gr = row + j;
                int gz = gr + hidden;
                int gn = gz + hidden;
                // r = σ(W_ir x + b_ir + W_hr h + b_hr)
                double r = sigmoid(s.xProj[gr] + s.hProj[gr]);
                // z = σ(W_iz x + b_iz + W_hz h + b_hz)
                double z = sigmoid(s.xProj[gz] + s.hProj[gz]);
                // n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
                double n = Math.tanh(s.xProj[gn] + r * s.hProj[gn]);
                // h' = (1 − z) ⊙ n + z ⊙ h
                s.h[next + j] = (1.0 - z) * n + z * s.h[prev + j];
                s.gates[gr] = r;
                s.gates[gz] = z;
                s.gates[gn] = n;
            }
        }
    }

    @Override
    public void backward(Steps s, int t) {
        int hidden = s.hidden;
        for (int b = 0; b < s.batch; b++) {
            int row = (t * s.batch + b) * s.width;
            int prev = (t * s.batch + b) * hidden;
            for (int j = 0; j < hidden; j++) {
                int gr = row + j;
                int gz = gr + hidden;
                int gn = gz + hidden;
                double r = s.gates[gr];
                double z = s.gates[gz];
                double n = s.gates[gn];
                double dh = s.dh[b * hidden + j];
                // h' = (1 − z) ⊙ n + z ⊙ h
                double dN = dh * (1.0 - z);
                double dZ = dh * (s.h[prev + j] - n);
                // n = tanh(a_n + r ⊙ hh_n)
                double dAn = dN * (1.0 - n * n);
                double dR = dAn * s.hProj[gn];
                // through the sigmoids
                double dAr = dR * r * (1.0 - r);
                double dAz = dZ * z * (1.0 - z);
                s.dxProj[gr] = dAr;
                s.dxProj[gz] = dAz;
                s.dxProj[gn] = dAn;
                s.dhProj[gr] = dAr;
                s.dhProj[gz] = dAz;
                // the reset gate multiplies W_hn h + b_hn, so its gradient is scaled by r
                s.dhProj[gn] = dAn * r;
                // the direct path h → h' through z ⊙ h
                s.dh[b * hidden + j] = dh * z;
            }
        }
    }
}
