/**
 * Every custom function, fuzzed: 10,000 generated argument lists each, of everything Excel
 * could hand a function (blanks, text, booleans, error values, NaN and ±Infinity, huge,
 * negative and fractional numbers, dates as serials, 2-D ranges of any of those) and some
 * shapes it never would (empty and ragged arrays, bare 1-D arrays), mixed with plausible
 * arguments (the names the functions' own descriptions quote, assumption and risk-setting
 * names, override ranges, pipeline tables) so the deep paths run too.
 *
 * Every answer is one of: a finite number (scalar functions); a non-empty rectangular 2-D
 * array of finite numbers, text, booleans or Excel errors (spilling functions); or a thrown
 * CustomFunctions.Error with a known code, with a message on #VALUE! and #N/A, and never the
 * "internal error" that errors.ts makes of a bug. Arguments are frozen: a function that
 * writes into its inputs fails. The functions come from the build's metadata, so a new
 * function is fuzzed without being named here, and the last test fails if one was not.
 */
import fc from "fast-check";
import { ASSUMPTIONS } from "../../src/model/assumptions";
import { PEERS } from "../../src/model/peers/data";
import { RISK_SETTINGS } from "../../src/model/risk/settings";
import { FUNCTIONS } from "../../src/taskpane/catalog";
import { CustomFunctionInfo, ParameterInfo, loadCustomFunctions } from "../support/customFunctions";
import { deepFreeze } from "../model/helpers";

const RUNS = 10_000;
const CODES = new Set(["#VALUE!", "#N/A", "#NUM!", "#DIV/0!"]);

let functions: Map<string, CustomFunctionInfo>;
const runs = new Map<string, number>();
/** Runs that returned a value (not an error), per function: the generators must reach the computation. */
const answered = new Map<string, number>();

beforeAll(async () => {
  functions = new Map((await loadCustomFunctions()).map((f) => [f.id, f]));
}, 60000);

// ---- what Excel can pass ---------------------------------------------------------------

/** Words the functions understand: every "quoted" word of the descriptions, assumption keys and labels, risk settings, peers. */
const WORDS = [
  ...new Set([
    ...FUNCTIONS.flatMap((f) => [f.description, ...f.parameters.map((p) => p.description)].flatMap((d) => [...d.matchAll(/"([^"]{1,40})"/g)].map((m) => m[1]))),
    ...ASSUMPTIONS.flatMap((a) => [a.key, a.label]),
    ...RISK_SETTINGS.map((s) => s.key),
    ...PEERS.flatMap((p) => [p.id, p.name]),
    "scenario",
    "assumption",
    "value",
  ]),
];

const errorValue = fc.constantFrom({ type: "Error", code: "#N/A" }, { type: "Error", code: "#VALUE!" }, { code: "#DIV/0!" });
const numberish = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0, subnormals and ±1.8e308
  fc.integer({ min: -100, max: 100 }),
  fc.integer({ min: 1890, max: 2110 }), // years
  fc.integer({ min: 1, max: 2_958_465 }), // Excel date serials
  fc.double({ min: -2, max: 2, noNaN: true }), // rates, shares, percentiles
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324, 0.1, 0.5, 0.9, 1, 0, -1),
);
const text = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...WORDS).map((w) => ` ${w.toUpperCase()} `),
  fc.string({ maxLength: 12 }),
  numberish.map((n) => String(n)), // numbers typed as text
  fc.constantFrom("10%", "2,027", "1e400", "-", "%", ",", "NaN", "Infinity", "TRUE"),
);
const blank = fc.constantFrom(null, undefined, "");
const scalar: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: numberish }, { weight: 3, arbitrary: text }, { weight: 1, arbitrary: blank }, { weight: 1, arbitrary: fc.boolean() }, { weight: 1, arbitrary: errorValue });

/** Rectangular ranges, as Excel passes them. */
const range = (cell: fc.Arbitrary<unknown>, maxRows = 6, maxCols = 8) =>
  fc.integer({ min: 1, max: maxCols }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: maxRows }));

/** Shapes Excel never passes, which must still not break a function. */
const wrongShape = fc.oneof(
  fc.constant([]),
  fc.constant([[]]),
  fc.array(scalar, { maxLength: 4 }), // 1-D
  fc.array(fc.array(scalar, { maxLength: 4 }), { minLength: 2, maxLength: 4 }), // ragged
);

/** `assumption | value` rows with real names and values in and out of range. */
const overrides = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...ASSUMPTIONS.map((a) => a.key), ...RISK_SETTINGS.map((s) => s.key), "scenario"), text, blank), fc.oneof(numberish, text, blank, fc.boolean())),
  { minLength: 1, maxLength: 5 },
);

/** Seven-column pipeline tables: prospect | category | MW | price | start | term | probability. */
const pipeline = range(scalar, 5, 7).map((rows) => rows.map((r) => r.slice(0, 7))).filter((rows) => rows[0].length === 7);
const plausiblePipeline = fc.array(
  fc.tuple(text, text, numberish, fc.oneof(numberish, blank), fc.integer({ min: 2020, max: 2045 }), fc.integer({ min: 0, max: 30 }), fc.double({ min: -0.5, max: 1.5, noNaN: true })),
  { minLength: 1, maxLength: 5 },
);

