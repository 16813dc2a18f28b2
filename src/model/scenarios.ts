/**
 * Scenarios: the built-in base, bull and bear cases (each assumption with a one-line
 * rationale) and user overrides of any assumption. A resolved scenario is a flat record of
 * validated numbers (dates as Excel serials), ready for the deal and capacity models.
 */
import { ASSUMPTIONS, AssumptionSpec, assumptionSpec, findAssumption, retiredAssumption, sumToDecimals } from "./assumptions";
import { nameIndex, normaliseName } from "./names";
import { fromExcelSerial, parseIso, toExcelSerial, toIso } from "./dates";
import { Result, naError, ok, valueError } from "./result";
import { CORZ_OPTION3_8K, CORZ_Q1_2025, CORZ_Q4_2024_SUMMARY, SEED_BRIEF, cite } from "./sources";

export type Assumptions = Readonly<Record<string, number>>;

export interface ScenarioChange {
  readonly value: number | string;
  readonly rationale: string;
}

export interface ScenarioDef {
  readonly name: string;
  readonly description: string;
  /** Assumptions that differ from base, each with its rationale. */
  readonly changes: Readonly<Record<string, ScenarioChange>>;
}

export interface ResolvedScenario {
  readonly name: string;
  readonly values: Assumptions;
}

const SEED_AS_BRIEFED = `${SEED_BRIEF}: the contracts as the brief states them`;
/** The schedule guided before the slip (billing and energisation on the same day, as then modelled). */
const PRE_SLIP = (n: number, date: string, months: number, detail: string): Record<string, ScenarioChange> => {
  const why = `Schedule as guided before the slip: ${detail}`;
  return {
    [`t${n}_start`]: { value: date, rationale: why },
    [`t${n}_energised`]: { value: date, rationale: why },
    [`t${n}_ramp_months`]: { value: months, rationale: why },
  };
};

export const BUILT_IN_SCENARIOS: readonly ScenarioDef[] = [
  {
    name: "base",
    description:
      "The contracts on the public record at the data's as-of date: five CoreWeave tranches, 572 MW, $10.2B over 12 years (the Denton expansion included), billing calibrated to reported colocation revenue, 82.5% licence-fee margin (midpoint of the 80-85% target), no delay, no renewals; target 1 GW by 2027 against the MW contracted and energised, pipeline shown apart.",
    changes: {},
  },
  {
    name: "seed",
    description:
      "The seed brief exactly: four tranches, 500 MW, $8.7B over 12 years ($725M a year), 77.5% margin (midpoint of 75-80%), 570 MW of HPC with the ~70 MW reallocated from mining (not billed), the schedule as guided in late 2024.",
    changes: {
      t1_mw: {
        value: 198,
        rationale: `${SEED_AS_BRIEFED}: 500 MW in all. Filed as ~200 MW; set to 198 MW so the four tranches add up to the seed's 500 MW (filings: 200 + 70 + 112 + 120 = 502 MW, reported as ~500 MW).`,
      },
      t5_mw: { value: 0, rationale: `${SEED_AS_BRIEFED}: four tranches; the Denton expansion came later (2025-02-26).` },
      t5_value: { value: 0, rationale: `${SEED_AS_BRIEFED}: $8.7B in all, without the Denton expansion.` },
      realloc_mw: {
        value: 70,
        rationale: `${SEED_AS_BRIEFED}: ~100 MW reallocated from mining for CoreWeave raise total HPC capacity to 570 MW (500 + 70 MW of critical IT), with no value of their own.`,
      },
      licence_margin: { value: 0.775, rationale: `${SEED_BRIEF}: gross margins of 75% to 80%; the midpoint.` },
      ...PRE_SLIP(1, "2025-05-01", 8, cite(CORZ_Q1_2025, "first 8 MW billable at Denton by the end of May 2025, 250 MW billable by the end of 2025")),
      ...PRE_SLIP(2, "2025-09-01", 8, cite(CORZ_Q1_2025, "250 MW billable by the end of 2025")),
      ...PRE_SLIP(3, "2026-01-01", 9, cite(CORZ_Q4_2024_SUMMARY, "~590 MW by early 2027")),
      ...PRE_SLIP(4, "2026-07-01", 6, cite(CORZ_OPTION3_8K, "site work 2H25, operational 2H26")),
    },
  },
  {
    name: "bull",
    description:
      "Base, with CoreWeave renewing at the deal library's recent market rent (base's price change at renewal), the margin at the top of the 80-85% target and no spread over CoreWeave's unsecured notes (a 9% discount rate).",
    changes: {
      licence_margin: { value: 0.85, rationale: "Top of management's 80-85% cash gross margin target." },
      renewal_options: {
        value: 2,
        rationale: "CoreWeave takes both five-year options, at base's renewal price (the deal library's recent median rent): GPU clusters, once installed, rarely move.",
      },
      discount_spread: {
        value: 0,
        rationale:
          "No spread over CoreWeave's 9.000% notes due 2031 (a 9% discount rate): once the build is delivered, the contracts' credit is CoreWeave's unsecured notes, with no execution or site risk of Core Scientific's left to price.",
      },
    },
  },
  {
    name: "bear",
    description:
      "Base, with a supply-chain delay on sites not yet energised and the margin at the bottom of the 80-85% target. The discount rate stays base's 10%: CoreWeave's default is what the Monte Carlo (CORZ.DEAL_NPV_RISK) simulates, and a premium for it in the rate too would count the same risk twice.",
    changes: {
      licence_margin: { value: 0.8, rationale: "Bottom of management's 80-85% cash gross margin target." },
      delay_months: {
        value: 9,
        rationale: "Generator and transfer-switch lead times (the seed's named risk) delay every site not yet energised.",
      },
    },
  },
];

