/**
 * The compound file container ([MS-CFB]) that .xls, WPS .et, .doc, .ppt and an encrypted OOXML
 * package all share: just enough of it to list its streams and read one, so that the kind of file
 * is known (and an encrypted or damaged one refused) before SheetJS is even loaded.
 */
import { type FileFailure, fileFailure } from './errors.js';

export interface CompoundFile {
  /** Stream and storage names, as stored (e.g. "Workbook", "EncryptionInfo"). */
  names: string[];
  /** A stream's bytes by name, or null if there is none by that name. */
  stream(name: string): Uint8Array | null;
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT = 109;
const DIR_ENTRY = 128;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

class Damaged extends Error {
  constructor(readonly reason: 'truncated' | 'damaged') {
    super(reason);
  }
}

interface DirEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

export function readCompoundFile(b: Uint8Array): CompoundFile | FileFailure {
  try {
    return parse(b);
  } catch (err) {
    if (err instanceof Damaged) return fileFailure('file.corrupt', { reason: err.reason });
    throw err;
  }
}

function parse(b: Uint8Array): CompoundFile {
  if (b.length < 512) throw new Damaged('truncated');
  const sectorSize = 1 << u16(b, 0x1e);
  const miniSize = 1 << u16(b, 0x20);
  if (sectorSize !== 512 && sectorSize !== 4096) throw new Damaged('damaged');
  const perSector = sectorSize / 4;
  const sectorCount = Math.ceil((b.length - sectorSize) / sectorSize);
  const offsetOf = (sector: number) => {
    const at = (sector + 1) * sectorSize;
    if (at >= b.length) throw new Damaged('truncated');
    return at;
  };

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT; i++) {
    const s = u32(b, 0x4c + i * 4);
    if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
  }
  let difat = u32(b, 0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE; guard++) {
    if (guard > sectorCount) throw new Damaged('damaged');
    const at = offsetOf(difat);
    for (let i = 0; i < perSector - 1; i++) {
      const s = u32(b, at + i * 4);
      if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
    }
    difat = u32(b, at + (perSector - 1) * 4);
  }
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((s, k) => {
    const at = offsetOf(s);
    for (let i = 0; i < perSector && at + i * 4 + 4 <= b.length; i++) fat[k * perSector + i] = u32(b, at + i * 4);
  });

  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN; s = table[s]!) {
      if (s >= table.length || out.length > limit) throw new Damaged(s >= table.length ? 'truncated' : 'damaged');
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number, size: number): Uint8Array => {
    const out = new Uint8Array(size);
    let n = 0;
    for (const s of chain(start, fat, sectorCount)) {
      if (n >= size) break;
      const at = offsetOf(s);
      const part = b.subarray(at, Math.min(at + sectorSize, at + size - n, b.length));
      out.set(part, n);
      n += part.length;
    }
    if (n < size) throw new Damaged('truncated');
    return out;
  };

  const dirSectors = chain(u32(b, 0x30), fat, sectorCount);
  const entries: DirEntry[] = [];
  for (const s of dirSectors) {
    const at = offsetOf(s);
    for (let e = at; e + DIR_ENTRY <= at + sectorSize && e + DIR_ENTRY <= b.length; e += DIR_ENTRY) {
      const nameBytes = Math.min(u16(b, e + 64), 64);
      const type = b[e + 66]!;
      if (type === 0) continue;
      let name = '';
      for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(u16(b, e + i));
      entries.push({ name, type, start: u32(b, e + 116), size: u32(b, e + 120) });
    }
  }
  const root = entries.find((e) => e.type === TYPE_ROOT);
  if (!root) throw new Damaged('damaged');
  const miniCutoff = u32(b, 0x38);
  let mini: { data: Uint8Array; fat: Uint32Array } | null = null;
  const miniStream = () => {
    if (mini) return mini;
    const miniFatBytes = readChain(u32(b, 0x3c), u32(b, 0x40) * sectorSize);
    const table = new Uint32Array(miniFatBytes.length / 4);
    for (let i = 0; i < table.length; i++) table[i] = u32(miniFatBytes, i * 4);
    mini = { data: readChain(root.start, root.size), fat: table };
    return mini;
  };

  return {
    names: entries.map((e) => e.name),
    stream(name) {
      const e = entries.find((x) => x.type === TYPE_STREAM && x.name === name);
      if (!e) return null;
      try {
        if (e.size >= miniCutoff) return readChain(e.start, e.size);
        const m = miniStream();
        const out = new Uint8Array(e.size);
        let n = 0;
        for (const s of chain(e.start, m.fat, m.fat.length)) {
          if (n >= e.size) break;
          const part = m.data.subarray(s * miniSize, Math.min((s + 1) * miniSize, s * miniSize + e.size - n));
          out.set(part, n);
          n += part.length;
        }
        return n < e.size ? null : out;
      } catch (err) {
        if (err instanceof Damaged) return null;
        throw err;
      }
    },
  };
}
