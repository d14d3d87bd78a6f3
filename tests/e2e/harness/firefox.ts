import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, SCREENSHOT_DIR } from './paths.ts';
import type { FixtureServer } from './server.ts';

/*
 * Firefox for the end-to-end tests: Debian's firefox-esr, driven over WebDriver BiDi (Firefox's
 * built-in remote protocol) with Node's own WebSocket, the extension installed with BiDi's
 * webExtension.install. Playwright cannot drive it (it needs its own patched Firefox build, which
 * cannot be downloaded here).
 *
 * Firefox has no --host-resolver-rules: it reaches the fixture server through a local CONNECT
 * proxy that lets only the fixture hosts through, so pages keep their real https origins. Every
 * other host is refused and recorded; Firefox's own services (remote settings, telemetry) are told
 * apart from anything else.
 */

export const FIREFOX_EXTENSION_PATH = resolve(ROOT, '.output/firefox-mv2');

/** Debian's firefox-esr, or FIREFOX_PATH. */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error("Firefox is missing: install Debian's package (sudo apt-get install firefox-esr) or set FIREFOX_PATH");
  return found;
}

/** Builds the Firefox extension (as `npm run build:firefox` does) unless E2E_SKIP_BUILD=1 and a build exists. */
export function buildFirefoxExtension(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(FIREFOX_EXTENSION_PATH, 'manifest.json'))) return;
  // As global-setup.ts: vitest's NODE_ENV=test would build Preact's debug hooks into every script.
  const env = { ...process.env, NODE_ENV: 'production' };
  const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000, env });
  if (build.status !== 0) throw new Error(`[e2e] \`npx wxt build -b firefox\` failed:\n${build.stdout}${build.stderr}`);
}

/** Hosts of Firefox's own background services: its traffic, not the extension's. */
const FIREFOX_SERVICES = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/;

export interface FirefoxLogEntry {
  level: string;
  text: string;
  source: string;
}

export interface LaunchedFirefox {
  /** The top-level browsing context (the one tab). */
  context: string;
  /** BiDi command; rejects with the protocol's error. */
  send<T = Record<string, unknown>>(method: string, params: object): Promise<T>;
  navigate(url: string): Promise<void>;
  /** Evaluates an expression (a function body's value) in the page and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls an expression until it is truthy (or the time is up) and returns its last value. */
  waitFor<T>(expression: string, timeout?: number): Promise<T>;
  screenshot(name: string): Promise<string>;
  /**
   * The elements with this role and accessible name inside the shadow roots (open or closed) of the
   * hosts `hosts` matches, as shared references: WebDriver BiDi serializes a host's closed root with
   * `includeShadowTree: 'all'`, and its accessibility locator searches from there (Firefox's does
   * not enter shadow roots by itself).
   */
  locateByRole(role: string, name: string, hosts?: string): Promise<string[]>;
  /** Calls `fn(element)` (a function's source) on a located element in the page; its JSON value. */
  callOn<T>(sharedId: string, fn: string): Promise<T>;
  /** A real pointer click at the centre of a located element. */
  clickOn(sharedId: string): Promise<void>;
  /** console.error and uncaught errors of every page and the extension. */
  readonly errors: FirefoxLogEntry[];
  /** Hosts the browser asked for beyond the fixtures and Firefox's own services. */
  readonly offsiteHosts: string[];
  close(): Promise<void>;
}

