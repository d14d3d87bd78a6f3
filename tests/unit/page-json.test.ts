import { describe, expect, it, vi } from 'vitest';
import { cutWindows, findAssigningScript } from '../../utils/page-chapters/inline-scripts';
import { MAX_JSON_CONTAINERS, MAX_JSON_DEPTH, dig, findObjectEnd, readJsonObject } from '../../utils/page-chapters/reading/page-json';

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

describe('cutWindows (content script)', () => {
  it('takes the text after each place a key is, as many places and characters as asked', () => {
    const text = 'var d = {"a":{"k":1},"b":{"k":2},"a":{"k":3},"a":{"k":4}};';
    expect(
      cutWindows(text, [
        ['"a":{', 10, 2],
        ['"b":{', 100, 5],
        ['"none":{', 100, 5],
      ]),
    ).toEqual(['"a":{"k":1', '"a":{"k":3', '"b":{"k":2},"a":{"k":3},"a":{"k":4}};']);
  });
});

describe('findObjectEnd and readJsonObject (background)', () => {
  it('reads the object at a place, even with code after it and brackets inside strings', () => {
    const text = 'var ytInitialData = {"a":{"b":"} { ]"},"c":[1,{"d":"\\\\\\""}]};var meta = document.createElement("meta");';
    const from = text.indexOf('{');
    expect(readJsonObject(text, from)).toEqual({ a: { b: '} { ]' }, c: [1, { d: '\\"' }] });
    expect(text.slice(findObjectEnd(text, from) as number)).toBe(';var meta = document.createElement("meta");');
  });

  it('tells an object cut short from text that is no object', () => {
    expect(findObjectEnd('{"open": [1, {"a": "}"', 0)).toBe('cut');
    expect(findObjectEnd('{"open": "\\', 0)).toBe('cut');
    expect(findObjectEnd('null', 0)).toBe('invalid');
    expect(findObjectEnd('x', 0)).toBe('invalid');
    expect(readJsonObject('{a: 1}', 0)).toBeUndefined();
    expect(readJsonObject('{"open": [', 0)).toBeUndefined();
  });

  it('digs through objects and arrays without throwing', () => {
    const value = { a: [{ b: 2 }] };
    expect(dig(value, 'a', 0, 'b')).toBe(2);
    expect(dig(value, 'a', 5, 'b')).toBeUndefined();
    expect(dig(null, 'a')).toBeUndefined();
    expect(dig({ __proto__: { polluted: 1 } }, 'polluted')).toBeUndefined();
  });
});

describe('readJsonObject against hostile nesting', () => {
  const nested = (depth: number) => `${'{"a":['.repeat(depth / 2)}1${']}'.repeat(depth / 2)}`;

  it('reads data nested up to the bound, and refuses deeper data before parsing it', () => {
    expect(dig(readJsonObject(nested(MAX_JSON_DEPTH), 0), 'a', 0, 'a', 0, 'a')).toBeDefined();
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(findObjectEnd(nested(MAX_JSON_DEPTH + 2), 0)).toBe('invalid');
      expect(readJsonObject(nested(MAX_JSON_DEPTH + 2), 0)).toBeUndefined();
      expect(readJsonObject(nested(200_000), 0)).toBeUndefined();
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('reads up to the bound of objects and arrays, and refuses more before parsing them', () => {
    const holding = (containers: number) =>
      `{"a":[${Array(containers - 2)
        .fill('{}')
        .join(',')}]}`;
    expect(readJsonObject(holding(MAX_JSON_CONTAINERS), 0)).toBeDefined();
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(findObjectEnd(holding(MAX_JSON_CONTAINERS + 1), 0)).toBe('invalid');
      expect(readJsonObject(`{"a":${'[]'.repeat(100_000)}}`, 0)).toBeUndefined();
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});
