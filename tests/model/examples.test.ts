/**
 * Docs as code: every `@example <call> // <number or true/false> [unit or note]` in any file under
 * src/model is re-run against its module's exports, and must match to half the last decimal
 * shown (a boolean exactly).
 */
import * as fs from "fs";
import * as path from "path";
import * as miningParams from "../../src/model/mining/params";
import * as leasesData from "../../src/model/leases/data";
import { resolveScenario } from "../../src/model/scenarios";

const MODEL_DIR = path.join(__dirname, "../../src/model");

/** Names an example may use beyond its own module's exports. */
const BASE_VALUES = (() => {
  const r = resolveScenario("base");
  if (!r.ok) throw new Error(r.error.message);
  return r.value.values;
})();
const EXTRA_SCOPE: Record<string, object> = {
  "leases/normalise.ts": leasesData, // its examples pick deals from LEASES
  "leases/query.ts": leasesData,
  "mining/perMw.ts": miningParams, // its example starts from miningParams
  "risk/input.ts": { BASE_VALUES }, // the base scenario's assumption values
};

/** Every .ts file under src/model, as paths relative to it. */
function modelFiles(dir = MODEL_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return modelFiles(full);
    return e.name.endsWith(".ts") ? [path.relative(MODEL_DIR, full).split(path.sep).join("/")] : [];
  });
}

interface Example {
  readonly file: string;
  readonly line: number;
  readonly expr: string;
  readonly expectedText: string;
}

const EXAMPLE_RE = /@example\s+(.*?)\s+\/\/\s*(.*)$/;
const NUMBER_RE = /^([-+]?(?:\d[\d_,]*)?(?:\.\d[\d_]*)?(?:e[-+]?\d+)?)(?=\s|$|\()/i;

/** The expected number in "1_458_333.33 USD per MW-year", and the tolerance its decimals imply; or a boolean. */
function parseExpected(text: string): { value: number; tolerance: number } | { value: boolean; tolerance: 0 } | undefined {
  const b = /^(true|false)(?=\s|$|\()/.exec(text.trim());
  if (b) return { value: b[1] === "true", tolerance: 0 };
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
  for (const file of modelFiles().sort()) {
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
  const mod: object = { ...EXTRA_SCOPE[file], ...(require(path.join(MODEL_DIR, file)) as object) };
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

  test("true and false are expected booleans", () => {
    expect(parseExpected("true")).toEqual({ value: true, tolerance: 0 });
    expect(parseExpected("false (no change)")).toEqual({ value: false, tolerance: 0 });
    expect(parseExpected("truly")).toBeUndefined();
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
    // Subfolders are searched too: the risk engine's examples run.
    for (const f of ["risk/random.ts", "risk/stats.ts", "risk/input.ts", "risk/spec.ts"]) expect(files).toContain(f);
  });

  test.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))("%s re-runs", (_, e) => {
    const { value, tolerance } = parseExpected(e.expectedText)!;
    const got = evaluate(e.file, e.expr);
    if (typeof value === "boolean") {
      expect(got).toBe(value);
      return;
    }
    expect(typeof got).toBe("number");
    expect(Math.abs((got as number) - value)).toBeLessThanOrEqual(tolerance);
  });
});
