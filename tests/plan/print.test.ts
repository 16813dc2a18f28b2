/** Print setup: every sheet prints landscape, as few pages across as keep it readable, with its headings and row labels on every page. */
import { columnNumber } from "../../src/plan/a1";
import { MAX_PAGES_ACROSS, MIN_READABLE_SCALE, PRINTABLE_WIDTH_PT, columnPoints, printPlanFor, scaleFor, usedExtent } from "../../src/plan/print";
import { SheetPlan } from "../../src/plan/types";
import { plan, scenario } from "../support/plan";

const sheets = plan(["base", "seed", "bull", "bear"].map((n) => scenario(n))).sheets;

/** The sheet's label columns and the rest, in points at 100%, from its column widths. */
function widths(s: SheetPlan): { labels: number; rest: number } {
  const labels = columnNumber(s.print.titleColumns!.split(":")[1]);
  const used = usedExtent(s).cols;
  let [l, r] = [0, 0];
  for (let c = 1; c <= used; c++) {
    const pt = columnPoints(s.columnWidths.find((w) => columnNumber(w.column) === c)?.width ?? 8.43);
    if (c <= labels) l += pt;
    else r += pt;
  }
  return { labels: l, rest: r };
}

test.each(sheets.map((s) => [s.name, s] as const))("%s prints landscape, height free, its frozen rows and label columns on every page", (_name, s) => {
  expect(s.print.orientation).toBe("landscape");
  expect(s.print.fitToHeight).toBe(0);
  expect(s.print.titleRows).toBe(`1:${Math.max(1, s.freeze.rows)}`);
  // The frozen columns are the row labels; a sheet that freezes none still repeats column A.
  expect(columnNumber(s.print.titleColumns!.split(":")[1])).toBe(Math.max(1, s.freeze.columns));
  const used = usedExtent(s);
  expect(s.print.area).toMatch(new RegExp(`^A1:[A-Z]+${used.rows}$`));
  expect(columnNumber(s.print.area.split(":")[1].replace(/\d+$/, ""))).toBe(used.cols);
});

test.each(sheets.map((s) => [s.name, s] as const))("%s: one page wide when that is readable, else the fewest pages up to 3 that are", (_name, s) => {
  const { labels, rest } = widths(s);
  const n = s.print.fitToWidth;
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(MAX_PAGES_ACROSS);
  // Fewer pages would print below the readable scale…
  for (let fewer = 1; fewer < n; fewer++) expect(scaleFor(labels, rest, fewer)).toBeLessThan(MIN_READABLE_SCALE);
  // …and these pages are readable, unless even 3 are not (then 3, the most a report takes).
  if (n < MAX_PAGES_ACROSS) expect(scaleFor(labels, rest, n)).toBeGreaterThanOrEqual(MIN_READABLE_SCALE);
  // Page widths by hand for one case: a sheet fits one page at 100% when its columns do.
  expect(scaleFor(labels, rest, 1)).toBeCloseTo(Math.min(1, PRINTABLE_WIDTH_PT / (labels + rest)), 9);
});

test("a narrow sheet fits one page; a wide one takes more pages across, at most 3; labels repeat", () => {
  const block = (cols: number) => ({ id: "x", at: "A1", role: "calc" as const, cells: [Array.from({ length: cols }, () => 1)] });
  const narrow = printPlanFor({ blocks: [block(5)], charts: [], columnWidths: [], freeze: { rows: 2, columns: 0 } });
  expect(narrow).toEqual({ orientation: "landscape", area: "A1:E1", fitToWidth: 1, fitToHeight: 0, titleRows: "1:2", titleColumns: "A:A" });
  const wide = printPlanFor({ blocks: [block(60)], charts: [], columnWidths: [{ column: "A", width: 50 }], freeze: { rows: 4, columns: 2 } });
  expect(wide.fitToWidth).toBe(3);
  expect(wide.titleColumns).toBe("A:B");
  const chart = printPlanFor({ blocks: [block(2)], charts: [{ id: "c", type: "Line", title: "t", categories: { name: "", sheet: "", range: "" }, series: [], anchor: { from: "A3", to: "H20" } }], columnWidths: [], freeze: { rows: 1, columns: 1 } });
  expect(chart.area).toBe("A1:H20");
});
