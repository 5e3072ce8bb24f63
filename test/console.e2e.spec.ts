// The stewards' console (apps/console), served by the gateway at /console and driven in a real
// Chromium (Debian's package, through puppeteer-core): the build is served with the right types and
// caching, the sign-in page renders in Chinese, every request of the page stays on the hub's
// origin, axe-core finds no serious or critical violation, and the catalog page lists resources
// from the catalog's GraphQL query. Screenshots go to test-output/console/ (gitignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../apps/gateway/src/console/console.controller.js';
import { ConsoleBrowser, innerText, pageText, seriousViolations } from './support/console-browser.js';
import { skipUnless } from './support/infrastructure.js';
import { TestHub } from './support/test-hub.js';

describe('the stewards console in a browser', skipUnless('chromium'), () => {
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

  it('serves the build: the page never cached, hashed assets immutable, client routes fall back to the page', async () => {
    const page = await fetch(`${hub.gatewayUrl}/console`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    const html = await page.text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const asset = await fetch(`${hub.gatewayUrl}${script}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      await asset.arrayBuffer();
    }
    // A client route gets the page; a missing file is a 404 (never HTML where a script is expected),
    // and a path that tries to climb out of the assets is refused before routing (401) or not found.
    const route = await fetch(`${hub.gatewayUrl}/console/catalog`);
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(html);
    for (const missing of [
      '/console/assets/gone-1234.js',
      '/console/old-chunk.js',
      '/console/assets/..%2F..%2Fpackage.json',
    ]) {
      const response = await fetch(`${hub.gatewayUrl}${missing}`);
      expect([401, 404], missing).toContain(response.status);
      await response.arrayBuffer();
    }
  });

  it('renders the sign-in page in Chinese, accessible, with no request leaving the hub', async () => {
    const page = await browser.open('/console/sign-in');
    await page.waitForSelector('input[type="password"]');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    const text = await pageText(page);
    expect(text).toContain('管理控制台');
    expect(text).toContain('密钥');
    expect(text).toContain('登录');
    expect(await seriousViolations(page)).toEqual([]);
    await browser.screenshot(page, 'sign-in');

    // A wrong key: the page says so in Chinese, with the request id to quote to support, and the
    // key is gone from the form.
    await page.type('input[type="password"]', 'hubk_notakey_xxxxxxxxxxxxxxxx');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[role="alert"] [data-testid="request-id"]');
    const alert = await page.$eval('[role="alert"]', innerText);
    expect(alert).toContain('登录失败');
    expect(alert).toMatch(/请求编号/);
    expect(await page.$eval('input[type="password"]', (e) => (e as unknown as { value: string }).value)).toBe('');
    // Nor anywhere else the page could leave it: storage, cookies readable by script, the URL.
    const kept = (await page.evaluate(
      'JSON.stringify([localStorage, sessionStorage, document.cookie, location.href])',
    )) as string;
    expect(kept).not.toContain('hubk_notakey');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('lists the catalog with the catalog query, paginated on the server', async () => {
    const page = await browser.signIn(hub.keys.psbSteward.key);
    expect(new URL(page.url()).pathname).toBe('/console/catalog');
    await page.waitForSelector('.ant-table-row');
    const text = await pageText(page);
    expect(text).toContain('目录');
    expect(text).toContain('102002001/000001');
    expect(text).toMatch(/无条件共享|有条件共享|不予共享/);
    expect(await seriousViolations(page)).toEqual([]);
    await browser.screenshot(page, 'catalog');
    const firstPage = (await page.$$eval('.ant-table-row', (rows) =>
      rows.map((r) => (r as unknown as { dataset: { rowKey: string } }).dataset.rowKey),
    )) as string[];
    expect(firstPage).toHaveLength(20);

    // Page 2 comes from the hub (the cursor of page 1 as `after`), not from rows already loaded.
    const afters: unknown[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql' && request.postData())
        afters.push(JSON.parse(request.postData()!).variables?.after);
    });
    await page.click('.ant-pagination-item-2');
    await page.waitForFunction(
      `document.querySelector('.ant-table-row')?.dataset.rowKey !== ${JSON.stringify(firstPage[0])}`,
    );
    const secondPage = (await page.$$eval('.ant-table-row', (rows) =>
      rows.map((r) => (r as unknown as { dataset: { rowKey: string } }).dataset.rowKey),
    )) as string[];
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((code) => firstPage.includes(code))).toEqual([]);
    expect(afters.some((a) => typeof a === 'string' && a.length > 0)).toBe(true);
    await page.close();
  });

  it('sends a visitor without a session to the sign-in page, in English when asked', async () => {
    const page = await browser.open('/console/catalog', await browser.context());
    await page.waitForSelector('input[type="password"]');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    // The language switch: the page, its lang attribute and Ant Design's own texts follow.
    await page.click('.ant-segmented ::-p-text(English)');
    await page.waitForFunction(`document.documentElement.lang === 'en'`);
    const text = await pageText(page);
    expect(text).toContain('Sign in');
    expect(text).not.toContain('密钥仅用于');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('.ant-segmented ::-p-text(中文)');
    await page.waitForFunction(`document.documentElement.lang === 'zh-CN'`);
    await page.close();
  });

  it('signs out: the session ends, and its cookie no longer works anywhere', async () => {
    const page = await browser.signIn(hub.keys.psbSteward.key);
    const cookie = await browser.cookieHeader(page);
    const session = await fetch(`${hub.gatewayUrl}/console/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const replay = () =>
      fetch(`${hub.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { cookie, 'x-hub-csrf': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ searchCatalog(first: 1) { nodes { code } } }' }),
      });
    const before = await replay();
    expect(before.status).toBe(200);
    expect(((await before.json()) as { data?: unknown }).data).toBeTruthy();

    await page.click('[data-testid="sign-out"]');
    await page.waitForSelector('input[type="password"]');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    // The same cookie, replayed outside the browser: refused by the session endpoint and /graphql.
    expect((await fetch(`${hub.gatewayUrl}/console/session`, { headers: { cookie } })).status).toBe(401);
    const after = await replay();
    expect(after.status).toBe(401);
    // And the page itself, asked again, goes to the sign-in form.
    await browser.goto(page, '/console/catalog');
    await page.waitForSelector('input[type="password"]');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await page.close();
  });

  it('made no request to any origin but the hub', () => {
    expect(browser.requested.length).toBeGreaterThan(0);
    expect(browser.foreignRequests()).toEqual([]);
  });
});
