/**
 * Who wrote an .xlsx file, read without loading it (src/xlsx/creator.ts): `npm run workbook`
 * replaces its own files and refuses everyone else's with a one-line reason, through a few
 * bounded reads — never exceljs, never the whole file, never more than the caps allow.
 */
import ExcelJS from "exceljs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { runWorkbookCommand } from "../../src/xlsx/cli";
import {
  MAX_CORE_XML_BYTES,
  MAX_WORKBOOK_BYTES,
  MAX_ZIP_ENTRIES,
  ReadAt,
  crc32,
  creatorFromCoreXml,
  creatorFromZip,
  readWorkbookCreator,
} from "../../src/xlsx/creator";
import { WORKBOOK_CREATOR, planToWorkbook } from "../../src/xlsx/write";
import { plan, scenario } from "../support/plan";

// The real module objects, so that spies see the calls src/ makes.
const fs: typeof import("fs") = require("fs");
const realZlib: typeof import("zlib") = require("zlib");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "corz-creator-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  jest.restoreAllMocks();
});

// ---- zips built by hand -------------------------------------------------------------------

interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** 0 stored, 8 deflated (default), anything else written as is. */
  readonly method?: number;
  /** The uncompressed size the headers declare (default: the real one). */
  readonly declaredSize?: number;
  readonly flags?: number;
}

/** A zip file of `entries`, local headers then central directory then end record, like any writer. */
function zip(entries: readonly ZipEntry[], comment = ""): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = method === 8 ? zlib.deflateRawSync(e.data) : Buffer.from(e.data);
    const name = Buffer.from(e.name, "utf8");
    const crc = zlib.crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const note = Buffer.from(comment, "utf8");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(note.length, 20);
  return Buffer.concat([...locals, cd, end, note]);
}

