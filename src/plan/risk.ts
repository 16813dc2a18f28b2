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
import { FORMATS, ROW, SheetNames, formatForUnit, consecutive } from "./layout";
import { SheetBuilder } from "./sheet";
import { CellContent, SheetPlan } from "./types";

export interface RiskSheetInput {
  readonly summary: RiskSummary;
  readonly spec: RiskSpec;
  /** When the run was made (YYYY-MM-DD), or "" when not recorded. */
  readonly runDate: string;
}

/** Rows at the top of the sheet: the run, its status, the uncertain inputs. */
export const RISK_ROWS = consecutive(["run", "status", "inputsHeader", "inputs"] as const, 3);
/** Rows of the block of inputs the run used, from its top; one row per assumption follows. */
export const RUN_INPUT_ROWS = ["title", "tolerance", "upToDate", "gap", "header"] as const;
/** Columns of that block. */
export const RUN_INPUT_COLS = consecutive(["label", "key", "used", "live", "differs"] as const, 1);

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
  const sheet = new SheetBuilder("risk", names.risk, "#A50021");
  const summary = input.summary;
  sheet.block("title", ROW.title, 1, "title", [["CORZ — Risk: Monte Carlo distribution of the deal's value (present value of free cash flow) and revenue"]]);
  sheet.block("check", ROW.check, 1, "check", [[masterCheck]]);
  sheet.block("run", RISK_ROWS.run, 1, "note", [
    [
      `Values from one simulation, not formulas: scenario "${summary.scenario}", ${summary.paths.toLocaleString("en-US")} paths, seed ${summary.seed}, run ${input.runDate || "on an unrecorded date"}. Change the distributions in the task pane and run it again; the same seed gives the same numbers.`,
    ],
  ]);
  const lastInput = uncertainInputRows(sheet, input.spec);
  const resultsRow = lastInput + 2;
  const histogramRow = resultRows(sheet, summary, resultsRow) + 2;
  const yearsRow = histogramRows(sheet, summary, histogramRow) + 2;
  const runInputsRow = revenueYearRows(sheet, summary, yearsRow) + 2;
  const upToDate = runInputs(sheet, names, summary, live, runInputsRow);
  const status = (state: Parameters<typeof riskStatusText>[2]) => text(riskStatusText(names, summary.scenario, state, runInputsRow + RUN_INPUT_ROWS.length));
  sheet.block("status", RISK_ROWS.status, 1, "check", [[`=IF(${upToDate},${status("current")},${status(live ? "changed" : "notBuilt")})`]]);
  sheet.columnWidths([
    { column: "A", width: 60 },
    { column: "B", width: 26 },
    { column: "C", width: 14 },
    { column: "D", width: 14 },
    { column: "E", width: 16 },
  ]);
  sheet.freeze(RISK_ROWS.inputsHeader - 1, 0);
  return { sheet: sheet.build(), resultsRow, histogramRow, yearsRow, runInputsRow, upToDateRef: sheetRef(names.risk, upToDate) };
}

/** Rows of the uncertain inputs, from RISK_ROWS.inputs, in their order on the sheet. */
const UNCERTAIN_ROWS = consecutive(["defaultProbability", "recovery", "delay", "margin", "renewal", "discountRate"] as const, RISK_ROWS.inputs);
/** Columns of the distributions' values. */
const FIRST_VALUE_COL = 3;
const LAST_VALUE_COL = 5;

/** The distributions the run drew from. Returns the last row. */
function uncertainInputRows(sheet: SheetBuilder, spec: RiskSpec): number {
  sheet.block("inputs.header", RISK_ROWS.inputsHeader, 1, "header", [["Uncertain input", "Distribution", "Value 1", "Value 2", "Value 3"]]);
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
  sheet.block("inputs", RISK_ROWS.inputs, 1, "label", inputs);
  const values = (from: number, to: number) => `${cell(from, FIRST_VALUE_COL)}:${cell(to, LAST_VALUE_COL)}`;
  sheet.format(values(UNCERTAIN_ROWS.defaultProbability, UNCERTAIN_ROWS.recovery), { numberFormat: FORMATS.pct });
  sheet.format(values(UNCERTAIN_ROWS.delay, UNCERTAIN_ROWS.delay), { numberFormat: "0.0" });
  sheet.format(values(UNCERTAIN_ROWS.margin, UNCERTAIN_ROWS.discountRate), { numberFormat: FORMATS.pct });
  return UNCERTAIN_ROWS.discountRate;
}

