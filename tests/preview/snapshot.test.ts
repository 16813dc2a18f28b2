/**
 * The preview's workbook kept and exported: the sheets the pane builds into the Excel double are
 * saved as text and restored unchanged (persist.ts), and turned into a plan (snapshot.ts) that the
 * exceljs adapter writes to an .xlsx whose cells, formats, names and frozen panes are the double's.
 */
import ExcelJS from "exceljs";
import { buildSheets } from "../../src/excel/apply";
import { EMPTY_REGISTRY, REGISTRY_SETTING } from "../../src/excel/registry";
import { literal } from "../../src/preview/formula";
import { xlsxBytes } from "../../src/preview/exportXlsx";
import { SAVED_VERSION, readSaved, restoreInto, saveText } from "../../src/preview/persist";
import { printOf, workbookPlanOf } from "../../src/preview/snapshot";
import { ExcelDouble } from "../support/excelDouble";
import { scenario } from "../support/plan";

const FOUR = ["base", "seed", "bull", "bear"];

async function built(): Promise<{ x: ExcelDouble; registry: unknown }> {
  const x = new ExcelDouble();
  x.addSheet("Sheet1", { A1: "Notes", B2: 42, C3: "=B2*2", D4: "2025-06-30" });
  const r = await buildSheets(x.run, FOUR.map((n) => scenario(n)), EMPTY_REGISTRY, {});
  if (!r.ok) throw new Error(r.message);
  return { x, registry: r.report.registry };
}

let x: ExcelDouble;
let registry: unknown;
beforeAll(async () => {
  ({ x, registry } = await built());
}, 60_000);

