package workbook.scratch;

import static workbook.scratch.Activations.sigmoid;
import static workbook.scratch.Activations.tanh;

/**
 * The LSTM cell (Hochreiter &amp; Schmidhuber 1997, with a forget gate), as PyTorch's {@code nn.LSTM}.
 * Gate order in W_ih, W_hh and the biases is PyTorch's: <b>i, f, g, o</b>.
 * <pre>
 *   i = σ(W_ii x + b_ii + W_hi h + b_hi)      input gate
 *   f = σ(W_if x + b_if + W_hf h + b_hf)      forget gate
 *   g = tanh(W_ig x + b_ig + W_hg h + b_hg)   candidate
 *   o = σ(W_io x + b_io + W_ho h + b_ho)      output gate
 *   c' = f ⊙ c + i ⊙ g
 *   h' = o ⊙ tanh(c')
 * </pre>
 */
final class LstmCell implements Cell {

    @Override
    public int gateCount() {
        return 4;
    }

    @Override
    public boolean hasCellState() {
        return true;
    }

    @Override
    public String[] gateNames() {
        return new String[] {"i", "f", "g", "o"};
    }

    @Override
    public void forward(Steps s, int t) {
        int hidden = s.hidden;
        for (int b = 0; b < s.batch; b++) {
            int row = t * s.batch + b;
            double[] a = s.xProj[row];
            double[] hh = s.hProj[row];
            double[] gates = s.gates[row];
            double[] cPrev = s.c[row];
            double[] cNext = s.c[row + s.batch];
            double[] hNext = s.h[row + s.batch];
            double[] tanhCNext = s.tanhC[row];
            // each equation over a whole block of units at once, so the JIT can use vector instructions
            for (int k = 0; k < gates.length; k++) {
                gates[k] = a[k] + hh[k];
            }
            // i = σ(W_ii x + b_ii + W_hi h + b_hi), f = σ(…), g = tanh(…), o = σ(…): blocks [0, H), [H, 2H), [2H, 3H), [3H, 4H)
            sigmoid(gates, 0, 2 * hidden, s.exponents);
            tanh(gates, 2 * hidden, 3 * hidden, s.exponents);
            sigmoid(gates, 3 * hidden, 4 * hidden, s.exponents);
            // c' = f ⊙ c + i ⊙ g
            for (int j = 0; j < hidden; j++) {
                cNext[j] = gates[hidden + j] * cPrev[j] + gates[j] * gates[2 * hidden + j];
            }
            // h' = o ⊙ tanh(c')
            System.arraycopy(cNext, 0, tanhCNext, 0, hidden);
            tanh(tanhCNext, 0, hidden, s.exponents);
            for (int j = 0; j < hidden; j++) {
                hNext[j] = gates[3 * hidden + j] * tanhCNext[j];
            }
        }
    }

    @Override
    public void backward(Steps s, int t) {
        int hidden = s.hidden;
        for (int b = 0; b < s.batch; b++) {
            int row = t * s.batch + b;
            double[] gates = s.gates[row];
            double[] cPrev = s.c[row];
            double[] tanhCNext = s.tanhC[row];
            double[] dh = s.dh[b];
            double[] dcRow = s.dc[b];
            double[] dA = s.dxProj[row];
            for (int j = 0; j < hidden; j++) {
                int gi = j;
                int gf = j + hidden;
                int gg = j + 2 * hidden;
                int go = j + 3 * hidden;
                double i = gates[gi];
                double f = gates[gf];
                double g = gates[gg];
                double o = gates[go];
                double tanhC = tanhCNext[j];
                // h' = o ⊙ tanh(c'):  ∂o = ∂h' ⊙ tanh(c'),  ∂c' += ∂h' ⊙ o ⊙ (1 − tanh²(c'))
                double dO = dh[j] * tanhC;
                double dc = dcRow[j] + dh[j] * o * (1.0 - tanhC * tanhC);
                // c' = f ⊙ c + i ⊙ g
                double dI = dc * g;
                double dG = dc * i;
                double dF = dc * cPrev[j];
                dcRow[j] = dc * f;
                // through the non-linearities: σ' = σ(1 − σ), tanh' = 1 − tanh²
                // (the same gradient reaches W_ih x + b_ih and W_hh h + b_hh: s.dhProj is s.dxProj)
                dA[gi] = dI * i * (1.0 - i);
                dA[gf] = dF * f * (1.0 - f);
                dA[gg] = dG * (1.0 - g * g);
                dA[go] = dO * o * (1.0 - o);
                // h_{t-1} reaches the loss only through W_hh
                dh[j] = 0.0;
            }
        }
    }
}
