/**
 * The printed workbook, as LibreOffice prints it to PDF: the four-scenario workbook `npm run
 * workbook` writes, at most 3 pages across each sheet's width, and every page carrying its
 * sheet's title, headings and row labels. Logs the page counts, total and per sheet.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_SCENARIOS, planFor } from "../../src/xlsx/cli";
import { PRINT_MARGINS, planToWorkbook } from "../../src/xlsx/write";
import { PdfLine, pdfPages, pdfToolsAvailable, printToPdf } from "../support/libreoffice";
import { PrintedSheet, printedSheets } from "./printedPages";

const run = pdfToolsAvailable() ? describe : describe.skip;

run("the workbook prints as a report", () => {
  const built = planFor({ scenarios: DEFAULT_SCENARIOS, out: "x.xlsx", paths: 1000, seed: 1, force: false });
  if ("error" in built) throw new Error(built.error);
  const plan = built.plan;
  let pages: PdfLine[][];
  let sheets: PrintedSheet[];
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corz-print-"));
    try {
      const file = path.join(dir, "corz.xlsx");
      await planToWorkbook(plan).xlsx.writeFile(file);
      pages = pdfPages(printToPdf(file), PRINT_MARGINS);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    sheets = printedSheets(plan, pages, PRINT_MARGINS);
    console.warn(`[measured] printed workbook: ${pages.length} pages: ${sheets.map((s) => `${s.name} ${s.pages.length} (${s.across} across)`).join(", ")}`);
  }, 240_000);

  test("every page belongs to one sheet, in the sheets' order, and every sheet prints", () => {
    expect(sheets.map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
    expect(sheets.flatMap((s) => s.pages)).toEqual(pages.map((_, i) => i + 1));
    for (const s of sheets) expect([s.name, s.pages.length > 0]).toEqual([s.name, true]);
  });

  test("at most 3 pages across each sheet's width, never more than the sheet asks for", () => {
    for (const s of sheets) {
      const asked = plan.sheets.find((p) => p.name === s.name)!.print.fitToWidth;
      expect([s.name, s.across >= 1, s.across <= Math.min(3, asked)]).toEqual([s.name, true, true]);
    }
  });

  test("every page carries its sheet's title, headings and row labels", () => {
    for (const s of sheets) expect([s.name, s.unlabelled]).toEqual([s.name, []]);
  });
});
