/**
 * The preview page's entry (webpack entry "preview", loaded before the task pane's bundles in
 * preview.html): installs the Office/Excel/CustomFunctions double over an in-memory workbook with
 * one empty Sheet1, as a new Excel workbook has, then shows that workbook beside the pane. The
 * task pane itself is the production one (taskpane.js and functions.js, unchanged): it finds
 * "Excel" here and builds its sheets into the double.
 *
 * Microsoft's office.js is not loaded: outside an Office host it gives no workbook (see office.ts).
 */
import { installOfficeDouble } from "./office";
import { mountWorkbookView } from "./viewer";

const office = installOfficeDouble({ sheets: { Sheet1: {} } });
const root = document.getElementById("workbook");
if (!root) throw new Error('preview.html has no element with id "workbook"');
mountWorkbookView(root, office);
