import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ax, axSidebar, useFileBrowser, type FixtureServer } from './harness/index.ts';

// Proves the accessibility-tree helper (harness/ax.ts), not the extension: it reaches elements in
// closed and open shadow roots alike, its clicks are trusted and land where a person's would, and a
// page that replaced the DOM's methods cannot fool it.

let server: FixtureServer;
let page: Page;
useFileBrowser((started) => ({ server, page } = started));

/** A page with a landmark in a shadow root of the given mode, and a page script that wraps built-ins. */
async function open(mode: 'open' | 'closed') {
  server.route('www.youtube.com', '/ax-harness', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>ax</title><body><main><p>Light text</p><div id="column"><x-host></x-host></div></main><script>
      const host = document.querySelector('x-host');
      const root = host.attachShadow({ mode: new URL(location.href).searchParams.get('mode') });
      root.innerHTML = '<aside aria-label="Chapters"><h2>Episode</h2><ol><li><button class="seek" aria-label="0:00 Opening">Opening</button></li>' +
        '<li aria-current="true"><button class="seek" aria-label="2:15 Compute">Compute</button></li><li><span>no button</span></li></ol>' +
        '<button id="collapse" aria-label="Collapse chapters">-</button><input aria-label="Search chapters"><div class="hidden" aria-hidden="true"><button>Hidden</button></div>' +
        '<div class="marks" aria-hidden="true"></div></aside>';
      root.querySelector('.marks').attachShadow({ mode: 'closed' }).innerHTML = '<i class="tick">tick</i>';
      window.clicks = [];
      root.addEventListener('click', (e) => window.clicks.push([e.target.textContent, e.isTrusted]));
      // A hostile page: its own DOM methods lie.
      Element.prototype.querySelectorAll = () => [];
      Element.prototype.getAttribute = () => 'forged';
    </script>`);
  });
  await page.goto(`https://www.youtube.com/ax-harness?mode=${mode}`);
}

describe.each(['closed', 'open'] as const)('ax() in a %s shadow root', (mode) => {
  it('finds the landmark and its parts by role and accessible name', async () => {
    await open(mode);
    const sb = axSidebar(page);
    await sb.waitFor();
    expect(await sb.count()).toBe(1);
    expect(await axSidebar(page, { within: '#column' }).count()).toBe(1);
    expect(await axSidebar(page, { within: 'main p' }).count()).toBe(0);
    expect(await sb.getByRole('button').count()).toBe(3); // the hidden one is not in the tree
    expect(await sb.getByRole('button', { includeHidden: true }).count()).toBe(4);
    expect(await sb.getByRole('button', { name: 'compute' }).getAttribute('aria-label')).toBe('2:15 Compute');
    expect(await sb.getByRole('button', { name: 'Compute', exact: true }).count()).toBe(0);
    expect(await sb.getByRole('button', { name: /^0:00 / }).accessibleName()).toBe('0:00 Opening');
    expect(await sb.getByRole('listitem').filter({ has: 'button.seek' }).count()).toBe(2);
    expect(await sb.getByRole('listitem').filter({ hasText: 'no button' }).count()).toBe(1);
    expect(await sb.locator('li[aria-current="true"] .seek').textContent()).toBe('Compute');
    expect(await sb.locator('.seek').allTextContents()).toEqual(['Opening', 'Compute']);
    expect(await sb.locator('.seek').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).toEqual(['0:00 Opening', '2:15 Compute']);
    expect(await sb.getByRole('searchbox').count() + (await sb.getByRole('textbox').count())).toBe(1);
    expect(await sb.locator('.marks').shadowRoot().locator('.tick').textContent()).toBe('tick');
  });

  it('clicks, hovers and types with real, trusted input', async () => {
    await open(mode);
    const sb = axSidebar(page);
    await sb.getByRole('button', { name: 'Collapse chapters' }).click();
    await sb.getByRole('listitem').nth(1).getByRole('button').click();
    expect(await page.evaluate(() => (window as unknown as { clicks: unknown[] }).clicks)).toEqual([
      ['-', true],
      ['Compute', true],
    ]);
    await sb.getByRole('textbox', { name: 'Search chapters' }).fill('abc');
    expect(await sb.locator('input').evaluate((input) => (input as HTMLInputElement).value)).toBe('abc');
    await sb.getByRole('textbox', { name: 'Search chapters' }).fill('');
    expect(await sb.locator('input').evaluate((input) => (input as HTMLInputElement).value)).toBe('');
  });

  it('fails at once when more than one element matches, and times out when none does', async () => {
    await open(mode);
    const sb = axSidebar(page);
    await expect(sb.getByRole('button').click()).rejects.toThrow(/3 elements match/);
    await expect(sb.getByRole('button', { name: 'Nothing' }).click({ timeout: 300 })).rejects.toThrow(/within 300 ms/);
  });
});

it('reaches nothing in a closed root from the page itself', async () => {
  await open('closed');
  expect(await page.evaluate(() => document.querySelector('x-host')!.shadowRoot)).toBeNull();
  expect(await ax(page).locator('x-host').count()).toBe(1);
});