/** Launches headless Firefox with the built extension installed as a temporary add-on. */
export async function launchFirefox({ server }: { server: FixtureServer }): Promise<LaunchedFirefox> {
  if (typeof WebSocket !== 'function')
    throw new Error('No WebSocket in this Node: the e2e project runs with --experimental-websocket (vitest.config.ts)');
  const offsiteHosts: string[] = [];
  const proxy = await startProxy(server, offsiteHosts);
  const profile = await mkdtemp(join(tmpdir(), 'chapterbar-firefox-'));
  const port = (proxy.address() as AddressInfo).port;
  await writeFile(
    join(profile, 'user.js'),
    [
      // Every request goes to the proxy, localhost included, so nothing reaches the network directly.
      ['network.proxy.type', 1],
      ['network.proxy.ssl', '127.0.0.1'],
      ['network.proxy.ssl_port', port],
      ['network.proxy.http', '127.0.0.1'],
      ['network.proxy.http_port', port],
      ['network.proxy.no_proxies_on', ''],
      ['network.proxy.allow_hijacking_localhost', true],
      ['media.autoplay.default', 0],
      ['browser.shell.checkDefaultBrowser', false],
      // Firefox's own media plug-in (Widevine, OpenH264) downloads come from update.googleapis.com,
      // at a moment of Firefox's choosing: a request no test should have to explain.
      ['media.gmp-manager.updateEnabled', false],
    ]
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
      .join('\n'),
  );
  const firefox = spawn(
    firefoxPath(),
    ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile, '--width=1400', '--height=900'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = async () => {
    firefox.kill();
    await new Promise((done) => (firefox.exitCode !== null ? done(null) : firefox.once('exit', done)));
    proxy.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  };

  let socket: WebSocket;
  try {
    const endpoint = await bidiEndpoint(firefox);
    socket = new WebSocket(`${endpoint}/session`);
    await new Promise((done, fail) => {
      socket.addEventListener('open', done, { once: true });
      socket.addEventListener('error', () => fail(new Error(`could not connect to ${endpoint}`)), { once: true });
    });
  } catch (error) {
    await stop();
    throw error;
  }

  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const errors: FirefoxLogEntry[] = [];
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as {
      id?: number;
      type: string;
      result?: unknown;
      error?: string;
      message?: string;
      method?: string;
      params?: Record<string, unknown>;
    };
    if (message.id !== undefined && pending.has(message.id)) {
      const waiter = pending.get(message.id)!;
      pending.delete(message.id);
      if (message.type === 'success') waiter.resolve(message.result);
      else waiter.reject(new Error(`${message.error}: ${message.message}`));
    } else if (message.method === 'log.entryAdded' && message.params?.level === 'error') {
      const source = message.params.source as { realm?: string; context?: string } | undefined;
      errors.push({ level: 'error', text: String(message.params.text), source: source?.context ?? source?.realm ?? '' });
    }
  });
  const send = <T>(method: string, params: object) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  // The fixture server's certificate is self-signed and thrown away.
  await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  await send('session.subscribe', { events: ['log.entryAdded'] });
  await send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_PATH } });
  const tree = await send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', {});
  const context = tree.contexts[0]!.context;

  const evaluate = async <T>(expression: string): Promise<T> => {
    const reply = await send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>(
      'script.evaluate',
      {
        expression: `JSON.stringify((() => { ${expression} })() ?? null)`,
        target: { context },
        awaitPromise: false,
      },
    );
    if (reply.type === 'exception') throw new Error(`in the page: ${reply.exceptionDetails?.text}`);
    return JSON.parse(String(reply.result?.value)) as T;
  };

  const callOn = async <T>(sharedId: string, fn: string): Promise<T> => {
    const reply = await send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>(
      'script.callFunction',
      {
        functionDeclaration: `(element) => JSON.stringify((${fn})(element) ?? null)`,
        arguments: [{ sharedId }],
        target: { context },
        awaitPromise: true,
      },
    );
    if (reply.type === 'exception') throw new Error(`in the page: ${reply.exceptionDetails?.text}`);
    return JSON.parse(String(reply.result?.value)) as T;
  };

  return {
    context,
    send,
    evaluate,
    callOn,
    async locateByRole(role, name, hosts = 'chapterbar-sidebar') {
      const found = await send<{ nodes: Array<{ value?: { shadowRoot?: { sharedId: string } | null } }> }>('browsingContext.locateNodes', {
        context,
        locator: { type: 'css', value: hosts },
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
      });
      const roots = found.nodes.flatMap((node) => (node.value?.shadowRoot ? [{ sharedId: node.value.shadowRoot.sharedId }] : []));
      if (roots.length === 0) return [];
      const { nodes } = await send<{ nodes: Array<{ sharedId: string }> }>('browsingContext.locateNodes', {
        context,
        locator: { type: 'accessibility', value: { role, name } },
        startNodes: roots,
      });
      return nodes.map((node) => node.sharedId);
    },
    async clickOn(sharedId) {
      await callOn(sharedId, `(element) => element.scrollIntoView({ block: 'center' })`);
      const origin = { type: 'element', element: { sharedId } };
      await send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            actions: [
              { type: 'pointerMove', x: 0, y: 0, origin },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
    },
    async navigate(url) {
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    async waitFor<T>(expression: string, timeout = 10_000) {
      const until = Date.now() + timeout;
      let value: T | null = null;
      while (Date.now() < until) {
        value = await evaluate<T>(expression);
        if (value) return value;
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error(`timed out after ${timeout} ms waiting for: ${expression} (last value ${JSON.stringify(value)})`);
    },
    async screenshot(name) {
      const { data } = await send<{ data: string }>('browsingContext.captureScreenshot', { context });
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const file = resolve(SCREENSHOT_DIR, `${name}.png`);
      await writeFile(file, Buffer.from(data, 'base64'));
      return file;
    },
    errors,
    offsiteHosts,
    async close() {
      await send('session.end', {}).catch(() => {});
      socket.close();
      await stop();
    },
  };
}

/** Firefox prints where its BiDi server listens once it is up. */
function bidiEndpoint(firefox: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its WebDriver BiDi server:\n${output.slice(-2000)}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    firefox.stdout?.on('data', read);
    firefox.stderr?.on('data', read);
    firefox.once('exit', (code) => reject(new Error(`Firefox exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
  });
}

/** A CONNECT proxy to the fixture server for the fixture hosts; everything else is refused. */
async function startProxy(server: FixtureServer, offsiteHosts: string[]): Promise<Server> {
  const proxy = createServer((req, res) => {
    // Plain-http requests: none of the fixture sites is served over http.
    const host = new URL(req.url ?? '', 'http://unknown.invalid').hostname;
    if (!FIREFOX_SERVICES.test(host)) offsiteHosts.push(host);
    res.writeHead(403).end();
  });
  proxy.on('connect', (req, client, head) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!server.hosts.includes(host)) {
      if (!FIREFOX_SERVICES.test(host)) offsiteHosts.push(host);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(server.port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', () => done()));
  return proxy;
}