export function scenarioNames(): string[] {
  return BUILT_IN_SCENARIOS.map((s) => s.name);
}

const SCENARIO_BY_NAME = nameIndex(BUILT_IN_SCENARIOS.map((s) => [s.name, s] as const));

/** A built-in scenario by name, forgiving case and spacing (" Bull " is bull). */
export function findScenario(name: string): ScenarioDef | undefined {
  return SCENARIO_BY_NAME.find(name);
}

/**
 * The rationale for an assumption's value in a built-in scenario. A built value (the discount
 * rate) gives the rationale of each of its parts the scenario changes.
 */
export function rationale(scenario: ScenarioDef, key: string): string {
  const change = scenario.changes[key];
  if (change) return change.rationale;
  const spec = findAssumption(key);
  if (!spec) return "";
  const parts = spec.built?.sumOf.filter((k) => scenario.changes[k]) ?? [];
  if (parts.length > 0) return `${spec.built!.sumOf.join(" + ")}; ${parts.map((k) => `${k}: ${scenario.changes[k].rationale}`).join(" ")}`;
  return `As base: ${spec.source}`;
}

function fmtNum(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6);
}

/** A money bound, grouped: 1,000,000,000,000. */
const groupedMoney = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

function describeBounds(spec: AssumptionSpec): string {
  switch (spec.kind) {
    case "integer":
      if (spec.unit === "year") return `a year from ${spec.min} to ${spec.max}`;
      if (spec.unit === "count") return `a whole number from ${spec.min} to ${spec.max}`;
      return `a whole number of ${spec.unit} from ${spec.min} to ${spec.max}`;
    case "rate":
      return `a rate from ${fmtNum(Number(spec.min))} to ${fmtNum(Number(spec.max))} (a decimal: 0.05 is 5%)`;
    case "date":
      return `a date from ${spec.min} to ${spec.max}`;
    default:
      if (isMoney(spec)) return `an amount in ${spec.unit} from ${groupedMoney.format(Number(spec.min))} to ${groupedMoney.format(Number(spec.max))}`;
      return `a number of ${spec.unit} from ${fmtNum(Number(spec.min))} to ${fmtNum(Number(spec.max))}`;
  }
}

function show(raw: unknown): string {
  if (typeof raw === "string") return `"${raw}"`;
  if (raw === null || raw === undefined) return "blank";
  return String(raw);
}

/** Parses "12", "1,000", "5%" and numbers; anything else is undefined. */
function toNumber(raw: unknown): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== "string") return undefined;
  const s = raw.trim().replace(/,/g, "");
  if (s === "") return undefined;
  const pct = s.endsWith("%");
  const n = Number(pct ? s.slice(0, -1) : s);
  if (!Number.isFinite(n)) return undefined;
  return pct ? n / 100 : n;
}

