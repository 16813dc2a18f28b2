/**
 * The Risk sheet: a Monte Carlo run of the deal's value (the present value of its free cash flow,
 * as CORZ.DEAL_VALUE) and revenue, written as values beside
 * the seed, the path count and the date of the run (Excel cannot redo the simulation), with
 * the distributions it drew from, P10/P50/P90, the probability of falling below a threshold,
 * a histogram over written-out bins (shares and cumulative shares as formulas) and a chart.
 *
 * The run's values cannot follow the Inputs sheet, so the sheet shows every input the run used
 * beside the live value on the Inputs sheet for the run's scenario (a link), marks each that
 * differs, and says at the top (row 4) whether the run is up to date; the Checks sheet carries
 * the same verdict into the master check.
 */
import { ASSUMPTIONS } from "../model/assumptions";
import { INPUT_TOLERANCE } from "../model/risk/input";
import { Distribution } from "../model/risk/distributions";
import { DEFAULT_RELET_RENT, DEFAULT_RELET_SHARE, RiskSpec } from "../model/risk/spec";
import { RiskSummary } from "../model/risk/montecarlo";
import { absCell, cell, sheetRef } from "./a1";
import { InputsLayout } from "./inputs";
import { FORMATS, ROW, SheetNames, formatForUnit } from "./layout";
import { SheetBuilder } from "./sheet";
import { CellContent, SheetPlan } from "./types";

export interface RiskSheetInput {
  readonly summary: RiskSummary;
  readonly spec: RiskSpec;
  /** When the run was made (YYYY-MM-DD), or "" when not recorded. */
  readonly runDate: string;
}

export const RISK_ROWS = { run: 3, status: 4, inputsHeader: 5, inputs: 6 } as const;
/** Rows of the block of inputs the run used, from its top; one row per assumption follows. */
export const RUN_INPUT_ROWS = ["title", "tolerance", "upToDate", "gap", "header"] as const;
/** Columns of that block. */
export const RUN_INPUT_COLS = { label: 1, key: 2, used: 3, live: 4, differs: 5 } as const;

/** The sheet-qualified Inputs cell of the run's scenario for an assumption; absent when that scenario is not built. */
export type LiveInputRef = ((key: string) => string) | undefined;

/** Where the run's scenario lives on the Inputs sheet, matched by name as the build matches names (trimmed, any case). */
export function liveInputRef(inputs: InputsLayout, scenarios: readonly string[], scenario: string): LiveInputRef {
  const j = scenarios.findIndex((n) => n.trim().toLowerCase() === scenario.trim().toLowerCase());
  return j < 0 ? undefined : (key) => inputs.ref(key, inputs.columns[j + 1]);
}

/** What the status line at the top of the Risk sheet says, in each case; `firstRow` is the first row of the inputs the run used. */
export function riskStatusText(names: SheetNames, scenario: string, state: "current" | "changed" | "notBuilt", firstRow: number): string {
  switch (state) {
    case "current":
      return `Up to date with ${names.inputs}: the run used the live inputs of scenario "${scenario}"`;
    case "changed":
      return `Inputs changed since this run: re-run the simulation in the task pane (each changed input is TRUE under "Differs?" from row ${firstRow})`;
    case "notBuilt":
      return `Scenario "${scenario}" of this run is not among the built scenarios: re-run the simulation in the task pane`;
  }
}

/** A text literal inside a formula. */
const text = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** The results row holding the deterministic centre: the scenario's value without uncertainty (CORZ.DEAL_VALUE). */
export const DETERMINISTIC_LABEL = "Deterministic value (the scenario without uncertainty, as CORZ.DEAL_VALUE)";
/** Rows of the results block after its header. */
export const RESULT_ROWS = ["deterministic", "mean", "sd", "stdError", "p10", "p50", "p90", "spread", "threshold", "probBelow", "defaultShare"] as const;

