import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Debian's Chromium, which CI installs; another one through SLIPWAY_CHROMIUM. */
export function chromiumPath(): string {
  const candidates = [process.env.SLIPWAY_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c) => c !== undefined && c !== '' && existsSync(c));
  if (found === undefined) {
    throw new Error("no Chromium: install Debian's `chromium` (the CI script does) or set SLIPWAY_CHROMIUM");
  }
  return found;
}

/** A page opened in headless Chromium, with everything it logged as an error. */
export interface OpenedPage {
  readonly page: Page;
  /** Console errors, uncaught exceptions and failed requests, in order. */
  readonly errors: readonly string[];
  close(): Promise<void>;
}

/** Opens a local HTML file the way a person would, offline: any request off the file fails. */
export async function openInChromium(
  file: string,
  viewport = { width: 1400, height: 1000 },
): Promise<OpenedPage> {
  const browser: Browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    // The CI runs as root, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
  const errors: string[] = [];
  try {
    const page = await browser.newPage();
    await page.setViewport(viewport);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`exception: ${String(error)}`));
    page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      // A self-contained report asks for nothing but itself.
      if (request.url().startsWith('file:')) void request.continue();
      else void request.abort();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, errors, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
