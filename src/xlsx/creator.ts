/**
 * Who wrote an .xlsx file, read without trusting the file: `npm run workbook` asks it before it
 * replaces an existing file (src/xlsx/cli.ts). It never loads the workbook (exceljs 4.4.0 can be
 * made to exhaust memory by a crafted file): it reads the zip's end-of-central-directory record
 * from the tail, walks the central directory to `docProps/core.xml`, and reads and inflates that
 * one small entry, every read at an offset and bounded by the caps below — at most about 1.2 MiB
 * in all, whatever the file holds. The creator is `<dc:creator>` in that XML.
 *
 * Pure except for the file reads: {@link creatorFromZip} takes the reads as a function, and
 * {@link readWorkbookCreator} is the one place that opens a file. Nothing here throws for a bad
 * file; every refusal is a value with a one-line reason.
 */
import * as fs from "fs";
import { inflateRawSync } from "zlib";

/** Largest file inspected at all, in bytes (50 MiB; the workbooks this command writes are ~110 KiB). */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;
/** Largest `docProps/core.xml` read, compressed or inflated, in bytes (64 KiB; ours is under 1 KiB). */
export const MAX_CORE_XML_BYTES = 64 * 1024;
/** Most entries walked in the central directory (ours has 30). */
export const MAX_ZIP_ENTRIES = 4096;
/** Largest central directory read, in bytes (1 MiB; ours is about 2 KiB). */
export const MAX_CENTRAL_DIRECTORY_BYTES = 1024 * 1024;

const CORE_XML = "docProps/core.xml";
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;

/**
 * What reading a workbook's creator found: the creator, or why the file cannot be a workbook this
 * command wrote. `reason` is a predicate of the file, to follow "X exists and …" — for example
 * "is not a zip file" or "has no docProps/core.xml".
 */
export type CreatorRead = { readonly ok: true; readonly creator: string } | { readonly ok: false; readonly reason: string };

/**
 * Reads `length` bytes at byte `position` of the file; fewer only at the end of the file.
 * {@link creatorFromZip} never asks for more than {@link MAX_CENTRAL_DIRECTORY_BYTES} at once.
 */
export type ReadAt = (position: number, length: number) => Uint8Array;

const refuse = (reason: string): CreatorRead => ({ ok: false, reason });
const corrupt = (what: string): CreatorRead => refuse(`is a truncated or corrupt zip file (${what})`);
const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en-US")} KiB`;
const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO-HDLC, the zip checksum) of `bytes`; node's own `zlib.crc32` needs Node 20.15. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Where the central directory is, from the end-of-central-directory record in the file's tail. */
function findCentralDirectory(size: number, readAt: ReadAt): { offset: number; size: number; entries: number } | CreatorRead {
  const tailLength = Math.min(size, EOCD_SIZE + MAX_ZIP_COMMENT);
  const tail = readAt(size - tailLength, tailLength);
  if (tail.length !== tailLength) return corrupt("it ended while being read");
  const v = view(tail);
  for (let i = tailLength - EOCD_SIZE; i >= 0; i--) {
    if (v.getUint32(i, true) !== EOCD_SIGNATURE || i + EOCD_SIZE + v.getUint16(i + 20, true) !== tailLength) continue;
    const disk = v.getUint16(i + 4, true);
    const cdDisk = v.getUint16(i + 6, true);
    const diskEntries = v.getUint16(i + 8, true);
    const entries = v.getUint16(i + 10, true);
    const cdSize = v.getUint32(i + 12, true);
    const cdOffset = v.getUint32(i + 16, true);
    if (disk !== 0 || cdDisk !== 0 || diskEntries !== entries) return refuse("is a split zip file, which this command never writes");
    if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return refuse("is a ZIP64 file, which this command never writes");
    if (entries > MAX_ZIP_ENTRIES) return refuse(`is a zip file of ${entries.toLocaleString("en-US")} entries, over the limit of ${MAX_ZIP_ENTRIES.toLocaleString("en-US")}`);
    if (cdSize > MAX_CENTRAL_DIRECTORY_BYTES) return refuse(`has a zip central directory of ${kib(cdSize)}, over the limit of ${kib(MAX_CENTRAL_DIRECTORY_BYTES)}`);
    if (cdOffset + cdSize > size - tailLength + i) return corrupt("its central directory lies outside the file");
    return { offset: cdOffset, size: cdSize, entries };
  }
  const head = readAt(0, 4);
  const isZipStart = head.length === 4 && view(head).getUint32(0, true) === LOCAL_SIGNATURE;
  return isZipStart ? corrupt("no end-of-central-directory record") : refuse("is not a zip file");
}

