// Starts the published portal on a fresh database RUNS times and, in Chromium, opens a help page as soon as the port
// listens: prints the milliseconds from the process start to the page's load event (its style sheets, scripts and icon
// included), one line per run. Called by first-visit.sh, which installs playwright-core beside this file.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [published, contentRoot, page, runs, port] = process.argv.slice(2);
const listening = () => new Promise(resolve => {
  const socket = connect(Number(port), '127.0.0.1');
  socket.on('connect', () => { socket.destroy(); resolve(true); });
  socket.on('error', () => resolve(false));
});
const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  for (let run = 1; run <= Number(runs); run++) {
    const database = mkdtempSync(join(tmpdir(), 'first-visit-'));
    const context = await browser.newContext();
    const tab = await context.newPage();
    const started = Date.now();
    const portal = spawn(join(published, 'Withings.Portal'), [], {
      cwd: published, stdio: 'ignore',
      env: { ...process.env, Content__Root: contentRoot, ConnectionStrings__Portal: `Data Source=${join(database, 'portal.db')}`,
        ASPNETCORE_URLS: `http://127.0.0.1:${port}` },
    });
    const stopped = new Promise(resolve => portal.on('exit', resolve));
    try {
      while (!(await listening())) {
        if (Date.now() - started > 60000) throw new Error('the portal did not listen within 60 s');
        await pause(5);
      }
      const answer = await tab.goto(`http://127.0.0.1:${port}${page}`, { waitUntil: 'load', timeout: 60000 });
      if (answer?.status() !== 200) throw new Error(`${page} answered ${answer?.status()}`);
      console.log(`${run} ${Date.now() - started}`);
    } finally {
      await context.close();
      portal.kill('SIGTERM');
      await stopped;
      rmSync(database, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
