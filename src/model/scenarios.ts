/**
 * Scenarios: the built-in base, bull and bear cases (each assumption with a one-line
 * rationale) and user overrides of any assumption. A resolved scenario is a flat record of
 * validated numbers (dates as Excel serials), ready for the deal and capacity models.
 */
import { ASSUMPTIONS, AssumptionSpec, findAssumption, normaliseName, retiredAssumption } from "./assumptions";
import { fromExcelSerial, parseIso, toExcelSerial, toIso } from "./dates";
import { Result, naError, ok, valueError } from "./result";
import { CBRE_NA_DC_TRENDS_H2_2024, CORZ_OPTION3_8K, CORZ_Q1_2025, CORZ_Q4_2024_SUMMARY, SEED_BRIEF, cite } from "./sources";

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
    description: "Base, with CoreWeave renewing, the margin at the top of the 80-85% target and a lower discount rate.",
    changes: {
      licence_margin: { value: 0.85, rationale: "Top of management's 80-85% cash gross margin target." },
      renewal_options: {
        value: 2,
        rationale: "CoreWeave takes both five-year options: GPU clusters, once installed, rarely move.",
      },
      renewal_repricing: {
        value: 0.1,
        rationale: `Partial move toward market rent at renewal (~$2.2M per MW-year vs ~$1.5M in the contract): ${cite(
          CBRE_NA_DC_TRENDS_H2_2024,
          "average asking rate $184.06 per kW per month for 250-500 kW",
        )}.`,
      },
      discount_rate: { value: 0.09, rationale: "Lower risk premium once the build-out is delivered." },
    },
  },
  {
    name: "bear",
    description: "Base, with a supply-chain delay on sites not yet energised, the margin at the bottom of the 80-85% target, a higher discount rate.",
    changes: {
      licence_margin: { value: 0.8, rationale: "Bottom of management's 80-85% cash gross margin target." },
      delay_months: {
        value: 9,
        rationale: "Generator and transfer-switch lead times (the seed's named risk) delay every site not yet energised.",
      },
      discount_rate: { value: 0.12, rationale: "Premium for concentration on a single, leveraged customer." },
    },
  },
];

export function scenarioNames(): string[] {
  return BUILT_IN_SCENARIOS.map((s) => s.name);
}

export function findScenario(name: string): ScenarioDef | undefined {
  const n = normaliseName(name);
  return BUILT_IN_SCENARIOS.find((s) => s.name === n);
}

/** The rationale for an assumption's value in a built-in scenario. */
export function rationale(scenario: ScenarioDef, key: string): string {
  const change = scenario.changes[key];
  if (change) return change.rationale;
  const spec = findAssumption(key);
  return spec ? `As base: ${spec.source}` : "";
}

function fmtNum(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6);
}

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
 * Checks one assumption value and converts it to the model's unit.
 * Dates may be ISO strings or Excel serials; the result is always an Excel serial.
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
  const n = toNumber(raw);
  if (n === undefined) return bad();
  if (spec.kind === "integer" && !Number.isInteger(n)) return bad();
  if (n < Number(spec.min) || n > Number(spec.max)) return bad();
  return ok(n);
}

function baseValues(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of ASSUMPTIONS) {
    const v = validateAssumption(spec, spec.base);
    if (!v.ok) throw new Error(`base value of ${spec.key} is invalid: ${v.error.message}`);
    out[spec.key] = v.value;
  }
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
    const v = validateAssumption(spec, change.value);
    if (!v.ok) throw new Error(`scenario ${def.name}: ${v.error.message}`);
    values[spec.key] = v.value;
  }
  const label = rest.length > 0 ? `${def.name} + ${rest.length} override${rest.length > 1 ? "s" : ""}` : def.name;
  for (const [k, v] of rest) {
    if (typeof k !== "string" || k.trim() === "") {
      return valueError(`an override's first column must be an assumption name, got ${show(k)}`);
    }
    const spec = findAssumption(k);
    if (!spec) {
      return naError(retiredAssumption(k) ?? `unknown assumption "${k}"; valid names are ${ASSUMPTIONS.map((a) => a.key).join(", ")}`);
    }
    const parsed = validateAssumption(spec, v);
    if (!parsed.ok) return parsed;
    values[spec.key] = parsed.value;
  }
  return ok({ name: label, values });
}
