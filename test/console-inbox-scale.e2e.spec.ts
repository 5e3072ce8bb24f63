// The applications inbox at the size of a busy bureau: 1,000 pending applications for the public
// security department, on the embedded database with in-process events (as `npm start` runs),
// rendered and paged in Chromium. The budget — no request over 300 ms — is REPORTED here
// (test-output/console/inbox-1000.json and the log; figures in docs/benchmarks.md), not asserted:
// timings on a shared 2-core machine are not a test. What is asserted is the outcome: the inbox
// lists the pending applications, and every page shown comes from the hub, none repeated.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_OUTPUT, ConsoleBrowser, press } from './support/console-browser.js';
import { skipUnless } from './support/infrastructure.js';
import { TestHub } from './support/test-hub.js';

const RESOURCE = '101003001/000001';
const PENDING = 1000;
const PAGES_VISITED = 5;
const APPLY = `mutation Apply($input: ApplyForSharingInput!) { applyForSharing(input: $input) { id } }`;

/** The row keys of the table as shown. */
const rowKeys = (page: Page) =>
  page.$$eval('.ant-table-row', (rows) =>
    rows.map((r) => (r as unknown as { dataset: { rowKey: string } }).dataset.rowKey),
  ) as Promise<string[]>;

/** The durations (ms) of the page's requests to /graphql so far, as the browser timed them. */
const graphqlDurations = (page: Page) =>
  page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/graphql').map((e) => e.duration)`,
  ) as Promise<number[]>;

describe('the applications inbox with 1,000 pending applications (embedded database)', skipUnless('chromium'), () => {
  let hub: TestHub;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    hub = await TestHub.start({ asNpmStart: true });
    browser = await ConsoleBrowser.launch(hub.gatewayUrl);
    // Three systems of other departments apply, four at a time, as their systems would.
    const applicants = [hub.keys.humanResources.key, hub.keys.tax.key, hub.keys.window.key];
    const today = new Date().toISOString().slice(0, 10);
    let next = 0;
    const worker = async () => {
      while (next < PENDING) {
        const i = next++;
        const result = await hub.graphql(
          APPLY,
          {
            input: {
              resourceCode: RESOURCE,
              items: [1 + (i % 2)],
              purpose: `核验第 ${i + 1} 件`,
              legalBasis: '《社会保险法》第七十三条',
              requestedFrom: today,
              requestedTo: '2027-12-31',
              fullValues: false,
            },
          },
          {},
          { key: applicants[i % applicants.length], purpose: null },
        );
        if (result.errors) throw new Error(JSON.stringify(result.errors));
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('renders the inbox and pages through it from the hub, each request timed and reported', async () => {
    const page = await browser.signIn(hub.keys.psbSteward.key);
    const started = Date.now();
    await browser.goto(page, '/console/applications');
    await page.waitForSelector('.ant-table-row');
    const firstRender = Date.now() - started;
    const seen = new Set<string>();
    const pageTimes: number[] = [];
    let keys = await rowKeys(page);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    keys.forEach((k) => seen.add(k));
    for (let n = 2; n <= PAGES_VISITED; n++) {
      const before = keys[0];
      const clicked = Date.now();
      await press(page, 'li.ant-pagination-next:not(.ant-pagination-disabled) button');
      await page.waitForFunction(
        `document.querySelector('.ant-table-row')?.dataset.rowKey !== ${JSON.stringify(before)}`,
      );
      pageTimes.push(Date.now() - clicked);
      keys = await rowKeys(page);
      for (const k of keys) {
        expect(seen.has(k), `page ${n} repeats ${k}`).toBe(false);
        seen.add(k);
      }
    }
    const durations = await graphqlDurations(page);
    expect(durations.length).toBeGreaterThanOrEqual(PAGES_VISITED);
    const report = {
      pending: PENDING,
      database: 'embedded (PGlite), in-process events',
      firstRenderMs: firstRender,
      pageChangeMs: pageTimes,
      graphqlRequestMs: durations.map((d) => Math.round(d)),
      slowestRequestMs: Math.round(Math.max(...durations)),
      requestsOver300ms: durations.filter((d) => d > 300).length,
      budgetMs: 300,
    };
    await writeFile(join(CONSOLE_OUTPUT, 'inbox-1000.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`console inbox (1,000 pending, embedded database): ${JSON.stringify(report)}`);
    await browser.screenshot(page, 'applications-1000');
    expect(browser.foreignRequests()).toEqual([]);
  }, 300_000);
});
