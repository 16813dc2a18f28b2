/**
 * One number, one value, through the whole pane: a margin typed on CORZ Inputs after a pane run.
 * Summary and Deal follow the sheet at once; the Risk sheet (the run's values) says it is out of
 * date and the master check fails; after a refresh keeps the typed value, the pane says the run's
 * inputs changed (old → new) and offers Re-run; re-run and refreshed, all agree again (the Risk
 * sheet's deterministic centre is the value DEAL_VALUE gives for the run's inputs).
 * The workbook is the strict Excel double, computed by the preview's evaluator.
 */
import { fireEvent, screen } from "@testing-library/react";
import { dealNpv, runScenario } from "../../src/model/scenarioModel";
import { dealValue } from "../../src/model/valuation";
import { CHECKS } from "../../src/plan/checks";
import { INPUTS } from "../../src/plan/inputs";
import { SHEET_NAMES } from "../../src/plan/layout";
import { DETERMINISTIC_LABEL, RISK_ROWS, riskStatusText } from "../../src/plan/risk";
import { SUMMARY, SUMMARY_METRICS } from "../../src/plan/summary";
import { Evaluator, bookOf } from "../../src/preview/formula";
import { ExcelDouble } from "../support/excelDouble";
import { plan } from "../support/plan";
import { button, input, queryButton, renderPane } from "./harness";

const MARGIN_CELL = `E${INPUTS.firstRow + plan().sheets[0].blocks.find((b) => b.id === "inputs.labels")!.cells.findIndex((r) => r[0] === "licence_margin")}`;

function npvOf(overrides: [string, number][]): number {
  const m = runScenario("base", overrides);
  if (!m.ok) throw new Error(m.error.message);
  const n = dealNpv(m.value, m.value.scenario.values.discount_rate);
  if (!n.ok) throw new Error(n.error.message);
  return n.value;
}

/** The model's DEAL_VALUE: present value of free cash flow at the scenario's discount rate. */
function valueOf(overrides: [string, number][]): number {
  const m = runScenario("base", overrides);
  if (!m.ok) throw new Error(m.error.message);
  const v = dealValue(m.value);
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}

const STATES = ["current", "changed", "notBuilt"] as const;

/** What the workbook says: the Risk status line (as the state whose text it is), the master check, both NPVs of base, Risk's deterministic value. */
function workbook(x: ExcelDouble) {
  const ev = new Evaluator(bookOf(x));
  const at = (sheet: string, row: number, col: number) => ev.value(sheet, row, col);
  let keyRow = RISK_ROWS.inputs;
  while (at(SHEET_NAMES.risk, keyRow, 2) !== "Key") keyRow++;
  const status = at(SHEET_NAMES.risk, RISK_ROWS.status, 1);
  let detRow = RISK_ROWS.inputs;
  while (at(SHEET_NAMES.risk, detRow, 1) !== DETERMINISTIC_LABEL) detRow++;
  // The Deal sheet's NPV rows: the live block first, then one per scenario (base is the second).
  const dealNpvRows: number[] = [];
  for (let r = 1; r < 2000 && dealNpvRows.length < 2; r++) if (at(SHEET_NAMES.deal, r, 1) === "NPV of gross profit (as of the valuation date)") dealNpvRows.push(r);
  return {
    dealNpv: at(SHEET_NAMES.deal, dealNpvRows[1], 3) as number,
    status: STATES.find((s) => riskStatusText(SHEET_NAMES, "base", s, keyRow + 1) === status) ?? status,
    master: at(SHEET_NAMES.checks, CHECKS.masterRow, CHECKS.resultCol),
    summaryNpv: at(SHEET_NAMES.summary, SUMMARY.firstRow + SUMMARY_METRICS.findIndex((m) => m.id === "npv"), SUMMARY.firstCol + 1) as number,
    riskValue: at(SHEET_NAMES.risk, detRow, 3) as number,
  };
}

const finished = () => screen.findByText(/^base: P10 \$/, undefined, { timeout: 10000 });
const built = (verb: "Built" | "Refreshed") => screen.findByText(new RegExp(`^${verb} \\d+ sheets`), undefined, { timeout: 10000 });

test("a margin typed on the sheet: Summary follows, Risk and the pane say the run is out of date, Re-run and Refresh make them agree", async () => {
  const { x } = renderPane();
  fireEvent.change(input("Paths"), { target: { value: "2000" } });
  fireEvent.click(button("Run"));
  await finished();
  fireEvent.click(button("Build sheets"));
  await built("Built");
  expect(workbook(x)).toMatchObject({ status: "current", master: true });

  x.sheet(SHEET_NAMES.inputs).set(MARGIN_CELL, 0.7);
  const typed = workbook(x);
  expect(typed).toMatchObject({ status: "changed", master: false });
  expect(typed.summaryNpv).toBeCloseTo(npvOf([["licence_margin", 0.7]]), 2);
  expect(typed.riskValue).toBeCloseTo(valueOf([]), 2);
  expect(typed.dealNpv).toBeCloseTo(typed.summaryNpv, 2);

  // The refresh keeps the typed value and writes the pane's run, which is still on base's 0.825: stale, and the pane says so.
  fireEvent.click(button("Refresh"));
  await built("Refreshed");
  expect(workbook(x)).toMatchObject({ status: "changed", master: false });
  await screen.findByText("Inputs changed since this run");
  expect(screen.getByText(/^base: Licence-fee gross margin 0.825 → 0.7\./)).toBeTruthy();
  // The pane's form shows the value the sheets use, and says why it is not the scenario's.
  fireEvent.click(screen.getByRole("button", { name: "Margins" }));
  expect((screen.getByRole("textbox", { name: /^Licence-fee gross margin/ }) as HTMLInputElement).value).toBe("0.7");
  expect(screen.getByText(new RegExp(`^Typed on CORZ Inputs!${MARGIN_CELL}: the sheets use 0.7, not this scenario's 0.825`))).toBeTruthy();

  fireEvent.click(button("Re-run"));
  await finished();
  expect(queryButton("Re-run")).toBeNull();
  fireEvent.click(button("Refresh"));
  await built("Refreshed");
  const agreed = workbook(x);
  expect(agreed).toMatchObject({ status: "current", master: true });
  expect(agreed.riskValue).toBeCloseTo(valueOf([["licence_margin", 0.7]]), 2);
  expect(agreed.dealNpv).toBeCloseTo(agreed.summaryNpv, 2);
  expect(agreed.summaryNpv).toBeCloseTo(npvOf([["licence_margin", 0.7]]), 2);
});
