/**
 * Builds the workbook plan for a set of scenarios: eleven sheets, in this order — Inputs, Deal,
 * Capacity, Valuation, Peers, Leases, Customers, Mining vs HPC, Risk, Summary, Checks — the
 * defined names of every assumption's live value, and the timeline they share. It also runs the
 * Risk sheet's default Monte Carlo when none is given. Pure: scenarios in, plan out.
 */
import { computeScenario } from "../model/scenarioModel";
import { contractedLines } from "../model/capacity";
import { buildCapacity } from "./capacity";
import { buildChecks, masterCheckFormula } from "./checks";
import { buildDeal } from "./deal";
import { buildInputs } from "./inputs";
import { LAYOUT_VERSION, SHEET_NAMES, SheetNames } from "./layout";
import { PlanScenario } from "./scenario";
import { buildSummary } from "./summary";
import { DEFAULT_PEERS_OPTIONS, PeersOptions, buildPeers } from "./peers";
import { buildCustomers } from "./customers";
import { buildLeases } from "./leases";
import { DEFAULT_MINING_OPTIONS, MiningOptions, buildMining } from "./mining";
import { PipelineRow, defaultPipeline } from "../model/customers/data";
import { RiskSheetInput, buildRisk, liveInputRef } from "./risk";
import { defaultRiskSpec } from "../model/risk/spec";
import { runRisk } from "../model/risk/montecarlo";
import { ModelError } from "../model/result";
import { tornado } from "../model/sensitivity";
import { cashFlowYears } from "../model/valuation";
import { buildValuation } from "./valuation";

export const RISK_DEFAULT_PATHS = 10_000;

/** The default Monte Carlo run for a scenario: its default distributions, seed 1. */
export function defaultRiskRun(s: PlanScenario, paths = RISK_DEFAULT_PATHS, seed = 1): RiskSheetInput | { error: ModelError } {
  const spec = defaultRiskSpec(s.values);
  const r = runRisk({ scenario: { name: s.name, values: s.values }, spec, paths, seed });
  if (!r.ok) return { error: r.error };
  if (r.value.status !== "done") throw new Error("a run without a progress callback cannot be cancelled");
  return { summary: r.value.summary, spec, runDate: "" };
}
import { WorkbookPlan } from "./types";
import { Result, ok, valueError } from "../model/result";

/** Years of slack after the last billing year, so edits that move revenue later still fit. */
export const TIMELINE_SLACK_YEARS = 2;
export const MAX_SCENARIOS = 60;

/** The timeline that covers every scenario's billing and capacity years. */
export function timelineFor(scenarios: readonly PlanScenario[]): Result<{ first: number; years: number }> {
  let first = Infinity;
  let last = -Infinity;
  for (const s of scenarios) {
    const m = computeScenario({ name: s.name, values: s.values });
    if (!m.ok) return valueError(`scenario "${s.name}": ${m.error.message}`);
    const ys = m.value.years;
    // The capex lead before each billing start too, capex or not: capex typed in later must fall on the timeline.
    const lead = s.values.capex_lead_months / 12;
    const capexYears = m.value.tranches.filter((x) => x.mw > 0).map((x) => Math.floor(x.start - lead));
    first = Math.min(first, ys[0].year, cashFlowYears(m.value).first, ...capexYears, ...contractedLines(m.value.capacityLines).map((l) => Math.floor(l.energised)));
    last = Math.max(last, ys[ys.length - 1].year, s.values.target_year, ...contractedLines(m.value.capacityLines).map((l) => Math.floor(l.energised)));
  }
  return ok({ first, years: last - first + 1 + TIMELINE_SLACK_YEARS });
}

export interface PlanOptions {
  /** Sheet names to use instead of the defaults (when a default name is taken by a user's sheet). */
  readonly sheetNames?: Partial<SheetNames>;
  /** Group, statistic, exclusions and the user's figures for the Peers sheet. */
  readonly peers?: Partial<PeersOptions>;
  /** The customer pipeline; the illustrative default, priced at the first scenario's contract price, when absent. */
  readonly pipeline?: readonly PipelineRow[];
  readonly mining?: Partial<MiningOptions>;
  /** User rows in the Leases table (more than the default when rows typed under it are taken in). */
  readonly leases?: { readonly userRows?: number };
  /**
   * A Monte Carlo run to write on the Risk sheet. Without one, the plan runs the default
   * distributions for the first scenario (RISK_DEFAULT_PATHS paths, seed 1) and records no date.
   */
  readonly risk?: RiskSheetInput;
}