function describe(d: Distribution): [string, CellContent, CellContent, CellContent] {
  switch (d.kind) {
    case "fixed":
      return ["fixed", d.value, d.value, d.value];
    case "uniform":
      return ["uniform (min, -, max)", d.min, null, d.max];
    case "triangular":
      return ["triangular (min, mode, max)", d.min, d.mode, d.max];
    case "normal":
      return [`normal (mean, sd${d.floor !== undefined ? ", floor" : ""})`, d.mean, d.sd, d.floor ?? null];
  }
}

export interface RiskLayout {
  readonly sheet: SheetPlan;
  readonly resultsRow: number;
  readonly histogramRow: number;
  readonly yearsRow: number;
  /** Top row of the block of inputs the run used. */
  readonly runInputsRow: number;
  /** `'CORZ Risk'!$C$n`: TRUE when every input the run used equals the live one. */
  readonly upToDateRef: string;
}

export function buildRisk(names: SheetNames, input: RiskSheetInput, masterCheck: string, live: LiveInputRef): RiskLayout {
  const b = new SheetBuilder("risk", names.risk, "#A50021");
  const s = input.summary;
  b.block("title", ROW.title, 1, "title", [["CORZ — Risk: Monte Carlo distribution of the deal's value (present value of free cash flow) and revenue"]]);
  b.block("check", ROW.check, 1, "check", [[masterCheck]]);
  b.block("run", RISK_ROWS.run, 1, "note", [
    [
      `Values from one simulation, not formulas: scenario "${s.scenario}", ${s.paths.toLocaleString("en-US")} paths, seed ${s.seed}, run ${input.runDate || "on an unrecorded date"}. Change the distributions in the task pane and run it again; the same seed gives the same numbers.`,
    ],
  ]);
  b.block("inputs.header", RISK_ROWS.inputsHeader, 1, "header", [["Uncertain input", "Distribution", "Value 1", "Value 2", "Value 3"]]);
  const spec = input.spec;
  const inputs: CellContent[][] = [
    ["CoreWeave default probability per year", "fixed", spec.default.annualProbability, null, null],
    [
      `Recovery after a default (share of later revenue still earned; by default ${DEFAULT_RELET_SHARE * 100}% of the capacity re-let at the deal library's recent median rent, $${(DEFAULT_RELET_RENT / 1e6).toFixed(3)}M per MW-year)`,
      "fixed",
      spec.default.recovery,
      null,
      null,
    ],
    [`Energisation delay, months (${spec.delayPerSite ? "one draw per site" : "one draw for all sites"})`, ...describe(spec.delayMonths)],
    ["Licence-fee gross margin", ...describe(spec.licenceMargin)],
    ["Renewal take-up probability", spec.renewalProbability === null ? "the scenario's renewals" : "fixed", spec.renewalProbability, null, null],
    ["Discount rate", ...describe(spec.discountRate)],
  ];
  b.block("inputs", RISK_ROWS.inputs, 1, "label", inputs);
  const lastInput = RISK_ROWS.inputs + inputs.length - 1;
  b.format(`${cell(RISK_ROWS.inputs, 3)}:${cell(RISK_ROWS.inputs + 1, 5)}`, { numberFormat: FORMATS.pct });
  b.format(`${cell(RISK_ROWS.inputs + 2, 3)}:${cell(RISK_ROWS.inputs + 2, 5)}`, { numberFormat: "0.0" });
  b.format(`${cell(RISK_ROWS.inputs + 3, 3)}:${cell(lastInput, 5)}`, { numberFormat: FORMATS.pct });

  const r0 = lastInput + 2;
  const R = (k: (typeof RESULT_ROWS)[number]) => r0 + 1 + RESULT_ROWS.indexOf(k);
  const C = (k: (typeof RESULT_ROWS)[number]) => absCell(R(k), 3);
  b.block("results.header", r0, 1, "header", [["Value (present value of free cash flow)", "unit", "value"]]);
  const results: [string, string, CellContent][] = [
    [DETERMINISTIC_LABEL, "USD", s.deterministicNpv],
    ["Mean", "USD", s.npv.mean],
    ["Standard deviation", "USD", s.npv.sd],
    ["Standard error of the mean", "USD", s.npv.stdError],
    ["P10", "USD", s.npv.p10],
    ["P50 (median)", "USD", s.npv.p50],
    ["P90", "USD", s.npv.p90],
    ["P90 less P10", "USD", `=${C("p90")}-${C("p10")}`],
    ["Threshold", "USD", s.npv.threshold],
    ["Probability the value is below the threshold", "rate", s.npv.probBelow],
    ["Share of paths in which CoreWeave defaults", "rate", s.defaultShare],
  ];
  b.block("results.labels", r0 + 1, 1, "label", results.map(([l, u]) => [l, u]));
  b.block("results", r0 + 1, 3, "calc", results.map(([, , v]) => [v]));
  b.format(`${cell(R("deterministic"), 3)}:${cell(R("threshold"), 3)}`, { numberFormat: FORMATS.usdM });
  b.format(`${cell(R("probBelow"), 3)}:${cell(R("defaultShare"), 3)}`, { numberFormat: FORMATS.pct });

  // Histogram: written-out bins and counts; shares and cumulative shares are formulas.
  const h0 = R("defaultShare") + 2;
  const bins = s.histogram.counts.length;
  b.block("histogram.header", h0, 1, "header", [["Value from (USD)", "to (USD)", "Paths", "Share", "Cumulative share"]]);
  b.block(
    "histogram",
    h0 + 1,
    1,
    "label",
    s.histogram.counts.map((count, i) => [s.histogram.edges[i], s.histogram.edges[i + 1], count]),
  );
  const countRange = `${absCell(h0 + 1, 3)}:${absCell(h0 + bins, 3)}`;
  b.block(
    "histogram.shares",
    h0 + 1,
    4,
    "calc",
    s.histogram.counts.map((_, i) => [`=${cell(h0 + 1 + i, 3)}/SUM(${countRange})`, `=SUM(${absCell(h0 + 1, 3)}:${cell(h0 + 1 + i, 3)})/SUM(${countRange})`]),
  );
  b.format(`${cell(h0 + 1, 1)}:${cell(h0 + bins, 2)}`, { numberFormat: FORMATS.usdM });
  b.format(`${cell(h0 + 1, 3)}:${cell(h0 + bins, 3)}`, { numberFormat: FORMATS.int });
  b.format(`${cell(h0 + 1, 4)}:${cell(h0 + bins, 5)}`, { numberFormat: FORMATS.pct });
  b.chart({
    id: "risk.histogram",
    type: "ColumnClustered",
    title: `Value distribution: ${s.paths.toLocaleString("en-US")} paths, seed ${s.seed}`,
    categories: { name: "Value from", sheet: names.risk, range: `${cell(h0 + 1, 1)}:${cell(h0 + bins, 1)}` },
    series: [{ name: "Paths", sheet: names.risk, range: `${cell(h0 + 1, 3)}:${cell(h0 + bins, 3)}` }],
    anchor: { from: cell(RISK_ROWS.inputsHeader, 7), to: cell(RISK_ROWS.inputsHeader + 20, 14) },
  });

  // Revenue by year across the paths.
  const y0 = h0 + bins + 2;
  b.block("years.header", y0, 1, "header", [["Year", "Mean revenue (USD)", "P10", "P50", "P90"]]);
  if (s.years.length > 0) {
    b.block("years", y0 + 1, 1, "label", s.years.map((y) => [y.year, y.mean, y.p10, y.p50, y.p90]));
    b.format(`${cell(y0 + 1, 2)}:${cell(y0 + s.years.length, 5)}`, { numberFormat: FORMATS.usdM });
  }

  const k0 = y0 + s.years.length + 2;
  const upToDate = runInputs(b, names, s, live, k0);
  const status = (state: Parameters<typeof riskStatusText>[2]) => text(riskStatusText(names, s.scenario, state, k0 + RUN_INPUT_ROWS.length));
  b.block("status", RISK_ROWS.status, 1, "check", [[`=IF(${upToDate},${status("current")},${status(live ? "changed" : "notBuilt")})`]]);
  b.columnWidths([
    { column: "A", width: 60 },
    { column: "B", width: 26 },
    { column: "C", width: 14 },
    { column: "D", width: 14 },
    { column: "E", width: 16 },
  ]);
  b.freeze(RISK_ROWS.inputsHeader - 1, 0);
  return { sheet: b.build(), resultsRow: r0, histogramRow: h0, yearsRow: y0, runInputsRow: k0, upToDateRef: sheetRef(names.risk, upToDate) };
}

