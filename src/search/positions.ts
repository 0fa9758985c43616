/**
 * Where each pair stands in each document, kept compact: a posting's positions are one record of
 * variable-length integers (7 bits a byte, low bits first): the first position, then the gap to each
 * next one. Each number is doubled and its lowest bit says whether another follows, so that a record
 * ends itself and needs no count beside it. Most pairs stand once or twice in an article, a few hundred
 * characters in: two or three bytes a posting, where 32-bit positions and a 32-bit start for every
 * posting took eight or more.
 *
 * Records lie in posting order. Every SKIP_EVERY-th posting's byte offset is kept, so that a posting's
 * record is found by walking at most SKIP_EVERY - 1 records from the nearest one before it.
 */

export const SKIP_EVERY = 8;
const SKIP_SHIFT = 3;

/** Bytes a number takes as a variable-length integer. */
export function varintLength(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Writes a number below 2^32; returns where the next begins. */
export function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    bytes[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  bytes[at++] = value;
  return at;
}

/** Reads the number written at `at` (its length is varintLength of it). */
export function readVarint(bytes: Uint8Array, at: number): number {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
  }
}

/** Where the record after the one at `at` begins. */
export function skipRecord(bytes: Uint8Array, at: number): number {
  for (;;) {
    const first = bytes[at++]!;
    let byte = first;
    while (byte & 0x80) byte = bytes[at++]!;
    if ((first & 1) === 0) return at;
  }
}

/** The byte offset of every SKIP_EVERY-th record, found by walking them all once. */
export function skipTable(bytes: Uint8Array, records: number): Uint32Array {
  const skips = new Uint32Array((records >>> SKIP_SHIFT) + 1);
  let at = 0;
  for (let record = 0; record < records; record++) {
    if ((record & (SKIP_EVERY - 1)) === 0) skips[record >>> SKIP_SHIFT] = at;
    at = skipRecord(bytes, at);
  }
  if ((records & (SKIP_EVERY - 1)) === 0) skips[records >>> SKIP_SHIFT] = at;
  return skips;
}

/**
 * Reads records: finds a record by its number, following the skips, or walking on from the last one
 * read when the next asked for is close after it (the usual case: postings are visited in order).
 */
export class RecordReader {
  /** The positions of the record last read, and how many. */
  positions = new Uint32Array(64);
  count = 0;
  private lastRecord = -1;
  private lastAt = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly skips: Uint32Array,
  ) {}

  /** Where record `record` begins. */
  seek(record: number): number {
    let from: number;
    let at: number;
    if (this.lastRecord >= 0 && record >= this.lastRecord && record - this.lastRecord < SKIP_EVERY) {
      from = this.lastRecord;
      at = this.lastAt;
    } else {
      from = record & ~(SKIP_EVERY - 1);
      at = this.skips[record >>> SKIP_SHIFT]!;
    }
    for (; from < record; from++) at = skipRecord(this.bytes, at);
    this.lastRecord = record;
    this.lastAt = at;
    return at;
  }

  /**
   * For `count` records from `first` on, in order: how many positions each holds and the first of them,
   * without keeping the rest (a pair of two different characters: each position is a mention).
   */
  countsFrom(first: number, count: number, counts: Uint32Array, firsts: Uint32Array): void {
    const { bytes } = this;
    let at = this.seek(first);
    for (let record = 0; record < count; record++) {
      // The first number whole, as read() reads it; the others only passed over.
      let byte = bytes[at++]!;
      let value = byte & 0x7f;
      for (let scale = 0x80; byte & 0x80; scale *= 0x80) {
        byte = bytes[at++]!;
        value += (byte & 0x7f) * scale;
      }
      firsts[record] = Math.floor(value / 2);
      let positions = 1;
      for (let more = value % 2; more === 1; positions++) {
        const lead = bytes[at++]!;
        for (byte = lead; byte & 0x80; ) byte = bytes[at++]!;
        more = lead & 1;
      }
      counts[record] = positions;
    }
    this.lastRecord = first + count;
    this.lastAt = at;
  }

  /** Reads record `record` into `positions` and `count`. */
  read(record: number): void {
    const { bytes } = this;
    let at = this.seek(record);
    let count = 0;
    let position = 0;
    let positions = this.positions;
    for (;;) {
      // Unrolled, in integer arithmetic (numbers stay below 2^32): every phrase search reads records.
      let byte = bytes[at++]!;
      let value = byte & 0x7f;
      if (byte & 0x80) {
        byte = bytes[at++]!;
        value |= (byte & 0x7f) << 7;
        if (byte & 0x80) {
          byte = bytes[at++]!;
          value |= (byte & 0x7f) << 14;
          if (byte & 0x80) {
            byte = bytes[at++]!;
            value |= (byte & 0x7f) << 21;
            if (byte & 0x80) value = (value >>> 0) + bytes[at++]! * 2 ** 28;
          }
        }
      }
      position += Math.floor(value / 2);
      if (count === positions.length) {
        const grown = new Uint32Array(count * 2);
        grown.set(positions);
        this.positions = positions = grown;
      }
      positions[count++] = position;
      if ((value & 1) === 0) break;
    }
    this.count = count;
    // The next record begins here: reading on in order then walks nothing.
    this.lastRecord = record + 1;
    this.lastAt = at;
  }
}