interface CoreEntry {
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/** The central directory's one `docProps/core.xml` entry, walking at most `entries` records. */
function findCoreEntry(cd: Uint8Array, entries: number): CoreEntry | CreatorRead {
  const v = view(cd);
  const decoder = new TextDecoder("utf-8");
  let found: CoreEntry | undefined;
  let pos = 0;
  for (let n = 0; n < entries; n++) {
    if (pos + CENTRAL_SIZE > cd.length || v.getUint32(pos, true) !== CENTRAL_SIGNATURE) return corrupt(`bad central directory entry ${n + 1}`);
    const nameLength = v.getUint16(pos + 28, true);
    const next = pos + CENTRAL_SIZE + nameLength + v.getUint16(pos + 30, true) + v.getUint16(pos + 32, true);
    if (next > cd.length) return corrupt(`central directory entry ${n + 1} runs past the directory`);
    if (nameLength === CORE_XML.length && decoder.decode(cd.subarray(pos + CENTRAL_SIZE, pos + CENTRAL_SIZE + nameLength)) === CORE_XML) {
      if (found) return refuse(`has two ${CORE_XML} entries`);
      found = {
        flags: v.getUint16(pos + 8, true),
        method: v.getUint16(pos + 10, true),
        crc: v.getUint32(pos + 16, true),
        compressedSize: v.getUint32(pos + 20, true),
        size: v.getUint32(pos + 24, true),
        localOffset: v.getUint32(pos + 42, true),
      };
    }
    pos = next;
  }
  return found ?? refuse(`is a zip file without ${CORE_XML}`);
}

/** The entry's bytes, inflated and checked against its size and CRC-32. */
function readCoreXml(entry: CoreEntry, cdOffset: number, readAt: ReadAt): Uint8Array | CreatorRead {
  if (entry.flags & 1) return refuse(`has an encrypted ${CORE_XML}`);
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATED) {
    return refuse(`has a ${CORE_XML} compressed with method ${entry.method} (only stored and deflated are read)`);
  }
  if (entry.compressedSize > MAX_CORE_XML_BYTES || entry.size > MAX_CORE_XML_BYTES) {
    return refuse(`has a ${CORE_XML} of ${kib(entry.size)} (${kib(entry.compressedSize)} compressed), over the limit of ${kib(MAX_CORE_XML_BYTES)}`);
  }
  if (entry.method === METHOD_STORED && entry.compressedSize !== entry.size) return corrupt(`${CORE_XML} is stored with two different sizes`);
  if (entry.localOffset + LOCAL_SIZE + CORE_XML.length > cdOffset) return corrupt(`${CORE_XML} starts past the entries`);
  const local = readAt(entry.localOffset, LOCAL_SIZE + CORE_XML.length);
  const lv = view(local);
  if (local.length !== LOCAL_SIZE + CORE_XML.length || lv.getUint32(0, true) !== LOCAL_SIGNATURE) return corrupt(`bad local header for ${CORE_XML}`);
  const nameLength = lv.getUint16(26, true);
  const name = new TextDecoder("utf-8").decode(local.subarray(LOCAL_SIZE));
  if (nameLength !== CORE_XML.length || name !== CORE_XML || lv.getUint16(8, true) !== entry.method) {
    return corrupt(`the local header for ${CORE_XML} disagrees with the central directory`);
  }
  const dataStart = entry.localOffset + LOCAL_SIZE + nameLength + lv.getUint16(28, true);
  if (dataStart + entry.compressedSize > cdOffset) return corrupt(`${CORE_XML} runs past the entries`);
  const raw = readAt(dataStart, entry.compressedSize);
  if (raw.length !== entry.compressedSize) return corrupt(`${CORE_XML} ended while being read`);
  let xml: Uint8Array;
  if (entry.method === METHOD_STORED) {
    xml = raw;
  } else {
    try {
      xml = inflateRawSync(raw, { maxOutputLength: MAX_CORE_XML_BYTES });
    } catch (e) {
      const tooLarge = (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
      return tooLarge ? refuse(`has a ${CORE_XML} that inflates past the limit of ${kib(MAX_CORE_XML_BYTES)}`) : corrupt(`${CORE_XML} does not inflate`);
    }
  }
  if (xml.length !== entry.size) return corrupt(`${CORE_XML} is ${xml.length} bytes, not the ${entry.size} its entry says`);
  if (crc32(xml) !== entry.crc) return corrupt(`${CORE_XML} fails its CRC-32 check`);
  return xml;
}

/**
 * The creator of a zipped Office file of `size` bytes, read through `readAt`: the
 * end-of-central-directory record (at most 64 KiB + 22 bytes from the tail), the central directory
 * (at most {@link MAX_CENTRAL_DIRECTORY_BYTES}, {@link MAX_ZIP_ENTRIES} entries), and
 * `docProps/core.xml` (its local header and at most {@link MAX_CORE_XML_BYTES} of data, stored or
 * deflated, inflated to at most as much and checked against its CRC-32). A file over
 * {@link MAX_WORKBOOK_BYTES} is refused before any read.
 *
 * @example
 * creatorFromZip(bytes.length, (at, n) => bytes.subarray(at, at + n)) // { ok: true, creator: "CORZ HPC deal model" }
 */
export function creatorFromZip(size: number, readAt: ReadAt): CreatorRead {
  if (size > MAX_WORKBOOK_BYTES) return refuse(`is ${mib(size)}, over the limit of ${mib(MAX_WORKBOOK_BYTES)} for a file this command inspects`);
  if (size === 0) return refuse("is empty");
  if (size < EOCD_SIZE) return refuse("is not a zip file");
  const cd = findCentralDirectory(size, readAt);
  if ("ok" in cd) return cd;
  const directory = readAt(cd.offset, cd.size);
  if (directory.length !== cd.size) return corrupt("its central directory ended while being read");
  const entry = findCoreEntry(directory, cd.entries);
  if ("ok" in entry) return entry;
  const xml = readCoreXml(entry, cd.offset, readAt);
  if ("ok" in xml) return xml;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(xml);
  } catch {
    return refuse(`has a ${CORE_XML} that is not UTF-8 text`);
  }
  const creator = creatorFromCoreXml(text);
  return creator === undefined ? refuse(`has no creator in ${CORE_XML}`) : { ok: true, creator };
}