/**
 * The block of inputs the run used, from row `top`: each assumption's value in the run, the
 * live value on the Inputs sheet for the run's scenario, and whether they differ (beyond a
 * relative tolerance); above them, one cell TRUE when none differs. Returns that cell.
 */
function runInputs(b: SheetBuilder, names: SheetNames, s: RiskSummary, live: LiveInputRef, top: number): string {
  const R = (k: (typeof RUN_INPUT_ROWS)[number]) => top + RUN_INPUT_ROWS.indexOf(k);
  const C = RUN_INPUT_COLS;
  const first = top + RUN_INPUT_ROWS.length;
  const last = first + ASSUMPTIONS.length - 1;
  const tolerance = absCell(R("tolerance"), C.used);
  const upToDate = absCell(R("upToDate"), C.used);
  const where = live ? `the live inputs of scenario "${s.scenario}" on ${names.inputs}` : `no live values: scenario "${s.scenario}" is not among the built scenarios`;
  b.block("runInputs.title", R("title"), C.label, "header", [[`Inputs this run used, against ${where}`, null, null, null, null]]);
  b.block("runInputs.tolerance", R("tolerance"), C.label, "label", [["Relative tolerance: a smaller difference is not a change", "share", INPUT_TOLERANCE]]);
  b.format(tolerance, { numberFormat: "0E+00" });
  b.block("runInputs.upToDate", R("upToDate"), C.label, "check", [["The run used the live inputs (no input below differs)", "TRUE/FALSE", `=NOT(OR(${cell(first, C.differs)}:${cell(last, C.differs)}))`]]);
  b.block("runInputs.header", R("header"), C.label, "header", [["Assumption", "Key", "Value the run used", `Live on ${names.inputs}`, "Differs?"]]);
  b.block("runInputs.labels", first, C.label, "label", ASSUMPTIONS.map((a) => [`${a.label} (${a.unit})`, a.key, s.inputs[a.key] ?? null]));
  b.block("runInputs.live", first, C.live, "link", ASSUMPTIONS.map((a) => [live ? `=${live(a.key)}` : "not built"]));
  b.block(
    "runInputs.differs",
    first,
    C.differs,
    "calc",
    ASSUMPTIONS.map((_, i) => {
      const [used, now] = [cell(first + i, C.used), cell(first + i, C.live)];
      return [`=IF(AND(ISNUMBER(${used}),ISNUMBER(${now})),ABS(${now}-${used})>${tolerance}*MAX(ABS(${used}),ABS(${now})),TRUE)`];
    }),
  );
  ASSUMPTIONS.forEach((a, i) => b.format(`${cell(first + i, C.used)}:${cell(first + i, C.live)}`, { numberFormat: formatForUnit(a.unit) }));
  b.format(upToDate, { numberFormat: FORMATS.bool });
  b.format(`${cell(first, C.differs)}:${cell(last, C.differs)}`, { numberFormat: FORMATS.bool });
  return upToDate;
}