/**
 * A money assumption: its unit is USD or USD per something (USD/MW, USD/MWh). Only these take
 * a currency sign and a k, m or bn suffix when typed.
 */
export function isMoney(spec: AssumptionSpec): boolean {
  return spec.kind === "number" && /^USD(\/|$)/.test(spec.unit);
}

/** Powers of ten of the suffixes money may be typed with ("3.5bn", "725 million", "350k"). */
const MONEY_SCALE: Readonly<Record<string, number>> = {
  k: 3,
  thousand: 3,
  m: 6,
  mm: 6,
  mn: 6,
  million: 6,
  b: 9,
  bn: 9,
  billion: 9,
  tn: 12,
  trillion: 12,
};

/** How money may be typed, for the message when it cannot be read. */
export const MONEY_FORMS = "3500000000, 3,500,000,000, 3.5bn, $3.5B, 350m, $725M, 725 million, USD 1.2bn or 350k (k, m, bn: thousand, million, billion)";

/**
 * Reads an amount of money as typed: an optional sign, an optional "$", "US$" or "USD" before
 * (or "USD" after), digits grouped by commas in threes or not at all, an optional decimal part
 * and an optional suffix k/thousand, m/mn/mm/million, b/bn/billion, tn/trillion, in any case and
 * with or without a space. A plain number may carry an exponent (3.5e9). The digits are shifted
 * by the suffix's power of ten before they become a number, so "1.001m" is exactly 1001000 (1.001 * 1e6 is not).
 * `suffixed` says whether a currency sign or suffix was used.
 *
 * @example readMoney("$1.2B")?.value // 1_200_000_000 USD
 * @example readMoney("725 million")?.value // 725_000_000 USD
 *
 * "3.5 bananas", "1.2.3bn" and "bn" give undefined.
 */
export function readMoney(raw: string): { value: number; suffixed: boolean } | undefined {
  let s = raw.trim().toLowerCase();
  let sign = "";
  let suffixed = false;
  const takeSign = () => {
    const m = /^([+-])\s*/.exec(s);
    if (!m) return;
    if (sign !== "") s = "?"; // two signs: unreadable
    else {
      sign = m[1] === "-" ? "-" : "";
      s = s.slice(m[0].length);
    }
  };
  takeSign();
  const cur = /^(usd|us\$|\$)\s*/.exec(s);
  if (cur) {
    suffixed = true;
    s = s.slice(cur[0].length);
    takeSign();
  }
  const after = /\s*usd$/.exec(s);
  if (after && !cur) {
    suffixed = true;
    s = s.slice(0, after.index);
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:e([+-]?\d+))?\s*([a-z]*)$/.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const [, whole = "0", frac = "", exp, word] = m;
  let power = exp === undefined ? 0 : Number(exp);
  if (word !== "") {
    const scale = MONEY_SCALE[word];
    if (scale === undefined || exp !== undefined) return undefined;
    power += scale;
    suffixed = true;
  }
  const value = Number(`${sign}${whole.replace(/,/g, "")}.${frac || "0"}e${power}`);
  return Number.isFinite(value) ? { value: value === 0 ? 0 : value, suffixed } : undefined;
}

/** Why a value of another unit typed with a currency sign or suffix ("350m" on MW) is refused. */
function notMoney(spec: AssumptionSpec): string {
  const only = "m, bn and $ are only for amounts of money";
  if (spec.kind === "rate") return only;
  if (spec.unit === "year") return `a year is a plain number such as 2027; ${only}`;
  if (spec.unit === "count") return `a count is a plain whole number; ${only}`;
  if (spec.unit === "x") return `a ratio is a plain number such as 1.3; ${only}`;
  return `${spec.unit} are plain ${spec.kind === "integer" ? "whole " : ""}numbers; ${only}`;
}

/**
 * A value typed or passed for a numeric assumption as a number, or the reason it cannot be
 * read. Money takes the forms of `readMoney`; other units take plain numbers ("1,000", "5%").
 */