const ENTITIES = new Map([["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"]]);

/** XML text with its five named entities and character references decoded; undefined for any other `&`. */
function decodeEntities(text: string): string | undefined {
  let out = "";
  let from = 0;
  for (let amp = text.indexOf("&"); amp >= 0; amp = text.indexOf("&", from)) {
    const semi = text.indexOf(";", amp);
    if (semi < 0 || semi - amp > 10) return undefined;
    const ref = text.slice(amp + 1, semi);
    const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : undefined;
    const char = code === undefined ? ENTITIES.get(ref) : code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
    if (char === undefined) return undefined;
    out += text.slice(from, amp) + char;
    from = semi + 1;
  }
  return out + text.slice(from);
}

/**
 * The text of the first `<dc:creator>` element of a core-properties XML string, entities decoded;
 * "" for `<dc:creator/>`; undefined when there is none or it holds markup. Linear in the string:
 * `indexOf` scans, no backtracking pattern.
 *
 * @example
 * creatorFromCoreXml('<cp:coreProperties><dc:creator>A &amp; B</dc:creator></cp:coreProperties>') // "A & B"
 */
export function creatorFromCoreXml(xml: string): string | undefined {
  const open = "<dc:creator";
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + open.length)) {
    const after = xml.charAt(at + open.length);
    if (after !== ">" && after !== "/" && !/\s/.test(after)) continue; // <dc:creatorX>: another element
    const end = xml.indexOf(">", at);
    if (end < 0) return undefined;
    if (xml.charAt(end - 1) === "/") return "";
    const close = xml.indexOf("</dc:creator>", end);
    if (close < 0) return undefined;
    const text = xml.slice(end + 1, close);
    if (text.includes("<")) return undefined;
    return decodeEntities(text);
  }
  return undefined;
}

/**
 * The creator of the .xlsx file at `file` (see {@link creatorFromZip}), reading only the bounded
 * parts it names through one file descriptor, opened non-blocking so that a FIFO put in the file's
 * place cannot hang the command. A file that cannot be opened is a refusal too.
 */
export function readWorkbookCreator(file: string): CreatorRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return refuse(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return refuse("is not a regular file");
    const readAt: ReadAt = (position, length) => {
      const buffer = Buffer.alloc(length);
      let filled = 0;
      while (filled < length) {
        const n = fs.readSync(fd, buffer, filled, length - filled, position + filled);
        if (n === 0) break;
        filled += n;
      }
      return buffer.subarray(0, filled);
    };
    return creatorFromZip(stat.size, readAt);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== "string") throw e; // not the file system: a mistake here, not a bad file
    return refuse(`cannot be read (${code})`);
  } finally {
    fs.closeSync(fd);
  }
}