/** The column of the results' values. */
const RESULT_VALUE_COL = 3;
/** Columns of the histogram, in their order on the sheet. */
const HISTOGRAM_COLS = consecutive(["from", "to", "paths", "share", "cumulative"] as const, 1);

/** The value's statistics under the header at `top`. Returns the last row. */
function resultRows(sheet: SheetBuilder, summary: RiskSummary, top: number): number {
  const rowOf = (k: (typeof RESULT_ROWS)[number]) => top + 1 + RESULT_ROWS.indexOf(k);
  const valueCell = (k: (typeof RESULT_ROWS)[number]) => absCell(rowOf(k), RESULT_VALUE_COL);
  sheet.block("results.header", top, 1, "header", [["Value (present value of free cash flow)", "unit", "value"]]);
  const npv = summary.npv;
  const results: [string, string, CellContent][] = [
    [DETERMINISTIC_LABEL, "USD", summary.deterministicNpv],
    ["Mean", "USD", npv.mean],
    ["Standard deviation", "USD", npv.sd],
    ["Standard error of the mean", "USD", npv.stdError],
    ["P10", "USD", npv.p10],
    ["P50 (median)", "USD", npv.p50],
    ["P90", "USD", npv.p90],
    ["P90 less P10", "USD", `=${valueCell("p90")}-${valueCell("p10")}`],
    ["Threshold", "USD", npv.threshold],
    ["Probability the value is below the threshold", "rate", npv.probBelow],
    ["Share of paths in which CoreWeave defaults", "rate", summary.defaultShare],
  ];
  sheet.block("results.labels", top + 1, 1, "label", results.map(([label, unit]) => [label, unit]));
  sheet.block("results", top + 1, RESULT_VALUE_COL, "calc", results.map(([, , value]) => [value]));
  sheet.format(`${cell(rowOf("deterministic"), RESULT_VALUE_COL)}:${cell(rowOf("threshold"), RESULT_VALUE_COL)}`, { numberFormat: FORMATS.usdM });
  sheet.format(`${cell(rowOf("probBelow"), RESULT_VALUE_COL)}:${cell(rowOf("defaultShare"), RESULT_VALUE_COL)}`, { numberFormat: FORMATS.pct });
  return rowOf("defaultShare");
}

/** Histogram under the header at `top`: written-out bins and counts; shares and cumulative shares are formulas. Returns the last row. */
function histogramRows(sheet: SheetBuilder, summary: RiskSummary, top: number): number {
  const { counts, edges } = summary.histogram;
  const cols = HISTOGRAM_COLS;
  const first = top + 1;
  const last = top + counts.length;
  const column = (from: number, to: number = from) => `${cell(first, from)}:${cell(last, to)}`;
  sheet.block("histogram.header", top, 1, "header", [["Value from (USD)", "to (USD)", "Paths", "Share", "Cumulative share"]]);
  sheet.block(
    "histogram",
    first,
    1,
    "label",
    counts.map((count, i) => [edges[i], edges[i + 1], count]),
  );
  const countRange = `${absCell(first, cols.paths)}:${absCell(last, cols.paths)}`;
  sheet.block(
    "histogram.shares",
    first,
    cols.share,
    "calc",
    counts.map((_, i) => [`=${cell(first + i, cols.paths)}/SUM(${countRange})`, `=SUM(${absCell(first, cols.paths)}:${cell(first + i, cols.paths)})/SUM(${countRange})`]),
  );
  sheet.format(column(cols.from, cols.to), { numberFormat: FORMATS.usdM });
  sheet.format(column(cols.paths), { numberFormat: FORMATS.int });
  sheet.format(column(cols.share, cols.cumulative), { numberFormat: FORMATS.pct });
  sheet.chart({
    id: "risk.histogram",
    type: "ColumnClustered",
    title: `Value distribution: ${summary.paths.toLocaleString("en-US")} paths, seed ${summary.seed}`,
    categories: { name: "Value from", sheet: sheet.name, range: column(cols.from) },
    series: [{ name: "Paths", sheet: sheet.name, range: column(cols.paths) }],
    anchor: { from: cell(RISK_ROWS.inputsHeader, 7), to: cell(RISK_ROWS.inputsHeader + 20, 14) },
  });
  return last;
}

