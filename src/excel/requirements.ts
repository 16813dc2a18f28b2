/**
 * The Excel JavaScript API requirement set the adapter needs: the highest set of any Excel API
 * member src/excel uses (Worksheet.pageLayout and suspendScreenUpdatingUntilNextSync are
 * ExcelApi 1.9). manifest.xml declares it, so Office installs the add-in only where it is
 * supported, and the task pane checks it at start (hooks/office.ts), so an older Excel shows a
 * message instead of failing half-way through a build. tests/excel/requirements.test.ts keeps it
 * in step with the members used.
 */
export const EXCEL_API_SET = "ExcelApi";
export const EXCEL_API_VERSION = "1.9";

/** Compares two requirement-set versions part by part, as numbers ("1.10" is above "1.9"): negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
