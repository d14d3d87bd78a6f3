// Writes public/icon/*.png, the toolbar and store icons (run by hand after changing the design).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
// Chapterbar's icon: a red rounded square with three white chapter bars of different lengths.
function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size) {
  const px = (x, y) => {
    const s = size,
      r = s * 0.22;
    // rounded square coverage with 4x4 supersampling
    let cov = 0,
      white = 0;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const u = x + (i + 0.5) / 4,
          v = y + (j + 0.5) / 4;
        const dx = Math.max(r - u, u - (s - r), 0),
          dy = Math.max(r - v, v - (s - r), 0);
        if (dx * dx + dy * dy <= r * r) {
          cov++;
          const bars = [
            [0.36, 0.78],
            [0.36, 0.64],
            [0.36, 0.72],
          ];
          // A bullet (the chapter's time) and a bar (its title) per row.
          [...bars, [0.22, 0.3], [0.22, 0.3], [0.22, 0.3]].forEach(([x0, x1], n) => {
            const k = n % 3;
            const cy = s * (0.32 + k * 0.18),
              h = s * 0.05;
            if (u >= s * x0 && u <= s * x1 && Math.abs(v - cy) <= h) white++;
          });
        }
      }
    const a = cov / 16,
      w = white / Math.max(cov, 1);
    return [Math.round(204 + (255 - 204) * w), Math.round(0 + 255 * w), Math.round(0 + 255 * w), Math.round(a * 255)];
  };
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = px(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`${new URL('../public/icon/', import.meta.url).pathname}${size}.png`, png(size));
