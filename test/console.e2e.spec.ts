// The stewards' console (apps/console), served by the gateway at /console and driven in a real
// Chromium (Debian's package, through puppeteer-core): the build is served with the right types and
// caching, the sign-in page renders in Chinese, every request of the page stays on the hub's
// origin, axe-core finds no serious or critical violation, and the catalog page lists resources
// from the catalog's GraphQL query. Screenshots go to test-output/console/ (gitignored).
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../apps/gateway/src/console/console.controller.js';
import { chromiumPath, has } from './support/infrastructure.js';
import { TestHub } from './support/test-hub.js';

const OUTPUT = join('test-output', 'console');
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The element's rendered text (an $eval callback, run in the page). */
const innerText = (e: unknown): string => (e as { innerText: string }).innerText;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/** axe-core's serious and critical violations on the page (evaluated over CDP, so the page's CSP does not block it). */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(await axeSource);
  // Browser code as strings: the server's tsconfig has no DOM types, and should not get them.
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.skipIf(!has('chromium'))('the stewards console in a browser', () => {
  let hub: TestHub;
  let browser: Browser;
  /** Every URL any page of the browser requested (data: URLs are not requests that leave). */
  const requested: string[] = [];

  async function open(path: string, headers: Record<string, string> = {}): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.setExtraHTTPHeaders(headers);
    page.on('request', (request) => {
      if (!request.url().startsWith('data:')) requested.push(request.url());
    });
    await page.goto(`${hub.gatewayUrl}${path}`, { waitUntil: 'networkidle0' });
    return page;
  }

  beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    hub = await TestHub.start();
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      // As root in CI containers Chromium needs --no-sandbox; the page is our own build.
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN'],
    });
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
    for (const missing of ['/console/assets/gone-1234.js', '/console/old-chunk.js', '/console/assets/..%2F..%2Fpackage.json']) {
      const response = await fetch(`${hub.gatewayUrl}${missing}`);
      expect([401, 404], missing).toContain(response.status);
      await response.arrayBuffer();
    }
  });

  it('renders the sign-in page in Chinese, accessible, with no request leaving the hub', async () => {
    const page = await open('/console');
    await page.waitForSelector('input[type="password"]');
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    const text = (await page.evaluate('document.body.innerText')) as string;
    expect(text).toContain('管理控制台');
    expect(text).toContain('密钥');
    expect(text).toContain('登录');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'sign-in.png'), fullPage: true });

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
    const kept = (await page.evaluate('JSON.stringify([localStorage, sessionStorage, document.cookie, location.href])')) as string;
    expect(kept).not.toContain('hubk_notakey');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('lists the catalog with the catalog query, paginated on the server', async () => {
    // Until sessions land (POST /console/session), the steward's key rides as a header the browser
    // adds to every request; the page itself never sees it.
    const page = await open('/console/catalog', hub.auth(hub.keys.psbSteward.key));
    await page.waitForSelector('.ant-table-row');
    const text = (await page.evaluate('document.body.innerText')) as string;
    expect(text).toContain('目录');
    expect(text).toContain('10202001/000001');
    expect(text).toMatch(/无条件共享|有条件共享|不予共享/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'catalog.png'), fullPage: true });
    const firstPage = (await page.$$eval('.ant-table-row', (rows) => rows.map((r) => (r as unknown as { dataset: { rowKey: string } }).dataset.rowKey))) as string[];
    expect(firstPage).toHaveLength(20);

    // Page 2 comes from the hub (the cursor of page 1 as `after`), not from rows already loaded.
    const afters: unknown[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql' && request.postData()) afters.push(JSON.parse(request.postData()!).variables?.after);
    });
    await page.click('.ant-pagination-item-2');
    await page.waitForFunction(`document.querySelector('.ant-table-row')?.dataset.rowKey !== ${JSON.stringify(firstPage[0])}`);
    const secondPage = (await page.$$eval('.ant-table-row', (rows) => rows.map((r) => (r as unknown as { dataset: { rowKey: string } }).dataset.rowKey))) as string[];
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((code) => firstPage.includes(code))).toEqual([]);
    expect(afters.some((a) => typeof a === 'string' && a.length > 0)).toBe(true);
    await page.close();
  });

  it('shows a refused catalog request as an error in Chinese with the request id', async () => {
    const page = await open('/console/catalog');
    await page.waitForSelector('[role="alert"] [data-testid="request-id"]');
    const alert = await page.$eval('[role="alert"]', innerText);
    expect(alert).toContain('目录加载失败');
    expect(alert).toContain('未登录或登录已过期');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('made no request to any origin but the hub', () => {
    const origin = new URL(hub.gatewayUrl).origin;
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  });
});
