import { createServer, request, type Server } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { generate } from 'selfsigned';
import { MEDIA_DIR, SITES_DIR } from './paths.ts';
import { YOUTUBE_VIDEOS, type FixtureVideo } from './videos.ts';
import { buildInitialData, buildPlayerResponse, scriptJson } from './youtube-data.ts';

/**
 * A local HTTPS server that impersonates YouTube and Spotify for the browser.
 *
 * Chromium reaches it through `--host-resolver-rules` (see browser.ts), which maps each real host
 * name to 127.0.0.1:<port>, so pages keep their real origin (`https://www.youtube.com`, no port):
 * content-script matches, `location.href` and the extension's URL parsing all see production URLs.
 * The certificate is self-signed and thrown away; Chromium runs with certificate errors ignored.
 */

/** Host -> fixture folder under tests/fixtures/sites, and which page file serves which path.
 *  Query strings never take part in the lookup. Anything else under `/__fixture/` is a static file
 *  of that folder (app.js, styles), and `/media/*` is tests/fixtures/media on every host. */
const SITES: Record<string, { dir: string; pages: Array<[RegExp, string]> }> = {
  'www.youtube.com': {
    dir: 'youtube',
    pages: [
      // `/` and `/watch` are the same single-page app, as on YouTube: app.js renders home or watch.
      [/^\/(watch)?$/, 'watch.html'],
      [/^\/embed\/[\w-]+$/, 'embed.html'],
    ],
  },
  'm.youtube.com': { dir: 'youtube', pages: [[/^\/(watch)?$/, 'mobile.html']] },
  'www.youtube-nocookie.com': { dir: 'youtube', pages: [[/^\/embed\/[\w-]+$/, 'embed.html']] },
  // One single-page app for every page, as on Spotify: app.js renders the path (see its SOURCES.md).
  'open.spotify.com': { dir: 'spotify', pages: [[/^\/((episode|show|track|album|artist)\/\w+|search)?$/, 'app.html']] },
};

export const FIXTURE_HOSTS = Object.keys(SITES);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
};

export interface RecordedRequest {
  method: string;
  /** Host header without port, e.g. `www.youtube.com`. */
  host: string;
  /** Path and query, e.g. `/watch?v=C6Zpjij5AF4`. */
  url: string;
  /** The Range header, if any: media seeks show up here. */
  range?: string;
  /** Filled in when the response is sent. */
  status?: number;
}

/** A dynamic route: write the whole response to `res` (it is recorded like any other). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface FixtureServer {
  /** The local port (Chromium maps the fixture hosts to it; tests never type it in a URL). */
  readonly port: number;
  readonly hosts: readonly string[];
  /** Every request in arrival order; tests read it and may `clearRequests()` between steps. */
  readonly requests: RecordedRequest[];
  /** `https://www.youtube.com`: the origin as the page sees it. */
  origin(host?: string): string;
  /** `url('/watch?v=ID')` -> `https://www.youtube.com/watch?v=ID`. */
  url(path: string, host?: string): string;
  /** Serve `path` (exact string, or RegExp tested on the path without query) on `host` ('*' for
   *  any) before the fixture table. Returns a function that removes the route. */
  route(host: string, path: string | RegExp, handler: RouteHandler): () => void;
  /** A request from Node straight to the server (Node knows nothing of Chromium's host mapping).
   *  For testing the server itself or fetching what a page would; it is recorded like the rest. */
  get(path: string, options?: { host?: string; headers?: Record<string, string> }): Promise<FixtureResponse>;
  clearRequests(): void;
  close(): Promise<void>;
}