describe("kept across reloads (persist.ts)", () => {
  test("a saved copy restores every sheet's cells, formats, charts, tables, panes and layout, the names and the settings", () => {
    x.sheets[1].pageLayout = { orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$4" };
    const settings = new Map<string, unknown>([[REGISTRY_SETTING, registry], ["corz.pane", { version: 1, scenarios: [{ name: "my case" }] }]]);
    const text = saveText(x, settings, new Date("2026-11-26T21:40:03Z"));
    const bytes = new TextEncoder().encode(text).length;
    console.warn(`[measured] the four-scenario workbook saved for the preview: ${(bytes / 1024).toFixed(0)} KiB of JSON (${text.length} characters)`);
    // More than 2 million characters: too near localStorage's ~5 million per origin (Chromium,
    // Firefox) once the pane's own settings grow, so the page keeps it in IndexedDB instead.
    expect(text.length).toBeGreaterThan(100_000);

    const y = new ExcelDouble();
    const read = readSaved(text);
    restoreInto(y, read);
    expect(y.sheets.map((s) => [s.name, s.id])).toEqual(x.sheets.map((s) => [s.name, s.id]));
    for (const [i, s] of x.sheets.entries()) {
      const t = y.sheets[i];
      expect(Object.fromEntries(t.cells)).toEqual(Object.fromEntries([...s.cells].filter(([, c]) => Object.keys(c).length > 0)));
      expect([t.charts, t.tables, t.frozen, t.tabColor, t.pageLayout, [...t.columnWidths], [...t.validations]]).toEqual([s.charts, s.tables, s.frozen, s.tabColor, s.pageLayout, [...s.columnWidths], [...s.validations]]);
    }
    expect([...y.names]).toEqual([...x.names]);
    expect(y.nextId).toBe(x.nextId);
    expect(read.settings).toEqual({ [REGISTRY_SETTING]: registry, "corz.pane": { version: 1, scenarios: [{ name: "my case" }] } });
    expect(read.savedAt).toBe("2026-11-26T21:40:03.000Z");
    x.sheets[1].pageLayout = {};
  });

  test.each([
    ["not JSON", "{oops", /not readable/],
    ["another version", JSON.stringify({ version: SAVED_VERSION + 1 }), /another version of the page \(2, this page reads 1\)/],
    ["no sheets", JSON.stringify({ version: SAVED_VERSION, workbook: {} }), /has no sheets/],
    ["a bad cell", JSON.stringify({ version: SAVED_VERSION, workbook: { sheets: [{ name: "A", id: "1", cells: [["1,1", { formula: {} }]] }] } }), /sheet A cell 1,1\.formula should be string or number or boolean, not object/],
    ["a cell without an address", JSON.stringify({ version: SAVED_VERSION, workbook: { sheets: [{ name: "A", id: "1", cells: [["A1", {}]] }] } }), /cell without a row and column/],
  ])("a copy that cannot be used is refused with the reason: %s", (_, text, reason) => {
    expect(() => readSaved(text)).toThrow(reason);
  });

  test("a refused copy leaves the workbook as it was", () => {
    const y = new ExcelDouble();
    y.addSheet("Sheet1", { A1: 1 });
    const text = saveText(x, new Map(), new Date(0)).replace('"frozen":"', '"frozen":7,"x":"');
    expect(() => restoreInto(y, readSaved(text))).toThrow(/frozen panes are not a range/);
    expect(y.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("Export .xlsx (snapshot.ts through the exceljs adapter)", () => {
  let file: ExcelJS.Workbook;
  beforeAll(async () => {
    file = new ExcelJS.Workbook();
    await file.xlsx.load(Buffer.from(await xlsxBytes(x)) as unknown as ExcelJS.Buffer);
  }, 60_000);

  test("the same sheets in the same order, each cell's formula or value as in the double", () => {
    expect(file.worksheets.map((w) => w.name)).toEqual(x.sheets.map((s) => s.name));
    let formulas = 0;
    const differ: string[] = [];
    for (const s of x.sheets) {
      const ws = file.getWorksheet(s.name)!;
      for (const [k, c] of s.cells) {
        if (c.formula === undefined || c.formula === "") continue;
        const [r, col] = k.split(",").map(Number);
        const v = ws.getCell(r, col).value;
        // exceljs reads a number with a date format as a Date: its Excel serial is what the file holds.
        const got = v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : v !== null && typeof v === "object" && "formula" in v ? `=${v.formula}` : v;
        const want = typeof c.formula === "string" && c.formula.startsWith("date:") ? literal(c.formula) : c.formula;
        if (typeof want === "string" && want.startsWith("=")) formulas++;
        if (got !== want) differ.push(`${s.name}!${r},${col}: ${String(want)} became ${String(got)}`);
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
    expect(formulas).toBeGreaterThan(1000);
  });

  test("number formats, bold, fills, frozen panes, column widths, tables, validations and names come through", () => {
    const plan = workbookPlanOf(x);
    for (const s of x.sheets) {
      const ws = file.getWorksheet(s.name)!;
      for (const [k, c] of s.cells) {
        const [r, col] = k.split(",").map(Number);
        const cell = ws.getCell(r, col);
        if (c.numberFormat && c.numberFormat !== "General") expect([s.name, k, cell.numFmt]).toEqual([s.name, k, c.numberFormat]);
        if (c.bold) expect([s.name, k, cell.font?.bold]).toEqual([s.name, k, true]);
        if (c.fill) expect([s.name, k, (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb]).toEqual([s.name, k, `FF${c.fill.replace("#", "").toUpperCase()}`]);
      }
      const p = plan.sheets.find((q) => q.name === s.name)!;
      const view = ws.views[0] as { xSplit?: number; ySplit?: number };
      expect([s.name, view.ySplit ?? 0, view.xSplit ?? 0]).toEqual([s.name, p.freeze.rows, p.freeze.columns]);
      // exceljs leaves out a column of its default width (9 characters) and reads it back as unset.
      for (const [column, points] of s.columnWidths) expect(ws.getColumn(column).width ?? 9).toBeCloseTo(points / 6, 5);
      expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {}).sort()).toEqual(s.tables.map((t) => t.name).sort());
      for (const [range] of s.validations) expect(ws.getCell(range.split(":")[0]).dataValidation?.type).toBe("list");
    }
    // A built sheet's frozen panes (freezeAt A1:B4, say) are the rows and columns Excel freezes.
    expect(x.sheets.some((s) => s.frozen)).toBe(true);
    const names = file.definedNames.model.map((n) => n.name).sort();
    expect(names).toEqual([...x.names.keys()].sort());
    // The person's own sheet has no tab colour and no page setup of its own.
    expect(file.getWorksheet("Sheet1")!.properties.tabColor).toBeUndefined();
  });

  test("page setup: orientation, fitting, print titles and the used area from the sheet's page layout", () => {
    expect(printOf({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$4", printTitleColumns: "'Deal'!$A:$B" }, "A1:F9")).toEqual({ orientation: "landscape", area: "A1:F9", fitToWidth: 1, fitToHeight: 0, titleRows: "1:4", titleColumns: "A:B" });
    expect(workbookPlanOf(x).sheets[0].print.area).toBe("A1:D4");
  });
});
