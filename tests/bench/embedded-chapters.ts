import { closeSync, ftruncateSync, mkdtempSync, openAsBlob, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEmbeddedChapters } from '../../utils/chapters/embedded/index.ts';
import type { LaunchedBrowser } from '../e2e/harness/index.ts';
import { chapFrame, ctocFrame, id3Frame, id3Tag, mp4Layout, textFrame } from '../unit/embedded/builders.ts';
import { row, type Row } from './stats.ts';

/**
 * Chapters inside 300 MB audio files, imported through the real options page's file picker: an
 * MP3 whose ID3 tag is in front (60 chapters, each with a 100 kB picture, as Auphonic and
 * Forecast write them) and an M4A with `moov` after the media (a chapter track and Nero chpl).
 * The files are written sparsely, so they take no disk space. Each import is timed in the page
 * from the picker's change event to the preview's first chapter row; the bytes the page reads from the
 * file are counted (Blob.prototype.arrayBuffer, wrapped in the bench page only) and the page's JS
 * heap compared before and after, after garbage collection. The reader alone is timed in Node
 * too, on the same files opened as Blobs (fs.openAsBlob), without the page's rendering.
 */

const FILE_BYTES = 300 * 1024 * 1024;
const CHAPTERS = 60;
const ROUNDS = Number(process.env.BENCH_EMBEDDED_ROUNDS ?? 5);

function writeSparse(path: string, head: Uint8Array, tail: Uint8Array, size: number) {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head, 0, head.length, 0);
    ftruncateSync(fd, size);
    writeSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    closeSync(fd);
  }
}

function makeFiles(dir: string): Array<{ label: string; path: string; title: string }> {
  const titles = Array.from({ length: CHAPTERS }, (_, i) => ({ start: i * 60, title: `Chapter ${i + 1}: a topic of the episode` }));
  const tag = id3Tag([
    textFrame('TIT2', 'Bench episode in front'),
    textFrame('TALB', 'Bench FM'),
    ctocFrame(
      'toc',
      3,
      titles.map((_, i) => `ch${i}`),
    ),
    ...titles.map((c, i) =>
      chapFrame(`ch${i}`, c.start * 1000, (c.start + 60) * 1000, [
        textFrame('TIT2', c.title),
        id3Frame('APIC', new Uint8Array(100 * 1024)),
      ]),
    ),
  ]);
  const mp3 = join(dir, 'bench-front.mp3');
  writeSparse(mp3, tag, Uint8Array.of(0xff, 0xfb, 0x90, 0x64), FILE_BYTES);

  const m4a = join(dir, 'bench-moov-last.m4a');
  const probe = mp4Layout({
    chapters: titles,
    moovFirst: false,
    duration: CHAPTERS * 60,
    meta: { title: 'Bench episode, moov last', album: 'Bench FM' },
  });
  const media = FILE_BYTES - probe.head.length - probe.tail.length;
  const layout = mp4Layout({
    chapters: titles,
    moovFirst: false,
    duration: CHAPTERS * 60,
    meta: { title: 'Bench episode, moov last', album: 'Bench FM' },
    mediaBytes: media,
  });
  writeSparse(m4a, layout.head, layout.tail, FILE_BYTES);
  return [
    { label: 'MP3, ID3 chapters in front', path: mp3, title: 'Bench episode in front' },
    { label: 'M4A, moov at the end', path: m4a, title: 'Bench episode, moov last' },
  ];
}

export async function embeddedChapters(browser: LaunchedBrowser): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'chapterbar-bench-audio-'));
  const page = await browser.context.newPage();
  try {
    const files = makeFiles(dir);
    await page.addInitScript(() => {
      const read = { bytes: 0 };
      (window as unknown as { __read: typeof read }).__read = read;
      const arrayBuffer = Blob.prototype.arrayBuffer;
      Blob.prototype.arrayBuffer = async function (this: Blob) {
        const buffer = await arrayBuffer.call(this);
        read.bytes += buffer.byteLength;
        return buffer;
      };
      // Start and end marked in the page: Playwright's polling for the preview would add its own latency.
      let observer: MutationObserver | null = null;
      document.addEventListener(
        'change',
        () => {
          performance.mark('import-start');
          observer?.disconnect();
          observer = new MutationObserver(() => {
            if (!document.querySelector('.op-chapters > li')) return;
            performance.mark('import-end');
            observer?.disconnect();
          });
          observer.observe(document.body, { childList: true, subtree: true });
        },
        true,
      );
    });
    const cdp = await browser.context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
    };
    const rows: Row[] = [];
    for (const file of files) {
      const times: number[] = [];
      const growth: number[] = [];
      let bytes = 0;
      for (let round = 0; round < ROUNDS; round++) {
        await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
        await page.getByText(/^\d+ episodes?\.$/).waitFor();
        const before = await heap();
        await page.evaluate(() => ((window as unknown as { __read: { bytes: number } }).__read.bytes = 0));
        await page.getByLabel('Import chapters').setInputFiles(file.path);
        await page.getByRole('region', { name: `Chapters of ${file.title}` }).waitFor();
        times.push(await page.evaluate(() => performance.measure('import', 'import-start', 'import-end').duration));
        bytes = await page.evaluate(() => (window as unknown as { __read: { bytes: number } }).__read.bytes);
        const count = await page
          .getByRole('region', { name: `Chapters of ${file.title}` })
          .locator('.op-chapters > li')
          .count();
        if (count !== CHAPTERS) throw new Error(`${file.label}: the preview shows ${count} chapters, not ${CHAPTERS}`);
        growth.push((await heap()) - before);
      }
      const alone: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now();
        const result = await readEmbeddedChapters(await openAsBlob(file.path), file.path);
        alone.push(performance.now() - started);
        if (!result.ok || result.episodes[0]?.chapters.length !== CHAPTERS)
          throw new Error(`${file.label}: the reader did not find ${CHAPTERS} chapters`);
      }
      rows.push(
        row(`audio import: reader alone (Node), ${file.label}`, 'ms', alone, null, 'readEmbeddedChapters on the file opened as a Blob'),
      );
      rows.push(
        row(
          `audio import: 300 MB ${file.label}`,
          'ms',
          times,
          1000,
          `from choosing the file to the preview of ${CHAPTERS} chapters; read ${(bytes / 1024).toFixed(0)} KB of 300 MB`,
        ),
      );
      rows.push(
        row(`audio import: heap growth, ${file.label}`, 'MB', growth, 5, 'options page JS heap after the preview against before, after GC'),
      );
    }
    return rows;
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
