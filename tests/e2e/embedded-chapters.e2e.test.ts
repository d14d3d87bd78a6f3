import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axSidebar, fixture, screenshot, useFileBrowser, youtubeVideo, type AxLocator, type LaunchedBrowser } from './harness/index.ts';

// Chapters inside audio files, imported through the options page as a podcaster would: an MP3
// whose ID3 tag has CHAP frames and an M4A with a chapter track, both written by Debian's ffmpeg
// (npm test installs it: tests/setup/ensure-ffmpeg.mjs) from an ffmetadata file, the way
// production pipelines write them. Their tags name fixture videos, so the chapters show there.

const MP3_VIDEO = youtubeVideo('abcdefghijk');
const M4A_VIDEO = youtubeVideo('dQw4w9WgXcQ');
const FFMPEG = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg';

let browser: LaunchedBrowser;
let video: Page;
let options: Page;
let dir: string;
useFileBrowser((started) => ({ browser, page: video } = started));

/** ffmetadata: the tags and [CHAPTER] sections ffmpeg writes as ID3 CHAP frames or a chapter track. */
function metadata(title: string, show: string, chapters: Array<[number, number, string]>): string {
  const sections = chapters.map(
    ([start, end, name]) => `[CHAPTER]\nTIMEBASE=1/1000\nSTART=${start * 1000}\nEND=${end * 1000}\ntitle=${name}\n`,
  );
  return `;FFMETADATA1\ntitle=${title}\nalbum=${show}\nartist=Chapterbar tests\n\n${sections.join('\n')}`;
}