function readNumber(spec: AssumptionSpec, raw: unknown): number | { reason?: string } {
  if (isMoney(spec) && typeof raw === "string") {
    const m = readMoney(raw);
    return m ? m.value : { reason: `type it as ${MONEY_FORMS}` };
  }
  const n = toNumber(raw);
  if (n !== undefined) return n;
  if (typeof raw === "string" && readMoney(raw)?.suffixed) return { reason: notMoney(spec) };
  return {};
}

/**
 * Checks one assumption value and converts it to the model's unit.
 * Dates may be ISO strings or Excel serials; the result is always an Excel serial. Money may be
 * typed with a currency sign and a k, m or bn suffix ("$3.5bn", "725 million"; readMoney); other
 * units are plain numbers, rates also as percentages ("5%").
 */
export function validateAssumption(spec: AssumptionSpec, raw: unknown): Result<number> {
  const bad = () => valueError<number>(`${spec.key} must be ${describeBounds(spec)}, got ${show(raw)}`);
  if (spec.kind === "date") {
    let serial: number | undefined;
    if (typeof raw === "string") {
      const d = parseIso(raw);
      serial = d.ok ? toExcelSerial(d.value) : undefined;
    } else if (typeof raw === "number") {
      const d = fromExcelSerial(raw);
      serial = d.ok ? toExcelSerial(d.value) : undefined;
    }
    if (serial === undefined) return bad();
    const lo = parseIso(String(spec.min));
    const hi = parseIso(String(spec.max));
    if (!lo.ok || !hi.ok) throw new Error(`bad bounds for ${spec.key}`);
    if (serial < toExcelSerial(lo.value) || serial > toExcelSerial(hi.value)) {
      const d = fromExcelSerial(serial);
      return valueError(`${spec.key} must be ${describeBounds(spec)}, got ${d.ok ? toIso(d.value) : show(raw)}`);
    }
    return ok(serial);
  }
  const n = readNumber(spec, raw);
  if (typeof n !== "number") return n.reason ? valueError(`${spec.key} must be ${describeBounds(spec)}, got ${show(raw)}; ${n.reason}`) : bad();
  if (spec.kind === "integer" && !Number.isInteger(n)) return bad();
  if (n < Number(spec.min) || n > Number(spec.max)) return bad();
  return ok(n);
}

/** The assumptions built from others (the discount rate), in registry order. */
const BUILT = ASSUMPTIONS.filter((a) => a.built !== undefined);

/**
 * Sets every built value from its parts, in place. `pinned` holds values given for built keys
 * themselves: each sets its `adjusts` part so the sum is that value (kept to 12 decimals, as the
 * sum is), unless that part is given too (`given`): then the parts are what was set and the
 * built value is their sum, as in a full record of a scenario's values where the rate is only
 * carried along. A sum outside the built value's bounds is refused with the parts that make it.
 */
function settleBuilt(values: Record<string, number>, pinned: ReadonlyMap<string, number> = new Map(), given: ReadonlySet<string> = new Set()): Result<void> {
  for (const spec of BUILT) {
    const { sumOf, adjusts } = spec.built!;
    const target = pinned.get(spec.key);
    if (target !== undefined && !given.has(adjusts)) {
      const part = sumToDecimals([target, ...sumOf.filter((k) => k !== adjusts).map((k) => -values[k])]);
      // The bounds make this impossible (a rate from -0.5 to 1 less a reference yield from 0 to 0.5 is a spread from -1 to 1): a guard for when they change.
      if (!validateAssumption(assumptionSpec(adjusts)!, part).ok) throw new Error(`${spec.key} ${target} needs ${adjusts} ${part}, outside its bounds`);
      values[adjusts] = part;
    }
    const sum = sumToDecimals(sumOf.map((k) => values[k]));
    if (sum < Number(spec.min) || sum > Number(spec.max)) {
      return valueError(`${spec.key} = ${sumOf.join(" + ")} must be ${describeBounds(spec)}, got ${fmtNum(sum)} (${sumOf.map((k) => fmtNum(values[k])).join(" + ")})`);
    }
    values[spec.key] = sum;
  }
  return ok(undefined);
}

