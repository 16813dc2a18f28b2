/** The README's model-vs-reported and seed-to-base tables are the model's numbers, not copies that drift. */
import * as fs from "fs";
import * as path from "path";
import { reconcile, SEED_TO_BASE_SOURCES } from "../../src/model/reconcile";
import { reportedVsModel } from "../../src/model/reportedVsModel";
import { runScenario } from "../../src/model/scenarioModel";

const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");

function model(name: string) {
  const m = runScenario(name);
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

/** The table rows between a heading-like marker and the next blank line, as cells. */
function tableAfter(marker: string): string[][] {
  const at = readme.indexOf(marker);
  expect(at).toBeGreaterThanOrEqual(0);
  const lines = readme.slice(at).split("\n");
  const start = lines.findIndex((l) => l.startsWith("| "));
  const rows: string[][] = [];
  for (const l of lines.slice(start)) {
    if (!l.startsWith("|")) break;
    rows.push(l.split("|").slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(2); // header and separator
}

const num = (s: string) => Number(s.replace(/[,%+]/g, "").replace("−", "-"));

test("the README's model-vs-reported table is reportedVsModel(base), in USD millions to 0.1 and variances to 0.1%", () => {
  const rows = tableAfter("<!-- reported-vs-model:start -->");
  const expected = reportedVsModel(model("base"));
  expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r.period));
  rows.forEach((r, i) => {
    expect(num(r[1])).toBeCloseTo(expected[i].reported / 1e6, 1);
    expect(num(r[2])).toBeCloseTo(expected[i].model / 1e6, 1);
    expect(num(r[3])).toBeCloseTo(expected[i].varianceRate * 100, 1);
  });
});

test("the README's seed-to-base table is reconcile(seed, base) in USD millions", () => {
  const rows = tableAfter("### From the seed to the public record");
  const steps = reconcile(model("seed"), model("base"), SEED_TO_BASE_SOURCES);
  if (!steps.ok) throw new Error(steps.error.message);
  expect(rows).toHaveLength(steps.value.length);
  rows.forEach((r, i) => {
    expect(num(r[1])).toBe(steps.value[i].mw);
    expect(num(r[2])).toBeCloseTo(steps.value[i].value / 1e6, 1);
    expect(num(r[3])).toBeCloseTo(steps.value[i].npv / 1e6, 1);
  });
});
