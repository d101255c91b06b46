package workbook.scratch;

import static workbook.scratch.Matrices.sigmoid;

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
            int row = (t * s.batch + b) * s.width;
            int prev = (t * s.batch + b) * hidden;
            int next = prev + s.batch * hidden;
            for (int j = 0; j < hidden; j++) {
                int gi = row + j;
                int gf = gi + hidden;
                int gg = gf + hidden;
                int go = gg + hidden;
                // i = σ(W_ii x + b_ii + W_hi h + b_hi), and so on for f, g (tanh), o
                double i = sigmoid(s.xProj[gi] + s.hProj[gi]);
                double f = sigmoid(s.xProj[gf] + s.hProj[gf]);
                double g = Math.tanh(s.xProj[gg] + s.hProj[gg]);
                double o = sigmoid(s.xProj[go] + s.hProj[go]);
                // c' = f ⊙ c + i ⊙ g
                double c = f * s.c[prev + j] + i * g;
                // h' = o ⊙ tanh(c')
                double tanhC = Math.tanh(c);
                s.c[next + j] = c;
                s.tanhC[prev + j] = tanhC;
                s.h[next + j] = o * tanhC;
                s.gates[gi] = i;
                s.gates[gf] = f;
                s.gates[gg] = g;
                s.gates[go] = o;
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
                int gi = row + j;
                int gf = gi + hidden;
                int gg = gf + hidden;
                int go = gg + hidden;
                double i = s.gates[gi];
                double f = s.gates[gf];
                double g = s.gates[gg];
                double o = s.gates[go];
                double tanhC = s.tanhC[prev + j];
                double dh = s.dh[b * hidden + j];
                // h' = o ⊙ tanh(c'):  ∂o = ∂h' ⊙ tanh(c'),  ∂c' += ∂h' ⊙ o ⊙ (1 − tanh²(c'))
                double dO = dh * tanhC;
                double dc = s.dc[b * hidden + j] + dh * o * (1.0 - tanhC * tanhC);
                // c' = f ⊙ c + i ⊙ g
                double dI = dc * g;
                double dG = dc * i;
                double dF = dc * s.c[prev + j];
                s.dc[b * hidden + j] = dc * f;
                // through the non-linearities: σ' = σ(1 − σ), tanh' = 1 − tanh²
                double dAi = dI * i * (1.0 - i);
                double dAf = dF * f * (1.0 - f);
                double dAg = dG * (1.0 - g * g);
                double dAo = dO * o * (1.0 - o);
                s.dxProj[gi] = dAi;
                s.dxProj[gf] = dAf;
                s.dxProj[gg] = dAg;
                s.dxProj[go] = dAo;
                s.dhProj[gi] = dAi;
                s.dhProj[gf] = dAf;
                s.dhProj[gg] = dAg;
                s.dhProj[go] = dAo;
                // h_{t-1} reaches the loss only through W_hh
                s.dh[b * hidden + j] = 0.0;
            }
        }
    }
}
