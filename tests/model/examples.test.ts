/**
 * Docs as code: every `@example <call> // <number> [unit or note]` in src/model (and in the subfolder files MODULES lists) is
 * re-run against its module's exports, and must match to half the last decimal shown.
 */
import * as fs from "fs";
import * as path from "path";
import * as asOf from "../../src/model/asOf";
import * as assumptions from "../../src/model/assumptions";
import * as capacity from "../../src/model/capacity";
import * as dates from "../../src/model/dates";
import * as deal from "../../src/model/deal";
import * as finance from "../../src/model/finance";
import * as margins from "../../src/model/margins";
import * as miningParams from "../../src/model/mining/params";
import * as miningPerMw from "../../src/model/mining/perMw";
import * as miningUnits from "../../src/model/mining/units";
import * as concentration from "../../src/model/customers/concentration";
import * as leasesData from "../../src/model/leases/data";
import * as market from "../../src/model/leases/market";
import * as normalise from "../../src/model/leases/normalise";
import * as ramp from "../../src/model/ramp";
import * as riskSpec from "../../src/model/risk/spec";
import * as result from "../../src/model/result";
import * as scenarioModel from "../../src/model/scenarioModel";
import * as scenarios from "../../src/model/scenarios";

const MODEL_DIR = path.join(__dirname, "../../src/model");

const MODULES: Record<string, object> = {
  "asOf.ts": asOf,
  "assumptions.ts": assumptions,
  "capacity.ts": capacity,
  "dates.ts": dates,
  "deal.ts": deal,
  "finance.ts": finance,
  "margins.ts": margins,
  "mining/perMw.ts": { ...miningParams, ...miningPerMw }, // its example starts from miningParams
  "mining/units.ts": miningUnits,
  "customers/concentration.ts": concentration,
  "leases/market.ts": market,
  "leases/normalise.ts": { ...leasesData, ...normalise }, // its examples pick deals from LEASES
  "risk/spec.ts": riskSpec,
  "ramp.ts": ramp,
  "result.ts": result,
  "scenarioModel.ts": scenarioModel,
  "scenarios.ts": scenarios,
};

interface Example {
  readonly file: string;
  readonly line: number;
  readonly expr: string;
  readonly expectedText: string;
}

const EXAMPLE_RE = /@example\s+(.*?)\s+\/\/\s*(.*)$/;
const NUMBER_RE = /^([-+]?(?:\d[\d_,]*)?(?:\.\d[\d_]*)?(?:e[-+]?\d+)?)(?=\s|$|\()/i;

/** The expected number in "1_458_333.33 USD per MW-year", and the tolerance its decimals imply. */
function parseExpected(text: string): { value: number; tolerance: number } | undefined {
  const m = NUMBER_RE.exec(text.trim());
  if (!m || !/\d/.test(m[1])) return undefined;
  const digits = m[1].replace(/[_,]/g, "");
  const value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  const [mantissa, exponent] = digits.toLowerCase().split("e");
  const decimals = mantissa.includes(".") ? mantissa.split(".")[1].length : 0;
  const tolerance = 0.5 * 10 ** (Number(exponent ?? 0) - decimals);
  return { value, tolerance };
}

function collectExamples(): Example[] {
  const out: Example[] = [];
  // Every file at the top of src/model, plus the files in subfolders that MODULES lists.
  const top = fs.readdirSync(MODEL_DIR).filter((f) => f.endsWith(".ts"));
  const files = [...new Set([...top, ...Object.keys(MODULES).filter((f) => f.includes("/"))])];
  for (const file of files.sort()) {
    fs.readFileSync(path.join(MODEL_DIR, file), "utf8")
      .split("\n")
      .forEach((text, i) => {
        const m = EXAMPLE_RE.exec(text.replace(/\*\/\s*$/, ""));
        if (m) out.push({ file, line: i + 1, expr: m[1], expectedText: m[2].trim() });
      });
  }
  return out;
}

/** Evaluates an example expression with the module's exports in scope; unwraps a Result. */
function evaluate(file: string, expr: string): unknown {
  const mod = MODULES[file];
  if (!mod) throw new Error(`${file} has @example lines but no module in the MODULES map`);
  const names = Object.keys(mod).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
  const fn = new Function(...names, `"use strict"; return (${expr});`);
  const v: unknown = fn(...names.map((n) => (mod as Record<string, unknown>)[n]));
  if (typeof v === "object" && v !== null && "ok" in v) {
    const r = v as { ok: boolean; value?: unknown; error?: { kind: string; message: string } };
    if (!r.ok) throw new Error(`returned #${r.error?.kind}: ${r.error?.message}`);
    return r.value;
  }
  return v;
}

const examples = collectExamples();

describe("the expected-value parser", () => {
  test.each([
    ["1_458_333.33 USD per MW-year", 1458333.33, 0.005],
    ["1,101,447.36 USD", 1101447.36, 0.005],
    ["0.0866 (Excel's documentation example)", 0.0866, 0.00005],
    ["45658", 45658, 0.5],
    ["-3.5e9 USD", -3.5e9, 0.5e8],
    ["2024.5 (day 183 of a 366-day year)", 2024.5, 0.05],
  ])("%p", (text, value, tolerance) => {
    const p = parseExpected(text)!;
    expect(p.value).toBe(value);
    expect(p.tolerance).toBeCloseTo(tolerance, 12);
  });

  test("text without a leading number is not an expected value", () => {
    expect(parseExpected("USD 5")).toBeUndefined();
    expect(parseExpected("")).toBeUndefined();
  });
});

describe("@example lines in src/model", () => {
  test("are found (one per documented function at least) and each has a number after //", () => {
    expect(examples.length).toBeGreaterThanOrEqual(13);
    for (const e of examples) {
      expect({ at: `${e.file}:${e.line}`, parsed: parseExpected(e.expectedText) !== undefined }).toEqual({
        at: `${e.file}:${e.line}`,
        parsed: true,
      });
    }
    // The finance examples are Excel's own documentation examples; they must stay covered.
    const files = new Set(examples.map((e) => e.file));
    for (const f of ["deal.ts", "finance.ts", "margins.ts", "ramp.ts", "dates.ts"]) expect(files).toContain(f);
  });

  test.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))("%s re-runs", (_, e) => {
    const { value, tolerance } = parseExpected(e.expectedText)!;
    const got = evaluate(e.file, e.expr);
    expect(typeof got).toBe("number");
    expect(Math.abs((got as number) - value)).toBeLessThanOrEqual(tolerance);
  });
});
