/**
 * Reads a printed workbook back: which PDF pages belong to which sheet (by the sheet's title,
 * printed on every page as a title row), how many pages across each sheet's width takes, and
 * whether each page carries the sheet's headings and row labels.
 */
import { columnNumber, parseCell } from "../../src/plan/a1";
import { columnPoints } from "../../src/plan/print";
import { SheetPlan, WorkbookPlan } from "../../src/plan/types";
import { PdfLine } from "../support/libreoffice";

/** A few leading characters of a label: enough to tell it apart, short enough to survive a cell clipping it. */
const PREFIX = 14;

export interface PrintedSheet {
  readonly name: string;
  /** 1-based page numbers in the PDF. */
  readonly pages: readonly number[];
  /** Pages across the sheet's width: the most pages printing the same row labels at the same heights. */
  readonly across: number;
  /** Pages (1-based) missing the title, a heading, or any row label of the sheet. */
  readonly unlabelled: readonly { readonly page: number; readonly missing: string }[];
}

/** Constant texts in the sheet's label columns, by row. */
function labelTexts(sheet: SheetPlan, lastLabelCol: number): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const b of sheet.blocks) {
    const at = parseCell(b.at);
    b.cells.forEach((cells, i) =>
      cells.forEach((v, j) => {
        if (at.col + j > lastLabelCol || typeof v !== "string" || v.startsWith("=") || v.trim().length < 4) return;
        const r = at.row + i;
        out.set(r, [...(out.get(r) ?? []), v.trim().slice(0, PREFIX)]);
      }),
    );
  }
  return out;
}

/** Excel's default row height, in points, which LibreOffice keeps for the rows the adapter writes. */
const DEFAULT_ROW_POINTS = 15;

/** The print scale of a sheet's pages: the most common distance between printed lines, over a row's height. */
function printScale(pages: readonly (readonly PdfLine[])[]): number {
  const gaps = new Map<number, number>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const g = Math.round((lines[i].y - lines[i - 1].y) * 20) / 20;
      gaps.set(g, (gaps.get(g) ?? 0) + 1);
    }
  }
  const [pitch] = [...gaps.entries()].sort((a, b) => b[1] - a[1])[0] ?? [DEFAULT_ROW_POINTS];
  return pitch / DEFAULT_ROW_POINTS;
}

/** The width of the sheet's label columns at 100%, in points. */
function labelPoints(s: SheetPlan, labelCols: number): number {
  let pt = 0;
  for (let c = 1; c <= labelCols; c++) pt += columnPoints(s.columnWidths.find((w) => columnNumber(w.column) === c)?.width ?? 8.43);
  return pt;
}

export function printedSheets(plan: WorkbookPlan, pages: readonly (readonly PdfLine[])[], margins: { readonly left: number; readonly top: number }): PrintedSheet[] {
  const titleOf = (s: SheetPlan) => {
    const t = s.blocks.find((b) => b.at === "A1")?.cells[0][0];
    if (typeof t !== "string") throw new Error(`sheet ${s.name} has no title in A1`);
    return t.slice(0, 24);
  };
  const owner = pages.map((lines, i) => {
    const found = plan.sheets.filter((s) => lines.some((l) => l.text.startsWith(titleOf(s))));
    if (found.length !== 1) throw new Error(`page ${i + 1} belongs to ${found.length} sheets: ${lines[0]?.text ?? "(blank)"}`);
    return found[0].name;
  });
  return plan.sheets.map((s) => {
    const nums = owner.flatMap((o, i) => (o === s.name ? [i + 1] : []));
    const titleRows = Number(s.print.titleRows?.split(":")[1] ?? 0);
    const labelCols = columnNumber(s.print.titleColumns?.split(":")[1] ?? "A");
    const texts = labelTexts(s, labelCols);
    const headings = [...texts.entries()].filter(([r]) => r <= titleRows).flatMap(([, t]) => t);
    const headingSet = new Set(headings);
    const body = [...new Set([...texts.entries()].filter(([r]) => r > titleRows).flatMap(([, t]) => t))].filter((t) => !headingSet.has(t));
    // Pages at the same height in different columns of pages print the same rows, so the same
    // row labels (every word in the label columns) at the same places: the most pages sharing
    // them is the number of pages across. Rows of the title are left out, and so are heights at
    // which text in the label columns overlaps on any page: a heading's text, or a long note's
    // from a column printed on another page, may run over the label columns there. The label
    // columns and title rows end at their size times the print scale, which the distance
    // between printed rows gives (rows are DEFAULT_ROW_POINTS high).
    const scale = printScale(nums.map((n) => pages[n - 1]));
    const labelEnd = margins.left * 72 + 0.97 * scale * labelPoints(s, labelCols);
    const bodyTop = margins.top * 72 + (titleRows - 0.5) * DEFAULT_ROW_POINTS * scale;
    const inLabels = (l: PdfLine) => l.words.filter((w) => w.x < labelEnd);
    const overlapped = new Set<number>();
    for (const n of nums) {
      for (const l of pages[n - 1]) {
        const ws = inLabels(l);
        if (ws.some((w, i) => i > 0 && w.x < ws[i - 1].x + ws[i - 1].w - 0.5)) overlapped.add(Math.round(l.y));
      }
    }
    const groups = new Map<string, number>();
    const unlabelled: { page: number; missing: string }[] = [];
    for (const n of nums) {
      const lines = pages[n - 1];
      const left = Math.min(...lines.map((l) => l.x));
      const atLeft = lines.filter((l) => l.x <= left + 2);
      const signature = atLeft
        .filter((l) => l.y >= bodyTop && !overlapped.has(Math.round(l.y)))
        .flatMap((l) => inLabels(l).map((w) => `${Math.round(l.y)}:${Math.round(w.x)}:${w.text}`))
        .join("|");
      groups.set(signature, (groups.get(signature) ?? 0) + 1);
      // A heading is found by its first word (text running over it may garble the rest).
      const missing = [titleOf(s), ...headings].find((h) => !lines.some((l) => l.words.some((w) => w.text === h.split(" ")[0])));
      if (missing !== undefined) unlabelled.push({ page: n, missing: `heading "${missing}"` });
      else if (!atLeft.some((l) => body.some((t) => l.text.startsWith(t)))) unlabelled.push({ page: n, missing: "row labels" });
    }
    return { name: s.name, pages: nums, across: Math.max(0, ...groups.values()), unlabelled };
  });
}
