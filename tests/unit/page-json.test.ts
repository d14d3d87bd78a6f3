import { describe, expect, it, vi } from 'vitest';
import { findAssigningScript } from '../../utils/page-chapters/inline-scripts';
import { MAX_JSON_DEPTH, dig, readAssignedJson, readJsonObject } from '../../utils/page-chapters/reading/page-json';

const page = (...scripts: string[]) =>
  new DOMParser().parseFromString(scripts.map((text) => `<script>${text}</script>`).join(''), 'text/html');

describe('findAssigningScript (content script)', () => {
  it('finds the text of the first inline script that assigns the name', () => {
    const doc = page('var other = 1;', 'var ytInitialData = {"n":1};', 'var ytInitialData = {"n":2};');
    expect(findAssigningScript(doc, 'ytInitialData', 1000)).toEqual({ text: 'var ytInitialData = {"n":1};' });
    expect(findAssigningScript(page('window["ytInitialData"] = {"x":1};'), 'ytInitialData', 1000)).toEqual({
      text: 'window["ytInitialData"] = {"x":1};',
    });
  });

  it('is undefined for no such script; one past the bound is left alone (not cut), only its length told', () => {
    expect(findAssigningScript(page('var nothing = 1;', 'var ytInitialDataX = {};'), 'ytInitialData', 1000)).toBeUndefined();
    const long = `var ytInitialData = {"pad":"${'x'.repeat(2000)}"};`;
    expect(findAssigningScript(page(long), 'ytInitialData', 1000)).toEqual({ oversized: long.length });
    expect(
      findAssigningScript(new DOMParser().parseFromString('<script src="/x.js"></script>', 'text/html'), 'ytInitialData', 1000),
    ).toBeUndefined();
  });
});

describe('readAssignedJson (background)', () => {
  it('reads the object a script assigns, even with code after it and braces inside strings', () => {
    const text = 'var ytInitialData = {"a":{"b":"} { ]"},"c":[1,{"d":"\\\\\\""}]};var meta = document.createElement("meta");';
    expect(readAssignedJson(text, 'ytInitialData')).toEqual({ a: { b: '} { ]' }, c: [1, { d: '\\"' }] });
    expect(readAssignedJson('window["ytInitialData"] = {"x":1};', 'ytInitialData')).toEqual({ x: 1 });
  });

  it('is undefined for a script that assigns something else, or text that is not JSON', () => {
    expect(readAssignedJson('var nothing = {"a":1};', 'ytInitialData')).toBeUndefined();
    expect(readAssignedJson('var ytInitialData = {a: 1};', 'ytInitialData')).toBeUndefined();
    expect(readAssignedJson('var ytInitialData = {"open": [', 'ytInitialData')).toBeUndefined();
    expect(readAssignedJson('var ytInitialData = null;', 'ytInitialData')).toBeUndefined();
  });

  it('digs through objects and arrays without throwing', () => {
    const value = { a: [{ b: 2 }] };
    expect(dig(value, 'a', 0, 'b')).toBe(2);
    expect(dig(value, 'a', 5, 'b')).toBeUndefined();
    expect(dig(null, 'a')).toBeUndefined();
    expect(dig({ __proto__: { polluted: 1 } }, 'polluted')).toBeUndefined();
    expect(readJsonObject('x', 0)).toBeUndefined();
  });
});

describe('readJsonObject against hostile nesting', () => {
  const nested = (depth: number) => `${'{"a":['.repeat(depth / 2)}1${']}'.repeat(depth / 2)}`;

  it('reads data nested up to the bound, and refuses deeper data before parsing it', () => {
    expect(dig(readJsonObject(nested(MAX_JSON_DEPTH), 0), 'a', 0, 'a', 0, 'a')).toBeDefined();
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(readJsonObject(nested(MAX_JSON_DEPTH + 2), 0)).toBeUndefined();
      expect(readJsonObject(nested(200_000), 0)).toBeUndefined();
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});