function argumentFor(p: ParameterInfo): fc.Arbitrary<unknown> {
  // Monte Carlo sizes stay small (a valid 1,000,000, or a blank's default 10,000, would be a
  // real simulation per call); refused sizes of every kind still come through.
  if (p.name === "paths") return fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(0, -5, 2.5, 1e7, Number.NaN, "ten", true, [[10, 20]]));
  if (p.matrix) {
    return fc.oneof(
      { weight: 2, arbitrary: scalar.map((v) => [[v]]) }, // one cell
      { weight: 2, arbitrary: overrides },
      { weight: 1, arbitrary: plausiblePipeline },
      { weight: 1, arbitrary: pipeline },
      { weight: 2, arbitrary: range(scalar) },
      { weight: 1, arbitrary: blank },
      { weight: 1, arbitrary: scalar },
      { weight: 1, arbitrary: wrongShape },
    );
  }
  return fc.oneof({ weight: 8, arbitrary: scalar }, { weight: 1, arbitrary: range(scalar, 3, 3) }, { weight: 1, arbitrary: wrongShape });
}

// ---- plausible arguments, read from each parameter's name and description -----------------

/** An override within the assumption's or risk setting's bounds (dates as their base ISO text). */
const validOverride = fc.oneof(
  fc.constantFrom(...ASSUMPTIONS).chain((a) =>
    (typeof a.min === "number" && typeof a.max === "number"
      ? a.kind === "integer"
        ? fc.integer({ min: Math.ceil(a.min), max: Math.floor(a.max) })
        : fc.double({ min: a.min, max: a.max, noNaN: true })
      : fc.constant(a.base)
    ).map((v): [string, unknown] => [a.key, v]),
  ),
  fc.constantFrom(...RISK_SETTINGS).chain((r) => fc.double({ min: r.min, max: r.max, noNaN: true }).map((v): [string, unknown] => [r.key, v])),
  fc.constantFrom("base", "bull", "bear").map((v): [string, unknown] => ["scenario", v]),
);

function plausibleFor(f: CustomFunctionInfo, p: ParameterInfo): fc.Arbitrary<unknown> {
  // The function's own parameter: two functions may give one name different words (PEER's and LEASE's metric).
  const description = FUNCTIONS.find((g) => g.id === f.id)?.parameters.find((q) => q.name === p.name)?.description ?? "";
  const quoted = [...description.matchAll(/"([^"]{1,40})"/g)].map((m) => m[1]);
  const maybeBlank = (a: fc.Arbitrary<unknown>) => (p.optional ? fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: blank }) : a);
  if (p.name === "paths") return fc.integer({ min: 1, max: 40 });
  if (p.name === "seed") return maybeBlank(fc.integer({ min: 0, max: 1000 }));
  if (p.name === "scenario") return maybeBlank(fc.oneof(fc.constantFrom([["base"]], [["bull"]], [["bear"]]), fc.array(validOverride, { minLength: 1, maxLength: 4 })));
  if (p.name === "pipeline") return maybeBlank(plausiblePipeline.map((rows) => rows.map(([a, b, mw, price, start, term, prob]) => [a, b, Math.abs(Number(mw)) % 500, price, start, Math.max(1, term), Math.min(1, Math.max(0, prob))])));
  if (p.matrix) return maybeBlank(range(fc.double({ min: 0, max: 1e9, noNaN: true }), 6, 3));
  if (/contract_year/.test(p.name)) return maybeBlank(fc.integer({ min: 1, max: 40 }));
  if (/year/.test(p.name)) return maybeBlank(fc.integer({ min: 2015, max: 2045 }));
  if (/per_mw$/.test(p.name)) return maybeBlank(fc.integer({ min: 100_000, max: 10_000_000 })); // USD per MW: a build costs millions
  if (/rate|percentile|uptime|probability|share/.test(p.name)) return maybeBlank(fc.double({ min: 0, max: 1, noNaN: true }));
  if (quoted.length > 0) return maybeBlank(fc.constantFrom(...quoted));
  return maybeBlank(fc.double({ min: 0, max: 1000, noNaN: true }));
}

/**
 * Argument lists: every parameter plausible, or each a mix of plausible and junk; either way
 * sometimes cut short (omitted optional arguments, or too few).
 */
function argumentLists(f: CustomFunctionInfo): fc.Arbitrary<unknown[]> {
  const plausible = fc.tuple(...f.parameters.map((p) => plausibleFor(f, p))) as fc.Arbitrary<unknown[]>;
  const mixed = fc.tuple(...f.parameters.map((p) => fc.oneof(plausibleFor(f, p), argumentFor(p)))) as fc.Arbitrary<unknown[]>;
  // Mostly every argument; never without `paths` (see argumentFor).
  const least = f.parameters.findIndex((p) => p.name === "paths") + 1;
  const cut = fc.integer({ min: least, max: f.parameters.length + 3 }).map((n) => Math.min(n, f.parameters.length));
  return fc.tuple(fc.oneof(plausible, mixed), cut).map(([args, n]) => args.slice(0, n));
}