const SHEET_NAME_RE = /^[^\\/?*[\]:]{1,31}$/;

export function buildPlan(scenarios: readonly PlanScenario[], options: PlanOptions = {}): Result<WorkbookPlan> {
  const sheetNames: SheetNames = { ...SHEET_NAMES, ...options.sheetNames };
  for (const n of Object.values(sheetNames)) {
    if (!SHEET_NAME_RE.test(n) || n.startsWith("'") || n.endsWith("'")) return valueError(`"${n}" is not a valid sheet name`);
  }
  if (scenarios.length === 0) return valueError("choose at least one scenario to build");
  if (scenarios.length > MAX_SCENARIOS) return valueError(`at most ${MAX_SCENARIOS} scenarios fit side by side, got ${scenarios.length}`);
  const names = scenarios.map((s) => s.name.trim());
  const dup = names.find((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) !== i);
  if (dup !== undefined) return valueError(`scenario names must be unique, "${dup}" appears twice`);
  if (names.some((n) => n === "")) return valueError("every scenario needs a name");
  const t = timelineFor(scenarios);
  if (!t.ok) return t;
  const master = masterCheckFormula(sheetNames);
  const inputs = buildInputs(sheetNames, scenarios, master);
  const labels = [`="Live: "&${inputs.selectorRef}`, ...names];
  const plainLabels = ["Live (selected)", ...names];
  // The seed-to-base walk, when both are built (block 0 is the live one, so scenario i is block i + 1).
  const block = (n: string) => names.findIndex((m) => m.toLowerCase() === n) + 1;
  const walk = block("seed") > 0 && block("base") > 0 ? { from: block("seed"), to: block("base") } : undefined;
  const deal = buildDeal(sheetNames, inputs, labels, t.value.first, t.value.years, master, walk);
  const capacity = buildCapacity(sheetNames, inputs, labels, t.value.first, t.value.years, master);
  const bars = tornado({ name: scenarios[0].name, values: scenarios[0].values });
  if (!bars.ok) return bars;
  const valuation = buildValuation(sheetNames, inputs, deal, { scenario: scenarios[0].name, ...bars.value }, master);
  const peers = buildPeers(sheetNames, deal, { ...DEFAULT_PEERS_OPTIONS, year: scenarios[0].values.target_year, ...options.peers }, master);
  const leases = buildLeases(sheetNames, master, options.leases?.userRows);
  const firstModel = computeScenario({ name: scenarios[0].name, values: scenarios[0].values });
  if (!firstModel.ok) return firstModel;
  const customers = buildCustomers(sheetNames, deal, options.pipeline ?? defaultPipeline(firstModel.value.pricePerMwYear), master);
  const mining = buildMining(sheetNames, deal, { ...DEFAULT_MINING_OPTIONS, ...options.mining }, master);
  const risk = options.risk ?? defaultRiskRun(scenarios[0]);
  if ("error" in risk) return { ok: false, error: risk.error };
  const riskSheet = buildRisk(sheetNames, risk, master, liveInputRef(inputs, names, risk.summary.scenario));
  const summary = buildSummary(sheetNames, labels, deal, capacity, valuation.blockRows, master);
  const checks = buildChecks(sheetNames, plainLabels, deal, capacity, t.value.years, { scenario: risk.summary.scenario, upToDateRef: riskSheet.upToDateRef });
  return ok({
    layoutVersion: LAYOUT_VERSION,
    sheets: [inputs.sheet, deal.sheet, capacity.sheet, valuation.sheet, peers, leases, customers.sheet, mining.sheet, riskSheet.sheet, summary, checks],
    names: inputs.names,
    scenarios: names,
    sheetNames,
  });
}
