/**
 * The ExcelApi requirement set the add-in declares is the highest set of any Excel API member
 * the adapter (src/excel) uses: not guessed, found. The TypeScript checker finds every member
 * of the Excel namespace the adapter's code touches (property reads and writes, method calls,
 * and the properties of object literals typed as Excel's, such as `setCellProperties` input);
 * the table below says which requirement set introduced each, from Microsoft's reference
 * ("Excel JavaScript API requirement sets",
 * https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets,
 * and each class's page under https://learn.microsoft.com/en-us/javascript/api/excel/). The test
 * fails when the adapter uses a member the table does not list, when the table lists one it no
 * longer uses, when the table disagrees with the `[Api set: ...]` note of @types/office-js, and
 * when the manifest or the pane's start check asks for another set than the highest.
 *
 * Not in ExcelApi, and declared or checked elsewhere: the document settings
 * (Office.context.document.settings, Common API, in every Office host) and custom functions
 * (the CustomFunctionsRuntime 1.1 set in the manifest).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { readManifest } from "../../tools/manifest-check.cjs";
import { EXCEL_API_SET, EXCEL_API_VERSION, compareVersions } from "../../src/excel/requirements";

const root = path.join(__dirname, "..", "..");

/**
 * Each Excel API member the adapter uses and the ExcelApi version that introduced it. `load`,
 * `items` and the request context's `workbook` and `application` belong to the API's base
 * objects (ExcelApi 1.1), which the typings leave without a note.
 */
const REQUIREMENTS: Readonly<Record<string, string>> = {
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "Application.suspendScreenUpdatingUntilNextSync": "1.9",
  "Chart.delete": "1.1",
  "Chart.name": "1.1",
  "Chart.series": "1.1",
  "Chart.setPosition": "1.1",
  "Chart.title": "1.1",
  "ChartCollection.add": "1.1",
  "ChartCollection.getItem": "1.1",
  "ChartCollection.items": "1.1",
  "ChartCollection.load": "1.1",
  "ChartSeries.name": "1.1",
  "ChartSeries.setValues": "1.7",
  "ChartSeries.setXAxisValues": "1.7",
  "ChartSeriesCollection.add": "1.7",
  "ChartSeriesCollection.getItemAt": "1.1",
  "ChartTitle.text": "1.1",
  "DataValidation.clear": "1.8",
  "DataValidation.rule": "1.8",
  "DataValidationRule.list": "1.8",
  "NamedItem.comment": "1.4",
  "NamedItem.delete": "1.4",
  "NamedItem.formula": "1.7",
  "NamedItem.name": "1.1",
  "NamedItemCollection.add": "1.4",
  "NamedItemCollection.getItem": "1.1",
  "NamedItemCollection.items": "1.1",
  "NamedItemCollection.load": "1.1",
  "PageLayout.orientation": "1.9",
  "PageLayout.setPrintTitleColumns": "1.9",
  "PageLayout.setPrintTitleRows": "1.9",
  "PageLayout.zoom": "1.9",
  "PageLayoutZoomOptions.horizontalFitToPages": "1.9",
  "PageLayoutZoomOptions.verticalFitToPages": "1.9",
  "Range.clear": "1.1",
  "Range.columnIndex": "1.1",
  "Range.dataValidation": "1.8",
  "Range.format": "1.1",
  "Range.formulas": "1.1",
  "Range.getCellProperties": "1.9",
  "Range.load": "1.1",
  "Range.numberFormat": "1.1",
  "Range.rowIndex": "1.1",
  "Range.setCellProperties": "1.9",
  "Range.values": "1.1",
  "RangeFill.color": "1.1",
  "RangeFont.bold": "1.1",
  "RangeFont.color": "1.1",
  "RangeFont.italic": "1.1",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.fill": "1.1",
  "RangeFormat.font": "1.1",
  "RangeFormat.wrapText": "1.1",
  "RequestContext.application": "1.1",
  "RequestContext.workbook": "1.1",
  "Table.convertToRange": "1.2",
  "Table.name": "1.1",
  "Table.showFilterButton": "1.3",
  "TableCollection.add": "1.1",
  "TableCollection.getItem": "1.1",
  "TableCollection.items": "1.1",
  "TableCollection.load": "1.1",
  "Workbook.getActiveCell": "1.7",
  "Workbook.names": "1.1",
  "Workbook.tables": "1.1",
  "Workbook.worksheets": "1.1",
  "Worksheet.charts": "1.1",
  "Worksheet.delete": "1.1",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.getRange": "1.1",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.id": "1.1",
  "Worksheet.load": "1.1",
  "Worksheet.name": "1.1",
  "Worksheet.pageLayout": "1.9",
  "Worksheet.tabColor": "1.7",
  "Worksheet.tables": "1.1",
  "WorksheetCollection.add": "1.1",
  "WorksheetCollection.getItem": "1.1",
  "WorksheetCollection.items": "1.1",
  "WorksheetCollection.load": "1.1",
  "WorksheetFreezePanes.freezeAt": "1.7",
  "WorksheetFreezePanes.freezeColumns": "1.7",
  "WorksheetFreezePanes.freezeRows": "1.7",
  "WorksheetFreezePanes.unfreeze": "1.7",
};

