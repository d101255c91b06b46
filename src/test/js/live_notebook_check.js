// Opens a notebook in the live Jupyter Notebook page that `./workbook` serves, runs all its cells
// in headless Chromium with every host but localhost unreachable, and checks that each plot is
// drawn with its title, no cell fails, and nothing was requested from outside localhost.
//
// Usage: node live_notebook_check.js <server-url-with-token> <notebook-file-name>
const { chromium } = require('playwright-core');

(async () => {
  const [serverUrl, notebook] = process.argv.slice(2);
  const url = new URL(serverUrl);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const page = await browser.newPage();
  const outside = [];
  page.on('request', r => { if (!r.url().startsWith(url.origin)) outside.push(r.url()); });
  await page.goto(`${url.origin}/notebooks/${notebook}${url.search}`);
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120000 });
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  // Done when every code cell has an execution count and the kernel is idle.
  await page.waitForFunction(() => Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code'
      || (c.input_prompt_number !== '*' && c.input_prompt_number !== undefined && c.input_prompt_number !== null))
      && Jupyter.notebook.kernel_busy !== true, null, { timeout: 300000, polling: 500 });
  await page.waitForTimeout(2000);
  const seen = await page.evaluate(() => ({
    figures: Jupyter.notebook.get_cells().filter(c => c.output_area && c.output_area.outputs.some(
        o => o.data && String(o.data['text/html'] || '').includes('Plotly.newPlot'))).length,
    drawn: document.querySelectorAll('.plot-container.plotly').length,
    titles: document.querySelectorAll('.gtitle').length,
    errors: document.querySelectorAll('.output_error').length,
    requireKept: typeof window.define === 'function',
  }));
  await browser.close();
  console.log(`${notebook} in the live notebook page: ${seen.figures} figures, ${seen.drawn} drawn, `
      + `${seen.titles} titles, ${seen.errors} failing cells, require.js kept: ${seen.requireKept}, `
      + `requests outside localhost: ${outside.length}`);
  const ok = seen.figures > 0 && seen.drawn >= seen.figures && seen.titles >= seen.figures
      && seen.errors === 0 && seen.requireKept && outside.length === 0;
  if (!ok) {
    console.error('FAIL', outside.slice(0, 5));
    process.exit(1);
  }
})().catch(e => { console.error('FAIL', e); process.exit(1); });
