/**
 * Reading parts of a large file without holding it: an audio file is hundreds of megabytes and
 * its chapters are a few kilobytes at its start (ID3) or wherever `moov` sits (MP4). Every read
 * goes through here, so the bytes read for one file have one bound, whatever the file claims.
 */

/** The most one import may read from an audio file: tags with chapter images run to megabytes. */
export const MAX_BYTES_READ = 64 * 1024 * 1024;
/**
 * Reads are rounded up to this, so walking small frames or boxes costs a few reads, not thousands;
 * small enough that frames skipped unread (a chapter's 100 kB picture) are mostly not read at all.
 * (256 kB read 5 MB of a 6 MB tag with 60 chapter pictures; 16 kB reads 1 MB of it.)
 */
const WINDOW_BYTES = 16 * 1024;

/** Thrown when a file would make the reader pass a limit; caught at the top and said to the person. */
export class ReadLimitError extends Error {
  constructor(readonly problem: 'bytes') {
    super(`read limit: ${problem}`);
  }
}

export interface ByteSource {
  readonly size: number;
  /** The bytes at [offset, offset + length), fewer where the file ends; never more than asked. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A Blob (a File) read in windows through `slice()`: only the parts asked for are ever loaded. */
export function createBlobSource(blob: Blob, maxBytes = MAX_BYTES_READ): ByteSource & { bytesRead(): number } {
  let window: { start: number; bytes: Uint8Array } | null = null;
  let total = 0;
  return {
    size: blob.size,
    bytesRead: () => total,
    async read(offset, length) {
      const start = Math.max(0, Math.floor(offset));
      const end = Math.min(blob.size, start + Math.max(0, Math.floor(length)));
      if (end <= start) return new Uint8Array(0);
      if (window && start >= window.start && end <= window.start + window.bytes.length) {
        return window.bytes.subarray(start - window.start, end - window.start);
      }
      const windowEnd = Math.min(blob.size, Math.max(end, start + WINDOW_BYTES));
      total += windowEnd - start;
      if (total > maxBytes) throw new ReadLimitError('bytes');
      const bytes = new Uint8Array(await blob.slice(start, windowEnd).arrayBuffer());
      window = { start, bytes };
      return bytes.subarray(0, Math.min(bytes.length, end - start));
    },
  };
}

/** Bytes already in memory (a de-unsynchronised ID3 tag, a `moov` box) behind the same interface. */
export function createMemorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => {
      const start = Math.max(0, Math.floor(offset));
      return Promise.resolve(bytes.subarray(start, Math.min(bytes.length, start + Math.max(0, Math.floor(length)))));
    },
  };
}

export const uint32 = (bytes: Uint8Array, at: number): number =>
  at + 4 <= bytes.length ? ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0 : 0;

export const uint16 = (bytes: Uint8Array, at: number): number => (at + 2 <= bytes.length ? (bytes[at]! << 8) | bytes[at + 1]! : 0);

/** A 64-bit big-endian number as a JS number (exact below 2^53, which any real offset or time is). */
export const uint64 = (bytes: Uint8Array, at: number): number => uint32(bytes, at) * 2 ** 32 + uint32(bytes, at + 4);

/** Four bytes as ASCII ("moov", "CHAP"); latin1 so "©nam" reads as written. */
export const fourCC = (bytes: Uint8Array, at: number): string =>
  at + 4 <= bytes.length ? String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!) : '';
