// Loads /graphiql in headless Chromium with every request off loopback blocked, runs the default
// query and checks the result pane. Exits non-zero on any failure.
//   node graphiql.mjs http://127.0.0.1:8080
import { chromium } from 'playwright-core';

const base = process.argv[2];
if (!base) {
  console.error('usage: node graphiql.mjs <server base url>');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const offLoopback = [];
const pageErrors = [];
try {
  const context = await browser.newContext();
  // The IDE must work on an air-gapped intranet: anything not served by this server fails.
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost' || host === '[::1]') return route.continue();
    offLoopback.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto(`${base}/graphiql`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.graphiql-execute-button', { timeout: 20000 });
  const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST'
    && (r.request().postData() ?? '').includes('catalog'));
  await page.click('.graphiql-execute-button');
  const response = await (await answered).json();
  const codes = response?.data?.catalog?.databases?.map((d) => d.code) ?? [];
  if (codes.length !== 23) throw new Error(`expected 23 databases, got ${JSON.stringify(response)}`);
  // The result pane renders only the lines in view; the first database is among them.
  await page.waitForFunction(
    () => document.querySelector('.result-window')?.textContent?.includes('"personnel"'),
    null,
    { timeout: 20000 },
  );
  if (offLoopback.length > 0) throw new Error(`requests off loopback: ${offLoopback.join(', ')}`);
  if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`);
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT });
  console.log('graphiql: loaded with no request off loopback and ran the catalogue query');
} catch (err) {
  console.error(`graphiql: ${err.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
