/** The README's model-vs-reported, seed-to-base, value and tornado tables are the model's numbers, not copies that drift. */
import * as fs from "fs";
import * as path from "path";
import { reconcile, SEED_TO_BASE_SOURCES } from "../../src/model/reconcile";
import { reportedVsModel } from "../../src/model/reportedVsModel";
import { dealNpv, runScenario } from "../../src/model/scenarioModel";
import { resolveScenario } from "../../src/model/scenarios";
import { tornado } from "../../src/model/sensitivity";
import { LEASES } from "../../src/model/leases/data";
import { recentMarketRent } from "../../src/model/leases/market";
import { leaseStat, percentileOf, usdPerMwYear } from "../../src/model/leases/normalise";
import { defaultRiskSpec } from "../../src/model/risk/spec";
import { cashFlowModel, dealValue } from "../../src/model/valuation";

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
  const lines = readme.slice(at).split("\n").map((l) => l.trim()); // a table may sit indented under a list item
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

test("the README's value table is DEAL_VALUE by scenario (no options, both options) beside the gross-profit NPV, in USD millions", () => {
  const rows = tableAfter("### Value: free cash flow, its rate, and what moves it");
  expect(rows.map((r) => r[0])).toEqual(["base", "seed", "bull", "bear"]);
  for (const r of rows) {
    const m = model(r[0]);
    const v = m.scenario.values;
    const value = (renewals: number) => {
      const c = cashFlowModel({ name: r[0], values: { ...v, renewal_options: renewals } });
      if (!c.ok) throw new Error(c.error.message);
      const x = dealValue(c.value);
      if (!x.ok) throw new Error(x.error.message);
      return x.value / 1e6;
    };
    expect(num(r[1])).toBeCloseTo(v.discount_rate * 100, 6);
    const npv = dealNpv(m, v.discount_rate);
    if (!npv.ok) throw new Error(npv.error.message);
    expect(num(r[2])).toBeCloseTo(npv.value / 1e6, 1);
    expect(num(r[3])).toBeCloseTo(value(v.renewal_options), 1);
    expect(num(r[4])).toBeCloseTo(value(0), 1);
    expect(num(r[5])).toBeCloseTo(value(2), 1);
  }
});

test("the README's tornado table is the top five of tornado(base), in order, in USD millions", () => {
  const rows = tableAfter("moves alone between a low and a high case");
  const base = resolveScenario("base");
  if (!base.ok) throw new Error(base.error.message);
  const t = tornado(base.value);
  if (!t.ok) throw new Error(t.error.message);
  expect(rows).toHaveLength(5);
  rows.forEach((r, i) => {
    const bar = t.value.bars[i];
    expect(r[0]).toContain(`(\`${bar.key}\`)`);
    expect(num(r[2])).toBeCloseTo(bar.valueLow / 1e6, 1);
    expect(num(r[3])).toBeCloseTo(bar.valueHigh / 1e6, 1);
  });
});

test("the README's deal library table is LEASES, on one basis, and the figures under it are the model's", () => {
  const rows = tableAfter("<!-- leases:start -->");
  expect(rows.map((r) => r[0].replace(/`/g, ""))).toEqual(LEASES.map((l) => l.id));
  rows.forEach((r, i) => {
    const l = LEASES[i];
    expect(num(r[3])).toBeCloseTo(l.contractValueUsd.value / 1e9, 2);
    expect(num(r[4])).toBe(l.termYears.value);
    expect(r[5]).toBe(l.announced);
    const y = usdPerMwYear(l);
    if ("value" in y) expect(num(r[6])).toBeCloseTo(y.value / 1e6, 3);
    else expect(r[6]).toMatch(/^n\/a/);
    expect(r[7].startsWith(l.comparable ? "yes" : "no")).toBe(true);
    expect(r[8]).toContain(l.contractValueUsd.source.url);
  });
  const median = leaseStat("usdPerMwYear", "median");
  const count = leaseStat("usdPerMwYear", "count");
  const pct = percentileOf("corz-coreweave", "usdPerMwYear");
  if (!median.ok || !count.ok || !pct.ok) throw new Error("the library's statistics must compute");
  expect(readme).toContain(`gives **$${Math.round(median.value).toLocaleString("en-US")} per MW-year**, the median of\n  the ${count.value} comparable deals`);
  expect(readme).toContain(`gives **${pct.value.toFixed(4)}** (1/${count.value - 1})`);
  const m = recentMarketRent();
  expect(readme).toContain(`is **$${(m.value / 1e6).toFixed(3)}M per MW-year**`);
  expect(readme).toContain(`(${m.since} to ${m.through}, ${m.count} deals)`);
  const base = model("base").scenario.values;
  expect(readme).toContain(`(\`renewal_repricing\`, +${(base.renewal_repricing * 100).toFixed(2)}%`);
  expect(readme).toContain(`a recovery of ${(defaultRiskSpec(base).default.recovery * 100).toFixed(1)}% of the scheduled revenue`);
});

test("the README's TCV incl. options for bull is the model's, in the prose and in DEAL_TCV's help", () => {
  const bull = model("bull");
  const text = `$${(bull.tcvInclOptions / 1e9).toFixed(2)}B`;
  expect(text).toBe("$20.55B");
  expect(readme).toContain(`renewal options" rows) is ${text} in bull`);
  expect(readme).toContain(`(bull ${text})`);
});
