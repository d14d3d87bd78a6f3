/** Text as ID3 frames and MP4 boxes store it. Decoders never throw: bad bytes become U+FFFD. */

const decoders = new Map<string, TextDecoder>();
function decoder(label: string): TextDecoder {
  let found = decoders.get(label);
  if (!found) {
    found = new TextDecoder(label);
    decoders.set(label, found);
  }
  return found;
}

/** ID3's four text encodings: 0 ISO-8859-1, 1 UTF-16 with BOM, 2 UTF-16BE, 3 UTF-8. */
export function decodeId3Text(bytes: Uint8Array, encoding: number): string {
  if (encoding === 1 || encoding === 2) {
    let label = 'utf-16be';
    let body = bytes;
    if (bytes[0] === 0xff && bytes[1] === 0xfe) [label, body] = ['utf-16le', bytes.subarray(2)];
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) body = bytes.subarray(2);
    return decoder(label).decode(body.subarray(0, body.length - (body.length % 2)));
  }
  return decoder(encoding === 3 ? 'utf-8' : 'latin1').decode(bytes);
}

/** Where a string in `encoding` ends: the first NUL (two, aligned, for UTF-16), or the end. */
export function terminatorAt(bytes: Uint8Array, from: number, encoding: number): number {
  if (encoding === 1 || encoding === 2) {
    for (let i = from; i + 1 < bytes.length; i += 2) if (bytes[i] === 0 && bytes[i + 1] === 0) return i;
    return bytes.length;
  }
  const at = bytes.indexOf(0, from);
  return at === -1 ? bytes.length : at;
}

/** The first value of a text frame: ID3v2.4 separates several values with NULs. */
export function readId3TextFrame(data: Uint8Array): string {
  const encoding = data[0] ?? 0;
  const end = terminatorAt(data, 1, encoding);
  return cleanText(decodeId3Text(data.subarray(1, end), encoding));
}

export function decodeUtf8(bytes: Uint8Array): string {
  return decoder('utf-8').decode(bytes);
}

/** A QuickTime text sample: UTF-8, or UTF-16 when it starts with a byte-order mark. */
export function decodeQuickTimeText(bytes: Uint8Array): string {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return cleanText(decodeId3Text(bytes, 1));
  return cleanText(decodeUtf8(bytes));
}

/** Control characters (NULs, stray BOMs) and surrounding space go: a title is one line of text. */
export function cleanText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing exactly those characters
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