/** Every Excel member the adapter's sources use, "Class.member" → the typings' ExcelApi note (undefined where there is none). */
function excelMembersUsed(): Map<string, string | undefined> {
  const dir = path.join(root, "src", "excel");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const program = ts.createProgram(files, config!.options);
  const checker = program.getTypeChecker();
  const used = new Map<string, string | undefined>();
  const record = (symbol: ts.Symbol | undefined) => {
    for (const d of symbol?.declarations ?? []) {
      const owner = d.parent;
      const inExcel = owner && ts.isModuleBlock(owner.parent) && (owner.parent.parent as ts.ModuleDeclaration).name.getText() === "Excel";
      if (!d.getSourceFile().fileName.includes("@types/office-js") || !inExcel) continue;
      if (!(ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) || !owner.name) continue;
      const note = /\[Api set: ExcelApi ([\d.]+)/.exec(d.getFullText());
      used.set(`${owner.name.text}.${symbol!.name}`, note?.[1]);
    }
  };
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) record(checker.getSymbolAtLocation(node.name));
      if (ts.isObjectLiteralExpression(node)) {
        const type = checker.getContextualType(node);
        for (const p of node.properties) if (type && p.name && !ts.isComputedPropertyName(p.name)) record(type.getProperty(p.name.getText()));
      }
      ts.forEachChild(node, visit);
    };
    visit(program.getSourceFile(file)!);
  }
  return used;
}

let used: Map<string, string | undefined>;
beforeAll(() => {
  used = excelMembersUsed();
}, 120000);

test("the table lists exactly the Excel members the adapter uses", () => {
  expect(used.size).toBeGreaterThan(40);
  expect([...used.keys()].filter((m) => !(m in REQUIREMENTS))).toEqual([]);
  expect(Object.keys(REQUIREMENTS).filter((m) => !used.has(m))).toEqual([]);
});

test("the table's set for each member is the one Microsoft's typings note", () => {
  const disagree = [...used].filter(([m, note]) => note !== undefined && REQUIREMENTS[m] !== note).map(([m, note]) => `${m}: table ${REQUIREMENTS[m]}, typings ${note}`);
  expect(disagree).toEqual([]);
  // Members without a note are the base objects' only.
  const unnoted = [...used].filter(([, note]) => note === undefined).map(([m]) => m.split(".")[1]);
  expect([...new Set(unnoted)].sort()).toEqual(["application", "items", "load", "workbook"]);
});

test("the add-in needs the highest set of any member it uses, and asks for no more", () => {
  const highest = Object.values(REQUIREMENTS).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
  expect(EXCEL_API_SET).toBe("ExcelApi");
  expect(EXCEL_API_VERSION).toBe(highest);
});

test("the manifest declares that set", () => {
  const manifest = readManifest(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"));
  expect(manifest.requirementSets).toContainEqual({ name: EXCEL_API_SET, minVersion: EXCEL_API_VERSION });
});

test("versions compare as numbers, part by part", () => {
  expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
  expect(compareVersions("1.9", "1.9")).toBe(0);
  expect(compareVersions("1.4", "1.10")).toBeLessThan(0);
});