export interface FixtureResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export async function startServer(options: { port?: number } = {}): Promise<FixtureServer> {
  const pems = await generate([{ name: 'commonName', value: 'www.youtube.com' }], {
    keyType: 'ec', // EC keys generate in milliseconds; RSA would add ~100 ms to every test file.
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: FIXTURE_HOSTS.map((value) => ({ type: 2 as const, value })) },
    ],
  });

  const requests: RecordedRequest[] = [];
  const routes: Array<{ host: string; path: string | RegExp; handler: RouteHandler }> = [];

  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const record: RecordedRequest = { method: req.method ?? 'GET', host, url: req.url ?? '/' };
    if (req.headers.range) record.range = req.headers.range;
    requests.push(record);
    // 'close' too: Chromium often hangs up on media responses before they finish.
    const settle = () => void (res.headersSent && (record.status = res.statusCode));
    res.on('finish', settle).on('close', settle);
    // No caching anywhere: every test run, and every seek, must reach the server to be observable.
    res.setHeader('Cache-Control', 'no-store');

    // Inside a promise so that a throwing handler (or a bad request URL) becomes a 500, not a crash.
    Promise.resolve()
      .then(() => {
        const url = new URL(req.url ?? '/', `https://${host || 'no-host.invalid'}`);
        const custom = routes.find(
          (r) => (r.host === '*' || r.host === host) && (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)),
        );
        return custom ? custom.handler(req, res, url) : serveFixture(req, res, host, url);
      })
      .catch((error: unknown) => {
        console.error(`[fixture server] ${req.method} ${host}${req.url}:`, error);
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(error));
        else res.destroy();
      });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    hosts: FIXTURE_HOSTS,
    requests,
    origin: (host = 'www.youtube.com') => `https://${host}`,
    url: (path, host = 'www.youtube.com') => `https://${host}${path}`,
    route(host, path, handler) {
      const entry = { host, path, handler };
      routes.unshift(entry); // the latest registration wins
      return () => void routes.splice(routes.indexOf(entry), 1);
    },
    get: (path, { host = 'www.youtube.com', headers = {} } = {}) =>
      new Promise((done, fail) => {
        const options = { host: '127.0.0.1', port, path, servername: host, headers: { Host: host, ...headers }, rejectUnauthorized: false };
        request(options, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', fail)
          .end();
      }),
    clearRequests: () => void requests.splice(0),
    close: () =>
      new Promise<void>((done) => {
        // Chromium keeps media connections alive; don't wait for it to hang up.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function serveFixture(req: IncomingMessage, res: ServerResponse, host: string, url: URL): Promise<void> {
  const site = SITES[host];
  if (!site) return send(res, 404, 'text/plain; charset=utf-8', `No fixture site for host ${host}`);
  if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');

  if (url.pathname.startsWith('/media/')) {
    const file = inside(MEDIA_DIR, url.pathname.slice('/media/'.length));
    return file ? serveFile(req, res, file) : send(res, 404, 'text/plain', 'Not found');
  }
  if (url.pathname.startsWith('/__fixture/')) {
    const file = inside(resolve(SITES_DIR, site.dir), url.pathname.slice('/__fixture/'.length));
    return file ? serveFile(req, res, file) : send(res, 404, 'text/plain', 'Not found');
  }
  const page = site.pages.find(([pattern]) => pattern.test(url.pathname));
  if (!page) return send(res, 404, 'text/html; charset=utf-8', `<h1>404</h1><p>No fixture page for ${host}${url.pathname}</p>`);

  const html = await readFile(resolve(SITES_DIR, site.dir, page[1]), 'utf8').catch(() => null);
  if (html === null) return send(res, 404, 'text/plain', `Fixture page ${site.dir}/${page[1]} does not exist yet`);
  send(res, 200, CONTENT_TYPES['.html']!, renderTemplate(html, url));
}

/**
 * Fills `{{name}}` placeholders in a fixture page, the way YouTube's server renders `<title>`,
 * `<meta>` and its initial data for the requested video before any script runs. (Those server-
 * rendered tags then go stale on single-page navigation, on YouTube and here alike.)
 */
function renderTemplate(html: string, url: URL): string {
  const id = url.searchParams.get('v') ?? url.pathname.match(/^\/embed\/([\w-]+)/)?.[1] ?? '';
  const video: FixtureVideo | undefined = YOUTUBE_VIDEOS.find((v) => v.id === id);
  const values: Record<string, string> = {
    // JSON inside <script type="application/json">: only "<" could end the element early.
    videos: JSON.stringify(YOUTUBE_VIDEOS).replace(/</g, '\\u003c'),
    videoId: escapeHtml(id),
    title: escapeHtml(video?.title ?? ''),
    documentTitle: escapeHtml(video ? `${video.title} - YouTube` : 'YouTube'),
    channel: escapeHtml(video?.channel ?? ''),
    lengthSeconds: String(video?.lengthSeconds ?? 0),
    durationIso: video ? `PT${Math.floor(video.lengthSeconds / 60)}M${video.lengthSeconds % 60}S` : '',
    // The inline `var ytInitialData = …` and `var ytInitialPlayerResponse = …` of a first load.
    initialData: video ? scriptJson(buildInitialData(video)) : '{}',
    playerResponse: video ? scriptJson(buildPlayerResponse(video)) : '{}',
  };
  return html.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Static file with single-range support: media elements fetch with `Range: bytes=N-` and can seek
 *  only if the server answers 206 with Content-Range (and says Accept-Ranges up front). */
export async function serveFile(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return send(res, 404, 'text/plain', 'Not found');
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', type);

  let start = 0;
  let end = info.size - 1;
  const range = req.headers.range?.match(/^bytes=(\d*)-(\d*)$/);
  if (req.headers.range && !range) return send(res, 416, 'text/plain', 'Only single byte ranges are supported');
  if (range) {
    const [, from = '', to = ''] = range;
    if (from === '')
      start = Math.max(0, info.size - Number(to)); // suffix range: the last N bytes
    else {
      start = Number(from);
      if (to !== '') end = Math.min(Number(to), info.size - 1);
    }
    if (start > end || start >= info.size) {
      res.setHeader('Content-Range', `bytes */${info.size}`);
      return send(res, 416, 'text/plain', 'Range not satisfiable');
    }
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${end}/${info.size}`);
  }
  res.setHeader('Content-Length', end - start + 1);
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file, { start, end })
    .on('error', () => res.destroy())
    .pipe(res);
}

/** `relative` resolved under `dir`, or null if it escapes it (`/media/../../etc/passwd`). */
function inside(dir: string, relative: string): string | null {
  const file = resolve(dir, decodeURIComponent(relative));
  return file.startsWith(dir + sep) ? file : null;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
