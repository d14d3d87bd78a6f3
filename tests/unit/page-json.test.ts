import { describe, expect, it, vi } from 'vitest';
import { dig, readJsonObject, readScriptJson } from '../../utils/page-json';

const page = (...scripts: string[]) => new DOMParser().parseFromString(scripts.map((text) => `<script>${text}</script>`).join(''), 'text/html');

describe('readScriptJson', () => {
  it('reads the object a script assigns, even with code after it and braces inside strings', () => {
    const doc = page('var other = 1;', 'var ytInitialData = {"a":{"b":"} { ]"},"c":[1,{"d":"\\\\\\""}]};var meta = document.createElement("meta");');
    expect(readScriptJson(doc, 'ytInitialData', 1000)).toEqual({ a: { b: '} { ]' }, c: [1, { d: '\\"' }] });
    expect(readScriptJson(page('window["ytInitialData"] = {"x":1};'), 'ytInitialData', 1000)).toEqual({ x: 1 });
  });

  it('is undefined for no such script, a script past the bound, or text that is not JSON', () => {
    expect(readScriptJson(page('var nothing = 1;'), 'ytInitialData', 1000)).toBeUndefined();
    expect(readScriptJson(page(`var ytInitialData = {"pad":"${'x'.repeat(2000)}"};`), 'ytInitialData', 1000)).toBeUndefined();
    expect(readScriptJson(page('var ytInitialData = {a: 1};'), 'ytInitialData', 1000)).toBeUndefined();
    expect(readScriptJson(page('var ytInitialData = {"open": ['), 'ytInitialData', 1000)).toBeUndefined();
  });

  it('parses a script once, however often the page is read again', () => {
    const doc = page('var ytInitialData = {"n":1};');
    const parse = vi.spyOn(JSON, 'parse');
    readScriptJson(doc, 'ytInitialData', 1000);
    readScriptJson(doc, 'ytInitialData', 1000);
    readScriptJson(doc, 'ytInitialData', 1000);
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
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
