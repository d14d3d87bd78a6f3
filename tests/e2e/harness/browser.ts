import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ASSET_SCREENSHOT_DIR, EXTENSION_PATH, SCREENSHOT_DIR } from './paths.ts';
import type { FixtureServer } from './server.ts';

/** Debian's chromium: /usr/bin/chromium is a shell wrapper around the real binary. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error("Chromium is missing: install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH");
  }
  return found;
}

export interface ConsoleError {
  /** URL of the page or worker that logged it. */
  source: string;
  text: string;
  /** Where it came from: the logging script's URL, or an exception's stack. */
  location: string;
  page: Page | null;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** The loaded extension's id, or null when launched with `extensionPath: false`. */
  extensionId: string | null;
  /** A new tab (the first call reuses the blank tab Chromium opens with). */
  newPage(): Promise<Page>;
  /** console.error messages and uncaught exceptions of every page and worker, in order
   *  (content-script errors land in their page's console, so they show up here too). */
  readonly consoleErrors: ConsoleError[];
  /** The console errors of one page. */
  consoleErrorsOf(page: Page): ConsoleError[];
  /** Every request the browser made that left the machine's fixtures and the extension itself. */
  readonly offsiteRequests: string[];
  /**
   * Closes Chromium and deletes its profile. Safe to call twice. Fails when the browser made any
   * request beyond the fixture hosts and the extension's own files: Chapterbar works offline and
   * tells no one what a person watches.
   */
  close(): Promise<void>;
}

export interface LaunchOptions {
  server: FixtureServer;
  /** Unpacked extension to load; defaults to the build in .output/chrome-mv3. `false`: none. */
  extensionPath?: string | false;
  /** More unpacked extensions to load beside it (the bench's probe, which reads closed shadow roots). */
  alsoLoad?: string[];
  /** Headed only for debugging on a machine with a display (HEADED=1 does the same). */
  headless?: boolean;
}

/** Chromium's switches for the fixture hosts, with `extensions` (unpacked folders) loaded. */
export function chromiumArgs(server: FixtureServer, extensions: readonly string[]): string[] {
  // MAP host ip:port rewrites the port too, so `https://www.youtube.com/` (port 443 in the URL)
  // reaches 127.0.0.1:<random port> while the page keeps its real origin. No root, no port 443.
  const resolverRules = [...server.hosts.map((host) => `MAP ${host} 127.0.0.1:${server.port}`), 'EXCLUDE localhost'].join(', ');
  const args = [
    `--host-resolver-rules=${resolverRules}`,
    '--ignore-certificate-errors', // the throw-away self-signed certificate
    '--disable-quic', // QUIC would bypass our TCP server (and the resolver mapping's port)
    '--no-sandbox', // CI containers run as root, where Chromium's sandbox cannot start
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
  ];
  const loaded = extensions.join(',');
  if (loaded) args.push(`--disable-extensions-except=${loaded}`, `--load-extension=${loaded}`);
  return args;
}

/**
 * Launches Chromium with the extension loaded and the fixture hosts resolved to the fixture server.
 * Extensions need a persistent context (a profile directory) in Playwright; each launch gets a fresh
 * temporary one, so no state leaks between test files.
 */
export async function launchBrowser(options: LaunchOptions): Promise<LaunchedBrowser> {
  const { server } = options;
  const extensionPath = options.extensionPath === undefined ? EXTENSION_PATH : options.extensionPath;
  if (extensionPath && !existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath} (run \`npx wxt build\`, or let the e2e globalSetup do it)`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'chapterbar-e2e-'));

  const args = chromiumArgs(server, [...(extensionPath ? [extensionPath] : []), ...(options.alsoLoad ?? [])]);

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      // Playwright passes `--headless`, which in Chromium >= 132 is the "new" headless mode: a
      // full browser that runs extensions (the old headless shell could not).
      headless: options.headless ?? process.env.HEADED !== '1',
      args,
      ignoreDefaultArgs: ['--disable-extensions'],
      ignoreHTTPSErrors: true,
      viewport: { width: 1400, height: 900 },
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }

  const consoleErrors: ConsoleError[] = [];
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const page = message.page();
    const source = page?.url() ?? message.worker()?.url() ?? '';
    consoleErrors.push({ source, text: message.text(), location: message.location().url, page });
  });
  context.on('weberror', (error) => {
    const page = error.page();
    const thrown = error.error();
    consoleErrors.push({ source: page?.url() ?? '', text: String(thrown), location: thrown.stack ?? '', page });
  });

  // Requests of extension service workers are reported only with this switch.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const offsiteRequests: string[] = [];
  const fixtureOrigins = new Set(server.hosts.map((host) => `https://${host}`));
  context.on('request', (request) => {
    const url = new URL(request.url());
    const local = ['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:'].includes(url.protocol) || fixtureOrigins.has(url.origin);
    if (!local) offsiteRequests.push(request.url());
  });

  let id: string | null = null;
  try {
    if (extensionPath) id = await extensionId(context);
  } catch (error) {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }

  let blank: Page | undefined = context.pages()[0];
  let closed = false;
  return {
    context,
    extensionId: id,
    consoleErrors,
    offsiteRequests,
    consoleErrorsOf: (page) => consoleErrors.filter((e) => e.page === page),
    async newPage() {
      const page = blank ?? (await context.newPage());
      blank = undefined;
      return page;
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {}); // kills the browser process of a persistent context
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      if (offsiteRequests.length > 0) {
        throw new Error(`The browser made requests beyond the fixtures and the extension:\n${offsiteRequests.join('\n')}`);
      }
    },
  };
}

/**
 * The extension's id, read from its MV3 service worker URL (chrome-extension://<id>/background.js).
 * Waiting for the worker is also the proof that Chromium loaded the extension at all.
 */
export async function extensionId(context: BrowserContext, timeout = 10_000): Promise<string> {
  const isExtension = (url: string) => url.startsWith('chrome-extension://');
  let worker = context.serviceWorkers().find((w) => isExtension(w.url()));
  worker ??= await context.waitForEvent('serviceworker', { predicate: (w) => isExtension(w.url()), timeout }).catch(() => {
    throw new Error(`The extension's service worker did not start within ${timeout} ms: was the extension loaded?`);
  });
  return new URL(worker.url()).host;
}

/**
 * Saves a PNG to tests/.artifacts/screenshots/<name>.png (gitignored) and returns its path. With
 * UPDATE_SCREENSHOTS=1 it is also copied to assets/screenshots/, the committed set, unless
 * `asset: false` (screenshots that only help debugging).
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; asset?: boolean } = {}): Promise<string> {
  const file = resolve(SCREENSHOT_DIR, `${name}.png`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'allow' });
  if (process.env.UPDATE_SCREENSHOTS === '1' && options.asset !== false) {
    await mkdir(ASSET_SCREENSHOT_DIR, { recursive: true });
    await copyFile(file, resolve(ASSET_SCREENSHOT_DIR, `${name}.png`));
  }
  return file;
}
