// GraphiQL as a newcomer meets it, in a real Chromium: before a key the page says where to paste
// it (instead of a bare "Error fetching schema"); the Headers tab already carries the purpose every
// query needs; once a key is typed in, the schema loads by itself — Docs work without the re-fetch
// icon — and the first query answers instead of failing with PURPOSE_REQUIRED.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleBrowser, innerText, pageText } from './support/console-browser.js';
import { skipUnless } from './support/infrastructure.js';
import { TestHub } from './support/test-hub.js';

/** The visible text of the Headers editor (Monaco renders its lines as spans; nbsp as spaces). */
const headersText = (page: Page) =>
  page
    .$eval('[data-testid="headers-editor"], .graphiql-editor-tool .graphiql-editor:not(.hidden)', innerText)
    .then((t) => t.replace(/\u00a0/g, ' '));

describe('GraphiQL for a newcomer', skipUnless('chromium'), () => {
  let hub: TestHub;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    hub = await TestHub.start();
    browser = await ConsoleBrowser.launch(hub.gatewayUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('says to paste a key, offers the purpose header, then loads the schema and answers once a key is typed in', async () => {
    const page = await browser.open('/graphiql');
    const hint = await page.waitForSelector('[data-testid="key-hint"]', { visible: true });
    expect(await hint!.evaluate(innerText)).toMatch(/paste your hub API key in Headers/);
    expect(await headersText(page)).toMatch(/"x-hub-purpose": "demo"/);
    await browser.screenshot(page, 'graphiql-no-key');

    // Replace the headers as a person would: click into the editor, select all, type.
    const input = await page.waitForSelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) textarea');
    await input!.focus();
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(`{"Authorization": "Bearer ${hub.keys.harness.key}", "x-hub-purpose": "demo"}`);

    // The schema arrives without the re-fetch icon: the hint goes, Docs show the root types.
    await page.waitForSelector('[data-testid="key-hint"]', { hidden: true });
    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page.waitForFunction(`document.querySelector('.graphiql-doc-explorer')?.innerText.includes('Query')`);
    expect(await pageText(page)).not.toContain('Error fetching schema');

    // The default query runs with the default purpose: data, no PURPOSE_REQUIRED.
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      `document.querySelector('.graphiql-response')?.innerText.includes('searchLegalEntities')`,
    );
    const response = await page.$eval('.graphiql-response', innerText);
    expect(response).not.toContain('PURPOSE_REQUIRED');
    expect(response).not.toContain('"errors"');
    await browser.screenshot(page, 'graphiql-with-key');
    expect(browser.foreignRequests()).toEqual([]);
  });
});
