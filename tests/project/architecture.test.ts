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
])("%s may not import what it imports", async (file, code) => {
  expect(await ruleIds(file, code)).toContain("no-restricted-imports");
});

test("the model may not read the clock or an unseeded random generator", async () => {
  const ids = await ruleIds("src/model/x.ts", "export const a = Date.now();\nexport const b = Math.random();\nexport const c = new Date();\n");
  expect(ids.filter((i) => i === "no-restricted-properties")).toHaveLength(2);
  expect(ids).toContain("no-restricted-syntax");
});

test("allowed imports pass", async () => {
  expect(await ruleIds("src/functions/x.ts", 'import { ok } from "../model/result";\nexport const x = ok;\n')).toEqual([]);
  expect(await ruleIds("src/taskpane/x.ts", 'import { ASSUMPTIONS } from "../model/assumptions";\nexport const x = ASSUMPTIONS;\n')).toEqual([]);
});