/** Five minutes of silence (the fixture videos' length) with the chapters and tags of `meta`. */
function makeAudio(name: string, meta: string, codec: string[]): string {
  const metaFile = join(dir, `${name}.txt`);
  writeFileSync(metaFile, meta);
  const out = join(dir, name);
  const args = ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'anullsrc=r=8000:cl=mono', '-f', 'ffmetadata', '-i', metaFile];
  const run = spawnSync(FFMPEG, [...args, '-t', '300', '-map', '0:a', '-map_metadata', '1', '-map_chapters', '1', ...codec, out], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ffmpeg failed (${String(run.status)}): ${run.stderr || String(run.error)}`);
  return out;
}

// The sidebar's root is closed: reached through the accessibility tree, as a screen reader does.
const sidebar = (): AxLocator => axSidebar(video);
const seekLabels = () =>
  sidebar()
    .locator('button.cb-seek')
    .evaluateAll((buttons: Element[]) => buttons.map((b) => b.getAttribute('aria-label')));
const currentLabel = () => sidebar().locator('li[aria-current="true"] button.cb-seek').getAttribute('aria-label');
const mediaTime = () => video.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!.currentTime);
const setTime = (seconds: number) =>
  video.evaluate((t) => void (document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video')!.currentTime = t), seconds);
const preview = () => options.getByRole('region', { name: 'Check before saving' });

async function openOptions() {
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByText(/^\d+ episodes?\.$/).waitFor();
}

async function saveAndOpen(title: string, videoId: string) {
  await options.getByRole('button', { name: 'Save 1 episode' }).click();
  await options
    .getByRole('status')
    .filter({ hasText: `Saved “${title}”.` })
    .waitFor();
  await video.goto(`https://www.youtube.com/watch?v=${videoId}`);
  await fixture(video).ready();
  await sidebar().waitFor();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chapterbar-audio-'));
  options = await browser.context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('chapters inside audio files', () => {
  it('imports an MP3’s ID3 chapters from the file picker; they show and follow playback on the video its tag names', async () => {
    const mp3 = makeAudio(
      'unrelated-talk.mp3',
      metadata(MP3_VIDEO.title, MP3_VIDEO.channel, [
        [0, 45, 'Opening remarks'],
        [45, 170.5, 'The argument'],
        [170.5, 300, 'Questions from the floor'],
      ]),
      ['-c:a', 'libmp3lame', '-b:a', '8k'],
    );
    await openOptions();
    await options.getByLabel('Import chapters').setInputFiles(mp3);
    const card = preview().getByRole('article', { name: 'unrelated-talk.mp3' });
    await card.waitFor();
    expect(await card.getByText('MP3 chapters (ID3)').count()).toBe(1);
    expect(await card.locator('.op-chapters > li').allTextContents()).toEqual([
      '0:00 – 0:45Opening remarks',
      '0:45 – 2:50The argument',
      '2:50 – 5:00Questions from the floor',
    ]);
    await screenshot(options, 'options-preview-mp3', { asset: false, fullPage: true });

    await saveAndOpen(MP3_VIDEO.title, MP3_VIDEO.id);
    expect(await seekLabels()).toEqual(['0:00 Opening remarks', '0:45 The argument', '2:50 Questions from the floor']);
    await video.bringToFront();
    await setTime(100);
    await expect.poll(currentLabel).toBe('0:45 The argument');
    // A click seeks the player to the chapter's start, fractions kept.
    await sidebar().getByRole('button', { name: '2:50 Questions from the floor' }).click();
    await expect.poll(mediaTime).toBeGreaterThanOrEqual(170.5);
    await expect.poll(currentLabel).toBe('2:50 Questions from the floor');
    await screenshot(video, 'sidebar-from-mp3', { asset: false });
  });

  it('imports an M4A’s chapter track dropped on the import panel (moov after the media), and it shows on its video', async () => {
    const m4a = makeAudio(
      'some-other-video.m4a',
      metadata(M4A_VIDEO.title, M4A_VIDEO.channel, [
        [0, 30, 'Cold open'],
        [30, 200, 'Main story'],
        [200, 300, 'Listener mail'],
      ]),
      // No +faststart: ffmpeg leaves moov at the end, after the media, as most encoders do.
      ['-c:a', 'aac', '-b:a', '8k'],
    );
    const bytes = readFileSync(m4a);
    expect(bytes.indexOf('moov')).toBeGreaterThan(bytes.indexOf('mdat'));
    await openOptions();
    await options.evaluate(
      ({ data, name }) => {
        const zone = document.querySelector('.op-dropzone')!;
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type: 'audio/mp4' }));
        for (const type of ['dragenter', 'dragover', 'drop'])
          zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { data: bytes.toString('base64'), name: 'some-other-video.m4a' },
    );
    const card = preview().getByRole('article', { name: 'some-other-video.m4a' });
    await card.waitFor();
    expect(await card.getByText('M4A chapters').count()).toBe(1);
    expect(await card.locator('.op-chapter-title').allTextContents()).toEqual(['Cold open', 'Main story', 'Listener mail']);

    await saveAndOpen(M4A_VIDEO.title, M4A_VIDEO.id);
    expect(await seekLabels()).toEqual(['0:00 Cold open', '0:30 Main story', '3:20 Listener mail']);
    await video.bringToFront();
    await setTime(250);
    await expect.poll(currentLabel).toBe('3:20 Listener mail');
    await setTime(31);
    await expect.poll(currentLabel).toBe('0:30 Main story');

    // The library says where the chapters came from.
    await openOptions();
    const entry = options
      .getByRole('listitem')
      .filter({ has: options.getByRole('heading', { level: 3, name: M4A_VIDEO.title, exact: true }) });
    expect(await entry.textContent()).toContain('3 chapters · 5:00 · M4A chapters from some-other-video.m4a');
  });

  it('says so when an audio file has no chapters, and saves nothing', async () => {
    const plain = makeAudio('no-chapters.mp3', ';FFMETADATA1\ntitle=Just audio\n', ['-c:a', 'libmp3lame', '-b:a', '8k']);
    await openOptions();
    await options.getByLabel('Import chapters').setInputFiles(plain);
    const card = options.getByRole('article', { name: 'no-chapters.mp3' });
    await card.waitFor();
    expect(await card.getByRole('group', { name: 'Problems in no-chapters.mp3' }).getByRole('listitem').allTextContents()).toEqual([
      'This file has no chapters: its ID3 tag has no chapter frames (CHAP).',
    ]);
    expect(await options.getByRole('button', { name: /^Save/ }).isDisabled()).toBe(true);
    expect(browser.consoleErrors).toEqual([]);
  });
});