// ---- what may come back ------------------------------------------------------------------

function isExcelError(e: unknown): e is { code: string; message: string } {
  return e instanceof CustomFunctions.Error;
}

/** Why a returned value is not a well-formed answer, or undefined when it is. */
function badResult(f: CustomFunctionInfo, v: unknown): string | undefined {
  if (!f.spills) return typeof v === "number" && Number.isFinite(v) ? undefined : `expected a finite number, got ${String(v)}`;
  if (!Array.isArray(v) || v.length === 0) return `expected a non-empty 2-D array, got ${JSON.stringify(v)}`;
  const width = Array.isArray(v[0]) ? v[0].length : -1;
  if (width < 1) return "the first row is not a non-empty array";
  for (const row of v) {
    if (!Array.isArray(row) || row.length !== width) return `rows of different widths (${width} and ${Array.isArray(row) ? row.length : "not an array"})`;
    for (const c of row) {
      const okCell = (typeof c === "number" && Number.isFinite(c)) || typeof c === "string" || typeof c === "boolean" || (isExcelError(c) && CODES.has(c.code));
      if (!okCell) return `a cell holds ${String(c)}`;
    }
  }
  return undefined;
}

/** Why a thrown value is not a proper Excel error, or undefined when it is. */
function badThrow(e: unknown): string | undefined {
  if (!isExcelError(e)) return `threw something other than CustomFunctions.Error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  if (!CODES.has(e.code)) return `unexpected error code ${e.code}`;
  if ((e.code === "#VALUE!" || e.code === "#N/A") && e.message.trim() === "") return `${e.code} without a message`;
  if (/internal error/i.test(e.message)) return `a bug surfaced as ${e.code}: ${e.message}`;
  return undefined;
}

function check(f: CustomFunctionInfo, args: unknown[]): void {
  let problem: string | undefined;
  try {
    problem = badResult(f, f.fn(...args));
    answered.set(f.id, (answered.get(f.id) ?? 0) + 1);
  } catch (e) {
    problem = badThrow(e);
  }
  runs.set(f.id, (runs.get(f.id) ?? 0) + 1);
  if (problem) throw new Error(`${f.id}(${args.map((a) => JSON.stringify(a) ?? "undefined").join(", ")}): ${problem}`);
}

test.each(FUNCTIONS.map((f) => f.id))(`%s: ${RUNS.toLocaleString("en-US")} generated argument lists, every answer well-formed`, (id) => {
  const f = functions.get(id);
  if (!f) throw new Error(`${id} is in the catalogue but not in the metadata`);
  fc.assert(
    fc.property(argumentLists(f), (args) => check(f, deepFreeze(args))),
    { numRuns: RUNS },
  );
});

test("the checks are not vacuous: a value, a bad array, a plain exception and a disguised bug are each refused", () => {
  const scalarF = { id: "X", parameters: [], spills: false, fn: () => 0 } as CustomFunctionInfo;
  const spillF = { ...scalarF, spills: true };
  expect(badResult(scalarF, Number.NaN)).toBeDefined();
  expect(badResult(scalarF, [[1]])).toBeDefined();
  expect(badResult(spillF, [[1, 2], [3]])).toBeDefined();
  expect(badResult(spillF, [[1, Number.POSITIVE_INFINITY]])).toBeDefined();
  expect(badResult(spillF, [[1, undefined]])).toBeDefined();
  expect(badResult(spillF, [])).toBeDefined();
  expect(badResult(spillF, [["a", 1, true]])).toBeUndefined();
  expect(badThrow(new TypeError("x is undefined"))).toBeDefined();
  expect(badThrow(new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue))).toBeDefined();
  expect(badThrow(new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "internal error: boom"))).toBeDefined();
  expect(badThrow(new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber))).toBeUndefined();
  expect(() => deepFreeze([[1]])[0].push(2)).toThrow(TypeError);
});

test("every function in the metadata had its property run, each with at least 10,000 argument lists", () => {
  const ids = [...functions.keys()];
  expect(ids.length).toBeGreaterThan(0);
  const short = ids.filter((id) => (runs.get(id) ?? 0) < RUNS).map((id) => `${id}: ${runs.get(id) ?? 0}`);
  expect(short).toEqual([]);
});

test("the generated arguments reach the computation: at least 5% of each function's runs return a value", () => {
  console.warn([...runs.keys()].map((id) => `${id} ${(((answered.get(id) ?? 0) / (runs.get(id) ?? 1)) * 100).toFixed(1)}%`).join(", "));
  const rare = [...functions.keys()].filter((id) => (answered.get(id) ?? 0) < 0.05 * (runs.get(id) ?? 0));
  expect(rare).toEqual([]);
});
