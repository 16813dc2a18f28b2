/**
 * The house architecture is enforced by lint rules, not good intentions: these tests feed
 * ESLint forbidden code at the paths where it is forbidden and expect it to complain.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const eslintBin = path.join(root, "node_modules", "eslint", "bin", "eslint.js");

// ESLint loads its flat config with a dynamic import, which jest's module sandbox does not
// allow, so it runs in a child process exactly as `npm run lint` runs it.
async function ruleIds(file: string, code: string): Promise<string[]> {
  const r = spawnSync(process.execPath, [eslintBin, "--stdin", "--stdin-filename", file, "--format", "json"], {
    cwd: root,
    input: code,
    encoding: "utf8",
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`eslint failed: ${r.stderr}`);
  const [result] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return result.messages.map((m) => m.ruleId ?? m.message);
}

test.each([
  ["src/model/x.ts", 'import { dealRevenue } from "../functions/functions";\nexport const x = dealRevenue;\n'],
  ["src/model/x.ts", 'import * as React from "react";\nexport const x = React;\n'],
  ["src/functions/x.ts", 'import { App } from "../taskpane/App";\nexport const x = App;\n'],
  ["src/plan/x.ts", 'import * as E from "../excel/apply";\nexport const x = E;\n'],
  ["src/excel/x.ts", 'import * as T from "../taskpane/App";\nexport const x = T;\n'],
  // The adapters know the plan, not the model, nor each other.
  ["src/excel/x.ts", 'import { assumptionSpec } from "../model/assumptions";\nexport const x = assumptionSpec;\n'],
  ["src/xlsx/x.ts", 'import { resolveScenario } from "../model/scenarios";\nexport const x = resolveScenario;\n'],
  ["src/xlsx/x.ts", 'import { parseRegistry } from "../excel/registry";\nexport const x = parseRegistry;\n'],
  // exceljs stays out of the pane's bundle, directly or through the xlsx adapter.
  ["src/taskpane/x.ts", 'import { planToWorkbook } from "../xlsx/write";\nexport const x = planToWorkbook;\n'],
  ["src/taskpane/x.tsx", 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n'],
])("%s may not import what it imports", async (file, code) => {
  expect(await ruleIds(file, code)).toContain("no-restricted-imports");
});

test("the model may not read the clock or an unseeded random generator", async () => {
  const ids = await ruleIds("src/model/x.ts", "export const a = Date.now();\nexport const b = Math.random();\nexport const c = new Date();\n");
  expect(ids.filter((i) => i === "no-restricted-properties")).toHaveLength(2);
  expect(ids).toContain("no-restricted-syntax");
});

test.each([
  ["src/taskpane/x.ts", "export const x = () => Excel.run(async (ctx) => ctx.sync());\n"],
  ["src/preview/x.ts", "export const runner = Excel.run;\n"],
  ["src/functions/x.ts", "export const x = () => globalThis.Excel.run(async () => 1);\n"],
  ["src/model/x.ts", "export const x = () => Excel.run(async () => 1);\n"],
])("%s may not use Excel.run (only src/excel does)", async (file, code) => {
  expect(await ruleIds(file, code)).toContain("no-restricted-syntax");
});

test("Excel.run is the Office.js adapter's, and a double may define a run of its own", async () => {
  expect(await ruleIds("src/excel/x.ts", "export const x = () => Excel.run(async (ctx) => ctx.sync());\n")).toEqual([]);
  expect(await ruleIds("src/preview/x.ts", "export class Double {\n  run<T>(f: () => T): T {\n    return f();\n  }\n}\nexport const x = new Double().run(() => 1);\n")).toEqual([]);
});

test("allowed imports pass", async () => {
  expect(await ruleIds("src/excel/x.ts", 'import { buildPlan } from "../plan/build";\nexport const x = buildPlan;\n')).toEqual([]);
  expect(await ruleIds("src/xlsx/x.ts", 'import { resolvePlanScenarios } from "../plan/scenarios";\nexport const x = resolvePlanScenarios;\n')).toEqual([]);
  expect(await ruleIds("src/taskpane/x.ts", 'import { parseRegistry } from "../excel/registry";\nexport const x = parseRegistry;\n')).toEqual([]);
  expect(await ruleIds("src/functions/x.ts", 'import { ok } from "../model/result";\nexport const x = ok;\n')).toEqual([]);
  expect(await ruleIds("src/taskpane/x.ts", 'import { ASSUMPTIONS } from "../model/assumptions";\nexport const x = ASSUMPTIONS;\n')).toEqual([]);
});
