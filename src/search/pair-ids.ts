/**
 * Dense ids for pairs of UTF-16 units (a 32-bit key), in an open-addressing table: a JavaScript Map
 * costs several times as much for the tens of millions of look-ups a build makes. A key's slot is the
 * top bits of its product with the golden ratio: the low bits would depend on the second unit alone,
 * and every pair ending in 的 would probe one run of slots.
 */
function slotOf(key: number, size: number): number {
  // size is a power of two, 2^k: the top k bits.
  return Math.imul(key, 0x9e3779b1) >>> (Math.clz32(size) + 1);
}

export class PairIds {
  constructor(
    private keys: Uint32Array = new Uint32Array(1 << 20),
    private ids: Int32Array = new Int32Array(1 << 20).fill(-1),
    public size = 0,
  ) {}

  export(): { keys: Uint32Array; ids: Int32Array; size: number } {
    return { keys: this.keys, ids: this.ids, size: this.size };
  }

  idOf(key: number, create: boolean): number {
    let mask = this.keys.length - 1;
    let slot = slotOf(key, this.keys.length);
    for (;;) {
      const id = this.ids[slot]!;
      if (id < 0) break;
      if (this.keys[slot] === key) return id;
      slot = (slot + 1) & mask;
    }
    if (!create) return -1;
    if ((this.size + 1) * 2 > this.keys.length) {
      this.rehash();
      mask = this.keys.length - 1;
      slot = slotOf(key, this.keys.length);
      while (this.ids[slot]! >= 0) slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.ids[slot] = this.size;
    return this.size++;
  }

  private rehash(): void {
    const { keys, ids } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2).fill(-1);
    const mask = this.keys.length - 1;
    for (let old = 0; old < keys.length; old++) {
      if (ids[old]! < 0) continue;
      let slot = slotOf(keys[old]!, this.keys.length);
      while (this.ids[slot]! >= 0) slot = (slot + 1) & mask;
      this.keys[slot] = keys[old]!;
      this.ids[slot] = ids[old]!;
    }
  }
}

