import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { plural, t } from '../../utils/i18n';
import { formatMessage } from './setup/i18n';

/*
 * Every text a person reads is a message in public/_locales/en/messages.json, so a translation is
 * a file. These tests read the sources as text: every key the code names exists, every key exists
 * for a reason, every message's placeholders are declared, and no component writes English itself.
 */

const ROOT = process.cwd();
type Message = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
const messages = JSON.parse(readFileSync(resolve(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, Message>;
const keys = new Set(Object.keys(messages));

function sources(dir: string): string[] {
  return readdirSync(resolve(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(resolve(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}
const FILES = [...sources('components'), ...sources('entrypoints'), ...sources('utils'), 'wxt.config.ts'];
const text = Object.fromEntries(FILES.map((file) => [file, readFileSync(resolve(ROOT, file), 'utf8')]));

/** Keys the code passes to t() or plural(), and every string literal of files that use messages. */
function usedKeys(): { called: Map<string, string[]>; mentioned: Set<string> } {
  const called = new Map<string, string[]>();
  const mentioned = new Set<string>();
  for (const [file, source] of Object.entries(text)) {
    const add = (key: string) => called.set(key, [...(called.get(key) ?? []), file]);
    for (const match of source.matchAll(/\bt\(\s*'([^']+)'/g)) add(match[1]!);
    for (const match of source.matchAll(/\bplural\([^,]+,\s*'([^']+)',\s*'([^']+)'\)/g)) {
      add(match[1]!);
      add(match[2]!);
    }
    for (const match of source.matchAll(/__MSG_(\w+)__/g)) add(match[1]!);
    // Keys kept in tables (`legend: 'settingTheme'`) are literals in a file that imports the messages.
    if (/from '(\.\.\/)+(utils\/)?i18n'|from '\.\/i18n'/.test(source)) {
      for (const match of source.matchAll(/'([A-Za-z][A-Za-z0-9_]*)'/g)) mentioned.add(match[1]!);
    }
  }
  return { called, mentioned };
}

describe('messages.json', () => {
  it('has every key the code asks for', () => {
    const { called } = usedKeys();
    const missing = [...called].filter(([key]) => !keys.has(key)).map(([key, files]) => `${key} (${files.join(', ')})`);
    expect(missing).toEqual([]);
    // Sanity: the scan finds the code's keys at all.
    expect(called.size).toBeGreaterThan(150);
  });

  it('has no key the code never uses', () => {
    const { called, mentioned } = usedKeys();
    const unused = [...keys].filter((key) => !called.has(key) && !mentioned.has(key));
    expect(unused).toEqual([]);
  });

  it('describes every message, and declares exactly the placeholders each message uses', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.description, key).toBeTruthy();
      expect(/^[A-Za-z0-9_@]+$/.test(key), `${key}: only letters, digits, _ and @`).toBe(true);
      const named = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase());
      const declared = Object.keys(entry.placeholders ?? {});
      expect([...new Set(named)].sort(), key).toEqual(declared.sort());
      // Substitutions are numbered from $1 without gaps, in the order the code passes them.
      const contents = Object.values(entry.placeholders ?? {}).map((placeholder) => placeholder.content);
      expect(contents.sort(), key).toEqual(contents.map((_, i) => `$${i + 1}`));
      expect(/\$\d/.test(entry.message), `${key}: a bare $1 in the message; name it as a placeholder`).toBe(false);
    }
  });

  it('names the extension and its shortcuts in the manifest through messages', () => {
    const config = text['wxt.config.ts']!;
    expect(config).toContain("name: '__MSG_extName__'");
    expect(config).toContain("description: '__MSG_extDescription__'");
    expect(config).toContain("default_locale: 'en'");
    expect([...config.matchAll(/description: '__MSG_command\w+__'/g)]).toHaveLength(3);
  });
});

describe('the components', () => {
  // Text between tags, and text attributes, written in the code instead of a message.
  // (A `>` of an arrow function, `=>`, opens no text.)
  const JSX_TEXT = /(?<![=-])>\s*([^<>\s][^<>]*[A-Za-z]{2,}[^<>]*)</g;
  const TEXT_ATTRIBUTE = /\b(aria-label|title|placeholder|alt)="([^"]*[A-Za-z]{2,}[^"]*)"/g;

  it('write no English of their own: every text is a message', () => {
    const offenders: string[] = [];
    for (const [file, source] of Object.entries(text)) {
      if (!file.endsWith('.tsx')) continue;
      // Comments and type parameters are not shown to anyone.
      let code = source
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
        .replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
      // Expressions inside text ("Show {n} more") are emptied, innermost first, so the words around them show.
      for (let previous = ''; previous !== code;) {
        previous = code;
        code = code.replace(/\{[^{}]*\}/g, '{}');
      }
      for (const match of code.matchAll(JSX_TEXT)) {
        const words = match[1]!.trim();
        // Generic code (`a < b && c > d`) is not text: require a tag-like context.
        if (/[;=()`'?[\]]|&&|\|\||=>/.test(words) || !/[A-Za-z]{2,}/.test(words.replace(/\{\}/g, ''))) continue;
        offenders.push(`${relative(ROOT, resolve(ROOT, file))}: ${words}`);
      }
      for (const match of code.matchAll(TEXT_ATTRIBUTE)) offenders.push(`${file}: ${match[1]}="${match[2]}"`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('t()', () => {
  it('fills placeholders from substitutions, as browsers do', () => {
    expect(t('searchMatches', 3, 16)).toBe('3 of 16 chapters match');
    expect(t('sourceSiteChapters', 'YouTube')).toBe('YouTube’s chapters');
    expect(plural(1, 'chapterCountOne', 'chapterCount')).toBe('1 chapter');
    expect(plural(7, 'chapterCountOne', 'chapterCount')).toBe('7 chapters');
    expect(formatMessage({ message: 'Costs $$5 for $WHO$', placeholders: { who: { content: '$1' } } }, ['you'])).toBe('Costs $5 for you');
  });

  it('asks the browser once per message, and puts a substitution in as it is', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    const titles = ['Scaling laws', 'Costs $1 or $$2', '\uE0000 a slot', 'Q&A'];
    const shown = titles.map((title) => t('showSummaryOf', title));
    expect(shown).toEqual(titles.map((title) => `Show summary: ${title}`));
    expect(getMessage.mock.calls.filter(([key]) => key === 'showSummaryOf').length).toBeLessThanOrEqual(1);
    // A missing substitution is left empty, as browsers leave it.
    expect(t('searchMatches', 3)).toBe('3 of  chapters match');
    getMessage.mockRestore();
  });

  it('shows the key rather than nothing when a message is missing', () => {
    expect(t('noSuchMessage' as never)).toBe('noSuchMessage');
  });
});