function baseValues(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of ASSUMPTIONS) {
    const v = validateAssumption(spec, spec.base);
    if (!v.ok) throw new Error(`base value of ${spec.key} is invalid: ${v.error.message}`);
    out[spec.key] = v.value;
  }
  const settled = settleBuilt(out);
  if (!settled.ok) throw new Error(`base values: ${settled.error.message}`);
  for (const spec of BUILT) if (out[spec.key] !== spec.base) throw new Error(`base of ${spec.key} is not the sum of its parts' bases`);
  return out;
}

const BASE_VALUES = baseValues();

/** One user override: an assumption name (key or label) and its value. */
export type Override = readonly [name: unknown, value: unknown];

/**
 * Resolves a built-in scenario, optionally with user overrides applied on top.
 * An override named "scenario" picks the built-in scenario the others apply to.
 * Unknown scenario or assumption names give `#N/A` with the valid names; bad values
 * give `#VALUE!` with the allowed range.
 *
 * A built value (the discount rate, reference_yield + discount_spread) follows its parts. An
 * override of the built value itself is accepted and sets the part it adjusts (the spread) so
 * the sum is the value given: `discount_rate | 0.085` over base's 9% reference yield is a spread
 * of -0.5%. Given with the spread, the rate is the parts' sum (the spread is the input; a
 * full record of resolved values carries the rate along, and a spread typed over it must win).
 */
export function resolveScenario(name: string, overrides: readonly Override[] = []): Result<ResolvedScenario> {
  let scenarioName = name.trim() === "" ? "base" : name;
  const rest: Override[] = [];
  for (const [k, v] of overrides) {
    if (typeof k === "string" && normaliseName(k) === "scenario") {
      if (typeof v !== "string") return valueError(`the "scenario" override must be a scenario name, got ${show(v)}`);
      scenarioName = v;
    } else {
      rest.push([k, v]);
    }
  }
  const def = findScenario(scenarioName);
  if (!def) {
    return naError(`unknown scenario "${scenarioName}"; built-in scenarios are ${scenarioNames().join(", ")}`);
  }
  const values: Record<string, number> = { ...BASE_VALUES };
  for (const [key, change] of Object.entries(def.changes)) {
    const spec = findAssumption(key);
    if (!spec) throw new Error(`scenario ${def.name} changes unknown assumption ${key}`);
    if (spec.built) throw new Error(`scenario ${def.name} changes ${key}, which is built from ${spec.built.sumOf.join(" + ")}: change a part`);
    const v = validateAssumption(spec, change.value);
    if (!v.ok) throw new Error(`scenario ${def.name}: ${v.error.message}`);
    values[spec.key] = v.value;
  }
  const label = rest.length > 0 ? `${def.name} + ${rest.length} override${rest.length > 1 ? "s" : ""}` : def.name;
  const applied = applyOverrides(values, rest);
  return applied.ok ? ok({ name: label, values }) : applied;
}

/** Applies overrides (name, value) to resolved values in place, then settles the built values. */
function applyOverrides(values: Record<string, number>, overrides: readonly Override[]): Result<void> {
  const pinned = new Map<string, number>();
  const given = new Set<string>();
  for (const [k, v] of overrides) {
    if (typeof k !== "string" || k.trim() === "") {
      return valueError(`an override's first column must be an assumption name, got ${show(k)}`);
    }
    const spec = findAssumption(k);
    if (!spec) {
      return naError(retiredAssumption(k) ?? `unknown assumption "${k}"; valid names are ${ASSUMPTIONS.map((a) => a.key).join(", ")}`);
    }
    const parsed = validateAssumption(spec, v);
    if (!parsed.ok) return parsed;
    if (spec.built) pinned.set(spec.key, parsed.value);
    else values[spec.key] = parsed.value;
    given.add(spec.key);
  }
  return settleBuilt(values, pinned, given);
}

/**
 * A resolved scenario with more overrides on top, checked and settled as resolveScenario's are:
 * a part of a built value moves it (a spread moves the discount rate), and the built value given
 * itself moves its part. For what-if grids that start from a resolved scenario.
 */
export function withOverrides(s: ResolvedScenario, overrides: readonly Override[]): Result<ResolvedScenario> {
  const values: Record<string, number> = { ...s.values };
  const applied = applyOverrides(values, overrides);
  return applied.ok ? ok({ name: s.name, values }) : applied;
}
