/**
 * Docs as code for src/model/record: every `@example <call> // <number> [unit]` line is
 * re-run against the record's exports and must match to half the last decimal shown.
 */
import * as fs from "fs";
import * as path from "path";
import * as record from "../../../src/model/record";

const DIR = path.join(__dirname, "../../../src/model/record");
const EXAMPLE_RE = /@example\s+(.*?)\s+\/\/\s*(.*)$/;

function expected(text: string): { value: number; tolerance: number } {
  const m = /^([-+]?\d[\d_,]*(?:\.\d+)?)/.exec(text.trim());
  if (!m) throw new Error(`no number after // in "${text}"`);
  const digits = m[1].replace(/[_,]/g, "");
  const decimals = digits.includes(".") ? digits.split(".")[1].length : 0;
  return { value: Number(digits), tolerance: 0.5 * 10 ** -decimals };
}

function run(expr: string): unknown {
  const names = Object.keys(record).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
  const fn = new Function(...names, `"use strict"; return (${expr});`);
  const v: unknown = fn(...names.map((n) => (record as Record<string, unknown>)[n]));
  if (typeof v === "object" && v !== null && "ok" in v) {
    const r = v as { ok: boolean; value?: unknown };
    if (!r.ok) throw new Error(`${expr} returned an error`);
    return r.value;
  }
  return v;
}

const examples = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".ts"))
  .flatMap((file) =>
    fs
      .readFileSync(path.join(DIR, file), "utf8")
      .split("\n")
      .map((line, i) => ({ at: `${file}:${i + 1}`, m: EXAMPLE_RE.exec(line.replace(/\*\/\s*$/, "")) }))
      .filter((e) => e.m !== null)
      .map((e) => ({ at: e.at, expr: e.m![1], text: e.m![2] })),
  );

test("the record's helpers carry examples", () => {
  expect(examples.length).toBeGreaterThanOrEqual(9);
});

test.each(examples.map((e) => [e.at, e] as const))("%s re-runs", (_, e) => {
  const { value, tolerance } = expected(e.text);
  const got = run(e.expr);
  expect(typeof got).toBe("number");
  expect(Math.abs((got as number) - value)).toBeLessThanOrEqual(tolerance);
});
