/**
 * The preview page's entry (webpack entry "preview", loaded before the task pane's bundles in
 * preview.html): installs the Office/Excel/CustomFunctions double over an in-memory workbook with
 * one empty Sheet1, as a new Excel workbook has, restores the workbook and settings kept in this
 * browser (Office.onReady waits for that, so the pane starts with its saved scenarios), then
 * shows that workbook beside the pane. The task pane itself is the production one (taskpane.js
 * and functions.js, unchanged): it finds "Excel" here and builds its sheets into the double.
 *
 * Microsoft's office.js is not loaded: outside an Office host it gives no workbook (see office.ts).
 */
import { installOfficeDouble } from "./office";
import { mountTools, restoreSaved } from "./tools";
import { mountWorkbookView } from "./viewer";

let restored: (notice: string | undefined) => void = () => undefined;
const ready = new Promise<string | undefined>((resolve) => (restored = resolve));
const office = installOfficeDouble({ sheets: { Sheet1: {} }, ready });
const root = document.getElementById("workbook");
if (!root) throw new Error('preview.html has no element with id "workbook"');
void restoreSaved(office).then((notice) => {
  try {
    mountWorkbookView(root, office, mountTools(office, notice));
  } finally {
    // The pane starts even if the view could not be drawn (the error is then on the console).
    restored(notice);
  }
});
