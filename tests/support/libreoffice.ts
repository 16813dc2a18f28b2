/**
 * LibreOffice Calc as an outside judge: it opens an .xlsx the add-in wrote, recalculates
 * every formula (a throw-away profile sets OOXMLRecalcMode=0, "always recalculate", since
 * Calc would otherwise trust the cached values of a file that says it comes from Excel)
 * and saves the results, which the tests read back.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export function findSoffice(): string | undefined {
  for (const p of ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/local/bin/soffice"]) {
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

/**
 * True when LibreOffice tests should run. Off CI a machine without LibreOffice skips them
 * with a loud notice; with CI=true a missing LibreOffice is a failure, never a skip.
 */
export function libreOfficeAvailable(): boolean {
  if (findSoffice()) return true;
  if (process.env.CI === "true") {
    throw new Error("CI=true but LibreOffice (soffice) is not installed: .ci/run must apt-get install libreoffice-calc");
  }
  console.warn("\n*** SKIPPING LibreOffice recalculation tests: soffice not found (apt-get install libreoffice-calc) ***\n");
  return false;
}

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A throw-away LibreOffice profile: recalculating every formula on load, or LibreOffice's defaults (as a user opens a file). */
function profileDir(work: string, recalculate = true): string {
  const profile = path.join(work, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  if (recalculate) fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), XCU);
  return profile;
}

/** A recalculated sheet: rows of cell texts; numbers unformatted, percentages as "12.5%". */
export type Grid = string[][];

/**
 * Opens `input` in LibreOffice, recalculates every formula, and returns every sheet as a
 * grid of raw (not "as shown") values, read from LibreOffice's CSV export.
 */
export function recalculate(input: string): Record<string, Grid> {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice is not installed");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "corz-lo-"));
  const out = path.join(work, "out");
  fs.mkdirSync(out);
  // CSV filter options: comma, double quote, UTF-8, from row 1, -, en-US, quote text, detect
  // numbers, "save as shown" off (raw values), -, -, every sheet to its own file.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,false,false,false,-1";
  const r = spawnSync(soffice, [`-env:UserInstallation=file://${profileDir(work)}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", out, input], {
    encoding: "utf8",
    timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`LibreOffice failed (status ${r.status}): ${r.stderr || r.stdout}`);
  const base = path.basename(input).replace(/\.xlsx$/, "");
  const sheets: Record<string, Grid> = {};
  for (const f of fs.readdirSync(out)) {
    if (!f.startsWith(`${base}-`) || !f.endsWith(".csv")) continue;
    sheets[f.slice(base.length + 1, -4)] = parseCsv(fs.readFileSync(path.join(out, f), "utf8"));
  }
  if (Object.keys(sheets).length === 0) throw new Error(`LibreOffice wrote no CSV: ${r.stderr || r.stdout}`);
  fs.rmSync(work, { recursive: true, force: true });
  return sheets;
}

export function parseCsv(text: string): Grid {
  const rows: Grid = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The value at an A1-style (row, col), 1-based: a number (percentages divided by 100), boolean, text or "". */
export function valueAt(grid: Grid, row: number, col: number): number | boolean | string {
  const t = grid[row - 1]?.[col - 1] ?? "";
  if (t === "TRUE") return true;
  if (t === "FALSE") return false;
  if (/^-?[\d.]+(E[-+]?\d+)?%$/i.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^-?[\d.]+(E[-+]?\d+)?$/i.test(t)) return Number(t);
  return t;
}

/**
 * True when the print tests can run: LibreOffice to print the workbook to PDF and poppler's
 * pdftotext to read the pages back. Off CI a missing tool skips them with a loud notice; with
 * CI=true it is a failure, never a skip.
 */
export function pdfToolsAvailable(): boolean {
  if (!libreOfficeAvailable()) return false;
  if (spawnSync("pdftotext", ["-v"], { encoding: "utf8" }).error === undefined) return true;
  if (process.env.CI === "true") throw new Error("CI=true but pdftotext is not installed: .ci/run must apt-get install poppler-utils");
  console.warn("\n*** SKIPPING print tests: pdftotext not found (apt-get install poppler-utils) ***\n");
  return false;
}

/**
 * Prints `input` to PDF with LibreOffice and returns the PDF's bytes: recalculating every
 * formula first, as `recalculate` does, or with LibreOffice's default settings, as a user opens
 * the file (an .xlsx is not recalculated; formulas without a saved result are computed).
 */
export function printToPdf(input: string, opts: { readonly recalculate?: boolean } = {}): Buffer {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice is not installed");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "corz-pdf-"));
  try {
    const out = path.join(work, "out");
    fs.mkdirSync(out);
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${profileDir(work, opts.recalculate ?? true)}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out, input], {
      encoding: "utf8",
      timeout: 180_000,
    });
    const pdf = path.join(out, path.basename(input).replace(/\.xlsx$/, ".pdf"));
    if (r.status !== 0 || !fs.existsSync(pdf)) throw new Error(`LibreOffice could not print ${input} (status ${r.status}): ${r.stderr || r.stdout}`);
    return fs.readFileSync(pdf);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A word printed on a PDF page: its left edge and top in points, its width and height, its text. */
export interface PdfWord {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
}

/** A printed line: words sharing a baseline, left to right. */
export interface PdfLine {
  readonly y: number;
  readonly x: number;
  readonly text: string;
  readonly words: readonly PdfWord[];
}

/**
 * Every page of a PDF as its lines of words, read with pdftotext -tsv. Words outside the side
 * margins (inches) are left out: text a cell lets run past the print area is drawn there, clipped.
 */
export function pdfPages(pdf: Buffer, margins: { readonly left: number; readonly right: number }): PdfLine[][] {
  const r = spawnSync("pdftotext", ["-tsv", "-", "-"], { input: pdf, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext failed (status ${r.status}): ${r.stderr}`);
  const pages: PdfWord[][] = [];
  let width = 0;
  for (const row of r.stdout.split("\n").slice(1)) {
    const f = row.split("\t");
    if (f.length < 12) continue;
    const [level, page] = [Number(f[0]), Number(f[1])];
    if (level === 1) {
      pages[page - 1] = [];
      width = Number(f[8]);
    }
    if (level !== 5 || f[11].trim() === "") continue;
    const [x, w] = [Number(f[6]), Number(f[8])];
    if (x < margins.left * 72 - 1 || x + w > width - margins.right * 72 + 1) continue;
    pages[page - 1].push({ x, y: Number(f[7]), w, h: Number(f[9]), text: f[11] });
  }
  return pages.map((words) => {
    const lines = new Map<number, PdfWord[]>();
    for (const w of words) {
      // Words on one printed row share their top to within a fraction of their height.
      const key = [...lines.keys()].find((y) => Math.abs(y - w.y) < w.h / 3) ?? w.y;
      lines.set(key, [...(lines.get(key) ?? []), w]);
    }
    return [...lines.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([y, ws]) => {
        const sorted = [...ws].sort((a, b) => a.x - b.x);
        return { y, x: sorted[0].x, text: sorted.map((w) => w.text).join(" "), words: sorted };
      });
  });
}
