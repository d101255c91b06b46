// Opens a notebook in the live Jupyter Notebook page that `./workbook` serves and runs all its cells
// in headless Chromium with every host but localhost unreachable, three times as a reader would:
// in a fresh page, after reloading that page (the kernel keeps running, so it has already sent
// plotly.js once), and in a second tab on the same kernel. Each time every plot must be drawn with
// its title, no cell may fail, and nothing may be requested from outside localhost.
//
// Usage: node live_notebook_check.js <server-url-with-token> <notebook-file-name>
const { chromium } = require('playwright-core');

async function openNotebook(browser, url, notebook, outside) {
  const page = await browser.newPage();
  page.on('request', r => { if (!r.url().startsWith(url.origin)) outside.push(r.url()); });
  await page.goto(`${url.origin}/notebooks/${notebook}${url.search}`);
  await connected(page);
  return page;
}

async function connected(page) {
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120000 });
  // Never write the outputs back: the notebook on disk stays as committed, and a reload shows no old outputs.
  await page.evaluate(() => { Jupyter.notebook.set_autosave_interval(0); });
}

async function runAll(page) {
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  // Done when every code cell has an execution count and the kernel is idle.
  await page.waitForFunction(() => Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code'
      || (c.input_prompt_number !== '*' && c.input_prompt_number !== undefined && c.input_prompt_number !== null))
      && Jupyter.notebook.kernel_busy !== true, null, { timeout: 300000, polling: 500 });
  await page.waitForTimeout(3000);
  return page.evaluate(() => ({
    figures: Jupyter.notebook.get_cells().filter(c => c.output_area && c.output_area.outputs.some(
        o => o.data && String(o.data['text/html'] || '').includes('Plotly.newPlot'))).length,
    drawn: document.querySelectorAll('.plot-container.plotly').length,
    titles: document.querySelectorAll('.gtitle').length,
    errors: document.querySelectorAll('.output_error').length,
    requireKept: typeof window.define === 'function',
  }));
}

(async () => {
  const [serverUrl, notebook] = process.argv.slice(2);
  const url = new URL(serverUrl);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const outside = [];
  const runs = [];
  const page = await openNotebook(browser, url, notebook, outside);
  runs.push(['fresh page', await runAll(page)]);

  await page.evaluate(() => { Jupyter.notebook.set_dirty(false); window.onbeforeunload = null; });
  await page.reload();
  await connected(page);
  runs.push(['after a reload', await runAll(page)]);

  const secondTab = await openNotebook(browser, url, notebook, outside);
  runs.push(['in a second tab', await runAll(secondTab)]);
  await browser.close();

  let ok = outside.length === 0;
  for (const [when, seen] of runs) {
    console.log(`${notebook} in the live notebook page, ${when}: ${seen.figures} figures, ${seen.drawn} drawn, `
        + `${seen.titles} titles, ${seen.errors} failing cells, require.js kept: ${seen.requireKept}`);
    ok = ok && seen.figures > 0 && seen.drawn >= seen.figures && seen.titles >= seen.figures
        && seen.errors === 0 && seen.requireKept;
  }
  console.log(`requests outside localhost: ${outside.length}`);
  if (!ok) {
    console.error('FAIL', outside.slice(0, 5));
    process.exit(1);
  }
})().catch(e => { console.error('FAIL', e); process.exit(1); });