/** Revenue by year across the paths, under the header at `top`. Returns the last row. */
function revenueYearRows(sheet: SheetBuilder, summary: RiskSummary, top: number): number {
  sheet.block("years.header", top, 1, "header", [["Year", "Mean revenue (USD)", "P10", "P50", "P90"]]);
  if (summary.years.length > 0) {
    sheet.block("years", top + 1, 1, "label", summary.years.map((y) => [y.year, y.mean, y.p10, y.p50, y.p90]));
    sheet.format(`${cell(top + 1, 2)}:${cell(top + summary.years.length, 5)}`, { numberFormat: FORMATS.usdM });
  }
  return top + summary.years.length;
}

/**
 * The block of inputs the run used, from row `top`: each assumption's value in the run, the
 * live value on the Inputs sheet for the run's scenario, and whether they differ (beyond a
 * relative tolerance); above them, one cell TRUE when none differs. Returns that cell.
 */
function runInputs(sheet: SheetBuilder, names: SheetNames, summary: RiskSummary, live: LiveInputRef, top: number): string {
  const rowOf = (k: (typeof RUN_INPUT_ROWS)[number]) => top + RUN_INPUT_ROWS.indexOf(k);
  const cols = RUN_INPUT_COLS;
  const first = top + RUN_INPUT_ROWS.length;
  const last = first + ASSUMPTIONS.length - 1;
  const tolerance = absCell(rowOf("tolerance"), cols.used);
  const upToDate = absCell(rowOf("upToDate"), cols.used);
  const differs = `${cell(first, cols.differs)}:${cell(last, cols.differs)}`;
  const where = live ? `the live inputs of scenario "${summary.scenario}" on ${names.inputs}` : `no live values: scenario "${summary.scenario}" is not among the built scenarios`;
  sheet.block("runInputs.title", rowOf("title"), cols.label, "header", [[`Inputs this run used, against ${where}`, null, null, null, null]]);
  sheet.block("runInputs.tolerance", rowOf("tolerance"), cols.label, "label", [["Relative tolerance: a smaller difference is not a change", "share", INPUT_TOLERANCE]]);
  sheet.format(tolerance, { numberFormat: "0E+00" });
  sheet.block("runInputs.upToDate", rowOf("upToDate"), cols.label, "check", [["The run used the live inputs (no input below differs)", "TRUE/FALSE", `=NOT(OR(${differs}))`]]);
  sheet.block("runInputs.header", rowOf("header"), cols.label, "header", [["Assumption", "Key", "Value the run used", `Live on ${names.inputs}`, "Differs?"]]);
  sheet.block("runInputs.labels", first, cols.label, "label", ASSUMPTIONS.map((a) => [`${a.label} (${a.unit})`, a.key, summary.inputs[a.key] ?? null]));
  sheet.block("runInputs.live", first, cols.live, "link", ASSUMPTIONS.map((a) => [live ? `=${live(a.key)}` : "not built"]));
  sheet.block(
    "runInputs.differs",
    first,
    cols.differs,
    "calc",
    ASSUMPTIONS.map((_, i) => {
      const [used, now] = [cell(first + i, cols.used), cell(first + i, cols.live)];
      return [`=IF(AND(ISNUMBER(${used}),ISNUMBER(${now})),ABS(${now}-${used})>${tolerance}*MAX(ABS(${used}),ABS(${now})),TRUE)`];
    }),
  );
  ASSUMPTIONS.forEach((a, i) => sheet.format(`${cell(first + i, cols.used)}:${cell(first + i, cols.live)}`, { numberFormat: formatForUnit(a.unit) }));
  sheet.format(upToDate, { numberFormat: FORMATS.bool });
  sheet.format(differs, { numberFormat: FORMATS.bool });
  return upToDate;
}
