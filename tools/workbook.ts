/**
 * The no-Excel path: writes the scenario sheets the task pane builds to an .xlsx file that
 * Excel, LibreOffice or Google Sheets can open, all formulas live (see src/xlsx/cli.ts).
 *
 *   npm run workbook                                              -> corz-hpc-model.xlsx, base/seed/bull/bear
 *   npm run workbook -- --scenarios base,bear --out corz-model.xlsx
 *   npm run workbook -- --scenario-file corz-scenarios.json        -> the scenarios the task pane saved
 *   npm run workbook -- --help
 */
import { runWorkbookCommand } from "../src/xlsx/cli";

runWorkbookCommand(process.argv.slice(2), (line) => console.error(line)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
