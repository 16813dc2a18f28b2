/**
 * Shared helpers for the model tests (not a test file: jest only runs *.test.ts).
 */
import fc from "fast-check";
import { ASSUMPTIONS, AssumptionSpec } from "../../src/model/assumptions";
import { parseIso, toExcelSerial } from "../../src/model/dates";
import { Result } from "../../src/model/result";
import { Override } from "../../src/model/scenarios";
import { ScenarioModel, runScenario } from "../../src/model/scenarioModel";

/** The value of a successful result; fails the test (with the error) otherwise. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

/** Runs a scenario and returns the model; fails the test on an error. */
export function model(name: string, overrides: readonly Override[] = []): ScenarioModel {
  return unwrap(runScenario(name, overrides));
}

/** |a - b| <= rel * max(|a|, |b|, floor). */
export function relClose(a: number, b: number, rel: number, floor = 1): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), floor);
}

/** Freezes an object and everything reachable from it. */
export function deepFreeze<T>(x: T): T {
  if (typeof x === "object" && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

/** Every number reachable from `x`, with its path. */
export function numbersIn(x: unknown, path = "$"): Array<[string, number]> {
  if (typeof x === "number") return [[path, x]];
  if (Array.isArray(x)) return x.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (typeof x === "object" && x !== null) {
    return Object.entries(x).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  }
  return [];
}

export function serialOf(iso: string): number {
  return toExcelSerial(unwrap(parseIso(iso)));
}

export function spec(key: string): AssumptionSpec {
  const s = ASSUMPTIONS.find((a) => a.key === key);
  if (!s) throw new Error(`no assumption ${key}`);
  return s;
}

/** A valid value for one assumption, anywhere within its bounds (dates as serials or ISO text). */
export function validValue(s: AssumptionSpec): fc.Arbitrary<number | string> {
  switch (s.kind) {
    case "integer":
      return fc.integer({ min: Number(s.min), max: Number(s.max) });
    case "date": {
      const lo = serialOf(String(s.min));
      const hi = serialOf(String(s.max));
      return fc.oneof(
        fc.integer({ min: lo, max: hi }),
        fc.integer({ min: lo, max: hi }).map((n) => isoOfSerial(n)),
      );
    }
    default:
      return fc.double({ min: Number(s.min), max: Number(s.max), noNaN: true });
  }
}

function isoOfSerial(serial: number): string {
  // 1899-12-30 + serial days, in UTC so the machine's time zone cannot matter.
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** A random set of overrides drawn from every assumption's own bounds. */
export const anyValidOverrides: fc.Arbitrary<Override[]> = fc
  .subarray(ASSUMPTIONS.slice(), { minLength: 0 })
  .chain((specs) =>
    specs.length === 0
      ? fc.constant<Override[]>([])
      : fc.tuple(...specs.map((s) => validValue(s).map((v): Override => [s.key, v]))),
  );
