// Driving the stewards' console in a real Chromium (Debian's package, through puppeteer-core):
// one browser per suite, a fresh incognito context per steward (so cookies never mix), every
// request any page makes recorded (to prove none leaves the hub), sign-in through the page's own
// form, axe-core's serious and critical violations, and screenshots into test-output/console/.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { chromiumPath } from './infrastructure.js';

export const CONSOLE_OUTPUT = join('test-output', 'console');

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/** The element's rendered text (an $eval callback, run in the page). */
export const innerText = (e: unknown): string => (e as { innerText: string }).innerText;

/** The page's whole visible text. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate('document.body.innerText') as Promise<string>;
}

/**
 * axe-core's serious and critical violations on the page (evaluated over CDP, so the page's CSP
 * does not block it), once drawers, dialogs and buttons have stopped moving: a fading colour is
 * not the colour a steward reads.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await settled(page);
  await page.evaluate(await axeSource);
  // Browser code as strings: the server's tsconfig has no DOM types, and should not get them.
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Waits until drawers, dialogs and dropdowns have finished moving (endless animations, e.g. a pulsing badge, aside). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    `document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`,
  );
}

/**
 * Clicks an element through the DOM once it shows: a drawer's or dialog's buttons move while it
 * opens (Ant Design's slide and zoom), so a mouse click at their first position may land beside
 * them — and on a loaded machine the animation takes longer.
 */
export async function press(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { visible: true });
  await page.$eval(selector, (e) => (e as unknown as { click: () => void }).click());
}

export class ConsoleBrowser {
  /** Every URL any page of the browser requested (data: and blob: URLs are not requests that leave). */
  readonly requested: string[] = [];

  private constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  static async launch(baseUrl: string): Promise<ConsoleBrowser> {
    await mkdir(CONSOLE_OUTPUT, { recursive: true });
    const browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      // As root in CI containers Chromium needs --no-sandbox; the page is our own build.
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN'],
    });
    return new ConsoleBrowser(browser, baseUrl);
  }

  /** A steward's own browser profile: its cookies are seen by no other context. */
  async context(): Promise<BrowserContext> {
    return this.browser.createBrowserContext();
  }

  /** Opens a console path (e.g. '/console/catalog') in the context, recording its requests. */
  async open(path: string, context?: BrowserContext, headers: Record<string, string> = {}): Promise<Page> {
    const page = await (context ?? this.browser).newPage();
    await page.setViewport({ width: 1280, height: 800 });
    if (Object.keys(headers).length) await page.setExtraHTTPHeaders(headers);
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('data:') && !url.startsWith('blob:')) this.requested.push(url);
    });
    await page.goto(`${this.baseUrl}${path}`, { waitUntil: 'networkidle0' });
    return page;
  }

  /**
   * Signs a steward in through the sign-in form, as a person would, in a new context of its own;
   * returns the page, on the catalog once signed in.
   */
  async signIn(key: string): Promise<Page> {
    const context = await this.context();
    const page = await this.open('/console/sign-in', context);
    await page.waitForSelector('input[type="password"]');
    await page.type('input[type="password"]', key);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="signed-in-as"]');
    return page;
  }

  /** Goes to a console path in the page's own context (its session cookie) and waits for the network to settle. */
  async goto(page: Page, path: string): Promise<void> {
    await page.goto(`${this.baseUrl}${path}`, { waitUntil: 'networkidle0' });
  }

  /** The session cookie of the page's context, as a Cookie header value (to replay requests outside the browser). */
  async cookieHeader(page: Page): Promise<string> {
    const cookies = await page.browserContext().cookies();
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  /** Writes a full-page screenshot to test-output/console/<name>.png. */
  async screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(CONSOLE_OUTPUT, `${name}.png`), fullPage: true });
  }

  /** The requests that went to any origin but the hub's. */
  foreignRequests(): string[] {
    const origin = new URL(this.baseUrl).origin;
    return this.requested.filter((u) => new URL(u).origin !== origin);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
