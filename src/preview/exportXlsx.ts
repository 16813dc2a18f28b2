/**
 * Export .xlsx from the preview: the workbook shown, as a plan (snapshot.ts), written by the same
 * exceljs adapter `npm run workbook` uses (src/xlsx/write.ts). exceljs is loaded only when a
 * person asks for a file (a dynamic import: the lint rules keep xlsx/ out of preview.js, and
 * webpack.config.js names the exceljs chunk), never part of the task pane or the functions.
 */
import type { ExcelDouble } from "./excelDouble";
import { hasPageLayout, workbookPlanOf } from "./snapshot";

/** The .xlsx file's bytes. */
export async function xlsxBytes(excel: ExcelDouble): Promise<ArrayBuffer> {
  const { planToWorkbook } = await import(/* webpackChunkName: "preview-export" */ "../xlsx/write");
  const wb = planToWorkbook(workbookPlanOf(excel));
  for (const s of excel.sheets) {
    const ws = wb.getWorksheet(s.name);
    if (!ws) throw new Error(`the export lost the sheet ${s.name}`);
    // A sheet without a tab colour of its own keeps Excel's plain tab.
    if (!s.tabColor) delete (ws.properties as { tabColor?: unknown }).tabColor;
    // A sheet whose page layout was never set prints as Excel's default: 100%, not fitted to pages.
    if (!hasPageLayout(s.pageLayout)) {
      ws.pageSetup.fitToPage = false;
      delete ws.pageSetup.printArea;
    }
    // exceljs draws no charts: the adapter writes a note at each chart's first cell instead,
    // unless that cell holds something of the workbook's own, which stays.
    for (const c of s.charts) {
      const at = c.position?.[0];
      const own = at === undefined ? undefined : s.get(at)?.formula;
      if (at !== undefined && own !== undefined && own !== "") {
        ws.getCell(at).value = typeof own === "string" && own.startsWith("=") ? { formula: own.slice(1) } as never : (own as string | number | boolean);
      }
    }
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