const coreXml = (creator: string) =>
  Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>Unknown</cp:lastModifiedBy></cp:coreProperties>`,
    "utf8",
  );

const contentTypes = { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types/>') };
const workbookZip = (creator: string, core: Partial<ZipEntry> = {}) => zip([contentTypes, { name: "docProps/core.xml", data: coreXml(creator), ...core }]);

/** A reader over `bytes` that counts what it hands out. */
function counting(bytes: Uint8Array): { readAt: ReadAt; read: () => number } {
  let total = 0;
  return {
    readAt: (at, n) => {
      const part = bytes.subarray(at, at + n);
      total += part.length;
      return part;
    },
    read: () => total,
  };
}

let ownBytes: Buffer | undefined;
/** A workbook as `npm run workbook` writes it (one scenario, so the test stays quick). */
async function ownWorkbook(): Promise<Buffer> {
  ownBytes ??= Buffer.from(await planToWorkbook(plan([scenario("base")])).xlsx.writeBuffer());
  return ownBytes;
}

function put(name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function runCommand(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runWorkbookCommand(argv, (l) => lines.push(l));
  return { code, lines };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// ---- the tests ------------------------------------------------------------------------------

describe("readWorkbookCreator: the creator of an .xlsx from a few bounded reads", () => {
  test("a workbook this command wrote is recognised, reading only its tail, directory and core.xml", async () => {
    const bytes = await ownWorkbook();
    expect(readWorkbookCreator(put("own.xlsx", bytes))).toEqual({ ok: true, creator: WORKBOOK_CREATOR });
    const { readAt, read } = counting(bytes);
    expect(creatorFromZip(bytes.length, readAt)).toEqual({ ok: true, creator: WORKBOOK_CREATOR });
    // The tail read is the whole of a file this small; what follows is a few KiB, not a second copy.
    expect(read()).toBeLessThan(bytes.length + 16 * 1024);
  });

  test("a large file is read at a few offsets only: tail, central directory, core.xml", () => {
    const filler = { name: "xl/media/image1.bin", data: Buffer.alloc(2 * 1024 * 1024, 7), method: 0 };
    const bytes = zip([contentTypes, filler, { name: "docProps/core.xml", data: coreXml("Someone") }]);
    const { readAt, read } = counting(bytes);
    expect(creatorFromZip(bytes.length, readAt)).toEqual({ ok: true, creator: "Someone" });
    expect(read()).toBeLessThan(70 * 1024);
  });

  test("a workbook another program wrote gives its creator", () => {
    expect(readWorkbookCreator(put("excel.xlsx", workbookZip("Microsoft Excel")))).toEqual({ ok: true, creator: "Microsoft Excel" });
  });

  test("docProps/core.xml stored (method 0) is read as well as deflated", () => {
    expect(readWorkbookCreator(put("stored.xlsx", workbookZip(WORKBOOK_CREATOR, { method: 0 })))).toEqual({ ok: true, creator: WORKBOOK_CREATOR });
  });

  test("a zip comment after the end record is allowed for", () => {
    expect(readWorkbookCreator(put("comment.xlsx", zip([{ name: "docProps/core.xml", data: coreXml("A") }], "PK\x05\x06 a comment")))).toEqual({ ok: true, creator: "A" });
  });

  test("our CRC-32 agrees with zlib's", () => {
    for (const data of [Buffer.alloc(0), Buffer.from("123456789"), coreXml(WORKBOOK_CREATOR)]) expect(crc32(data)).toBe(zlib.crc32(data));
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  test.each<[string, () => Uint8Array | string, RegExp]>([
    ["a text file", () => "the user's own file, not a zip at all", /^is not a zip file$/],
    ["an empty file", () => "", /^is empty$/],
    ["a file shorter than any zip", () => "PK", /^is not a zip file$/],
    ["a zip without docProps/core.xml", () => zip([contentTypes]), /^is a zip file without docProps\/core\.xml$/],
    ["a zip with two docProps/core.xml", () => zip([{ name: "docProps/core.xml", data: coreXml("A") }, { name: "docProps/core.xml", data: coreXml("B") }]), /two docProps\/core\.xml/],
    ["core.xml compressed with bzip2 (method 12)", () => workbookZip("A", { method: 12 }), /compressed with method 12 \(only stored and deflated are read\)/],
    ["an encrypted core.xml", () => workbookZip("A", { flags: 1 }), /encrypted docProps\/core\.xml/],
    ["core.xml without a creator", () => zip([{ name: "docProps/core.xml", data: Buffer.from("<cp:coreProperties/>") }]), /^has no creator in docProps\/core\.xml$/],
    ["core.xml that is not UTF-8", () => zip([{ name: "docProps/core.xml", data: Buffer.from([0x3c, 0xff, 0xfe, 0x3e]) }]), /not UTF-8 text/],
  ])("%s is refused", (_what, bytes, reason) => {
    const r = readWorkbookCreator(put("x.xlsx", bytes()));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });

  test("a truncated or corrupted workbook of ours is refused, not guessed at", async () => {
    const bytes = await ownWorkbook();
    const half = readWorkbookCreator(put("half.xlsx", bytes.subarray(0, bytes.length >> 1)));
    expect(half).toEqual({ ok: false, reason: "is a truncated or corrupt zip file (no end-of-central-directory record)" });
    const cut = readWorkbookCreator(put("cut.xlsx", bytes.subarray(0, bytes.length - 1)));
    expect(!cut.ok && cut.reason).toMatch(/^is a truncated or corrupt zip file/);

    const good = workbookZip(WORKBOOK_CREATOR, { method: 0 });
    const at = good.indexOf(WORKBOOK_CREATOR);
    const flipped = Buffer.from(good);
    flipped[at] ^= 0x20; // "cORZ …": same size, wrong CRC-32
    expect(readWorkbookCreator(put("flipped.xlsx", flipped))).toEqual({ ok: false, reason: "is a truncated or corrupt zip file (docProps/core.xml fails its CRC-32 check)" });

    const noDirectory = Buffer.from(good);
    noDirectory.writeUInt32LE(good.length, good.length - 6); // the directory "starts" past the end
    expect(!readWorkbookCreator(put("nodir.xlsx", noDirectory)).ok).toBe(true);
  });

  test("more entries than the cap, or ZIP64, are refused from the end record alone", () => {
    const many = workbookZip("A");
    many.writeUInt16LE(MAX_ZIP_ENTRIES + 1, many.length - 14);
    many.writeUInt16LE(MAX_ZIP_ENTRIES + 1, many.length - 12);
    const r = readWorkbookCreator(put("many.xlsx", many));
    expect(!r.ok && r.reason).toMatch(/^is a zip file of 4,097 entries, over the limit of 4,096$/);
    const zip64 = workbookZip("A");
    zip64.writeUInt32LE(0xffffffff, zip64.length - 6);
    expect(readWorkbookCreator(put("zip64.xlsx", zip64))).toEqual({ ok: false, reason: "is a ZIP64 file, which this command never writes" });
  });
});

describe("the caps: a crafted file costs a few reads, never a big allocation", () => {
  const zeros = Buffer.alloc(10 * 1024 * 1024); // 10 MB of zeros deflate to about 10 KiB

  test("a zip bomb core.xml that declares its 10 MB is refused before inflating anything", () => {
    const bomb = workbookZip("A", { data: zeros });
    expect(bomb.length).toBeLessThan(MAX_CORE_XML_BYTES); // small on disk: only the declared size gives it away
    const inflate = jest.spyOn(realZlib, "inflateRawSync");
    const r = readWorkbookCreator(put("bomb.xlsx", bomb));
    expect(r).toEqual({ ok: false, reason: "has a docProps/core.xml of 10,240 KiB (10 KiB compressed), over the limit of 64 KiB" });
    expect(inflate).not.toHaveBeenCalled();
  });

  test("a zip bomb that lies about its size is stopped by inflate's output limit", () => {
    const liar = workbookZip("A", { data: zeros, declaredSize: 700 });
    const inflate = jest.spyOn(realZlib, "inflateRawSync");
    const t0 = performance.now();
    const r = readWorkbookCreator(put("liar.xlsx", liar));
    expect(r).toEqual({ ok: false, reason: "has a docProps/core.xml that inflates past the limit of 64 KiB" });
    expect(inflate).toHaveBeenCalledTimes(1);
    expect(inflate.mock.calls[0][1]).toEqual({ maxOutputLength: MAX_CORE_XML_BYTES });
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  test("a core.xml over 64 KiB compressed is refused without its bytes being read", () => {
    const big = Buffer.alloc(MAX_CORE_XML_BYTES + 1, 0x41);
    const bytes = workbookZip("A", { data: big, method: 0 });
    const reads: [number, number][] = [];
    const r = creatorFromZip(bytes.length, (at, n) => (reads.push([at, n]), bytes.subarray(at, at + n)));
    expect(!r.ok && r.reason).toMatch(/^has a docProps\/core\.xml of 64 KiB \(64 KiB compressed\), over the limit of 64 KiB$/);
    const cdOffset = bytes.readUInt32LE(bytes.length - 6);
    expect(reads).toEqual([
      [bytes.length - 65_557, 65_557], // the tail that can hold the end record and its comment
      [cdOffset, bytes.length - 22 - cdOffset], // the central directory; neither core.xml's header nor its data
    ]);
  });

  test("a file over the size cap is refused without a byte of it being read", () => {
    const file = path.join(dir, "huge.xlsx");
    fs.writeFileSync(file, "");
    fs.truncateSync(file, MAX_WORKBOOK_BYTES + 10 * 1024 * 1024); // sparse: costs no disk
    const readSync = jest.spyOn(fs, "readSync");
    expect(readWorkbookCreator(file)).toEqual({ ok: false, reason: "is 60.0 MiB, over the limit of 50.0 MiB for a file this command inspects" });
    expect(readSync).not.toHaveBeenCalled();
    readWorkbookCreator(put("small.xlsx", workbookZip("A")));
    expect(readSync).toHaveBeenCalled(); // the spy sees the module's reads
    const readAt = jest.fn<Uint8Array, [number, number]>();
    expect(creatorFromZip(MAX_WORKBOOK_BYTES + 1, readAt).ok).toBe(false);
    expect(readAt).not.toHaveBeenCalled();
  });
});

describe("creatorFromCoreXml: a careful extraction, not an XML parser", () => {
  test.each<[string, string | undefined]>([
    ["<dc:creator>CORZ HPC deal model</dc:creator>", "CORZ HPC deal model"],
    ['<dc:creator xml:lang="en">A &amp; &lt;B&gt; &#67;&#x44; &quot;&apos;</dc:creator>', "A & <B> CD \"'"],
    ["<dc:creator/>", ""],
    ["<dc:creator></dc:creator>", ""],
    ["<dc:creatorName>X</dc:creatorName><dc:creator>Y</dc:creator>", "Y"],
    ["<dc:creator>A<b/>B</dc:creator>", undefined],
    ["<dc:creator>&constructor;</dc:creator>", undefined],
    ["<dc:creator>&#x110000;</dc:creator>", undefined],
    ["<dc:creator>no end", undefined],
    ["<dc:title>no creator</dc:title>", undefined],
  ])("%j -> %j", (xml, creator) => {
    expect(creatorFromCoreXml(xml)).toBe(creator);
  });

  test("pathological input stays linear", () => {
    const t0 = performance.now();
    expect(creatorFromCoreXml("<dc:creator ".repeat(6000))).toBeUndefined();
    expect(creatorFromCoreXml("<dc:creator>" + "&".repeat(60_000) + ";</dc:creator>")).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe("npm run workbook: replaces its own file, refuses others' with the reason, never through exceljs", () => {
  test("exceljs never reads the existing file: its own is replaced, another program's is refused", async () => {
    const readFile = jest.spyOn(Object.getPrototypeOf(new ExcelJS.Workbook().xlsx), "readFile");
    const load = jest.spyOn(Object.getPrototypeOf(new ExcelJS.Workbook().xlsx), "load");
    const own = put("own.xlsx", await ownWorkbook());
    expect((await runCommand("--scenarios", "bear", "--out", own, "--paths", "100")).code).toBe(0);

    const theirs = put("theirs.xlsx", workbookZip("Microsoft Excel"));
    const before = fs.readFileSync(theirs);
    const refused = await runCommand("--scenarios", "base", "--out", theirs, "--paths", "100");
    expect(refused).toEqual({
      code: 1,
      lines: [
        `error: ${theirs} exists and its creator is "Microsoft Excel", not "CORZ HPC deal model": it was not written by this command; choose another --out or add --force to replace it`,
      ],
    });
    expect(fs.readFileSync(theirs).equals(before)).toBe(true);
    expect(readFile).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
    await new ExcelJS.Workbook().xlsx.readFile(own);
    expect(readFile).toHaveBeenCalledTimes(1); // the spy sees exceljs reads
  });

  test.each<[string, () => Uint8Array | string, string]>([
    ["a text file", () => "the user's own file", "is not a zip file"],
    ["an empty file", () => "", "is empty"],
    ["a zip without core.xml", () => zip([contentTypes]), "is a zip file without docProps/core.xml"],
    ["a creator with a line break", () => workbookZip("two&#10;lines"), 'its creator is "two\\nlines", not "CORZ HPC deal model"'],
  ])("%s: one line saying why, exit code 1, the file untouched", async (_what, bytes, why) => {
    const file = put("x.xlsx", bytes());
    const before = fs.readFileSync(file);
    const { code, lines } = await runCommand("--scenarios", "base", "--out", file, "--paths", "100");
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^error: ${escape(file)} exists and ${escape(why)}: it was not written by this command; choose another --out or add --force to replace it$`));
    expect(lines[0]).not.toContain("\n");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test("the modules on this path do not import exceljs", () => {
    const src = (f: string) => fs.readFileSync(path.join(__dirname, "../../src/xlsx", f), "utf8");
    expect(src("creator.ts")).not.toMatch(/from\s+["']exceljs["']|require\(["']exceljs["']\)/);
    expect(src("cli.ts")).not.toMatch(/from\s+["']exceljs["']|require\(["']exceljs["']\)/);
  });
});
