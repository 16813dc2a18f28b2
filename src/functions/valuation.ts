/**
 * The CORZ what-if functions over the cash-flow valuation: a sensitivity grid of any output
 * over two assumptions, the tornado of the inputs that move value most, and the IRR on Core
 * Scientific's own capex. Thin wrappers over src/model/sensitivity.ts and valuation.ts (see
 * functions.ts for the conventions).
 */
import { all, andThen, map, ok } from "../model/result";
import { axisKey, parseOutput, sensitivity, tornado, withChange } from "../model/sensitivity";
import { cashFlowModel, dealIrr } from "../model/valuation";
import { maybeNumberArg, numbersArg, scalar, wholeArg } from "./args";
import { cell, toExcelError } from "./errors";
import { Memo } from "./memo";
import { resolvedArg, usd } from "./scenario";

/** Money outputs leave in USD to the cent; rates (IRR) as they are. */
function rounded(kind: string, v: number): number {
  return kind === "irr" ? v : usd(v);
}

/**
 * A grid of any output over two assumptions: the first row is the column assumption's values (after a corner cell naming both), the first column the row assumption's values, and each other cell the output with both set, the rest of the scenario as it is. A point the model refuses shows its own error.
 * @customfunction SENSITIVITY
 * @helpurl https://localhost:3000/help/functions/SENSITIVITY.html
 * @param row_assumption Assumption down the rows, by key or label, e.g. "discount_rate"; or "price_change" (every tranche's price changed by a rate: -0.1 is 10% lower).
 * @param row_values The row assumption's values: a range or array, e.g. {0.08;0.1;0.12}.
 * @param col_assumption Assumption across the columns, e.g. "licence_margin".
 * @param col_values The column assumption's values, e.g. {0.8,0.825,0.85}.
 * @param [output] "value" (default: CORZ.DEAL_VALUE), "irr" (CORZ.DEAL_IRR), "npv" (gross-profit NPV at the scenario's rate), "tcv" (contract value, initial term), "tcv_options" (TCV incl. the renewal options the scenario exercises), "revenue 2027" or "cash_flow 2027" (a year's licence revenue or free cash flow).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns A grid with headers: USD for money outputs, a decimal for IRR.
 */
export function sensitivityFn(row_assumption: any, row_values: any, col_assumption: any, col_values: any, output?: any, scenario?: any[][]): any[][] {
  return cell(() => {
    const args = all(
      andThen(scalar(row_assumption, "row_assumption"), (ra) => axisKey(ra, "row_assumption")),
      andThen(scalar(col_assumption, "col_assumption"), (ca) => axisKey(ca, "col_assumption")),
      numbersArg(row_values, "row_values"),
      numbersArg(col_values, "col_values"),
      andThen(scalar(output, "output"), parseOutput),
      resolvedArg(scenario),
    );
    if (!args.ok) return args;
    const [rowKey, colKey, rv, cv, out, s] = args.value;
    return map(sensitivity(s, { key: rowKey, values: rv }, { key: colKey, values: cv }, out), (grid) => [
      [`${rowKey} \\ ${colKey}`, ...cv],
      ...grid.map((r, i) => [rv[i], ...r.map((p) => (p.ok ? rounded(out.kind, p.value) : toExcelError(p.error)))]),
    ]);
  });
}

/** Tornadoes remembered (memo.ts): a sheet that shows one recalculates without revaluing two dozen variants. */
const tornadoes = new Memo<ReturnType<typeof tornado>>(32);

/**
 * The inputs that move CORZ.DEAL_VALUE most, largest swing first: input | low case | high case | value at low | value at high | swing | basis of the range. Each input moves alone between its low and high case, the rest of the scenario as it is.
 * @customfunction TORNADO
 * @helpurl https://localhost:3000/help/functions/TORNADO.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [count] How many inputs, 1 to 12; default 10.
 * @returns A table with a header row; values in USD.
 */
export function tornadoFn(scenario?: any[][], count?: any): any[][] {
  return cell(() => {
    const args = all(wholeArg(count, "count", 1, 12, { optional: 10 }), resolvedArg(scenario));
    if (!args.ok) return args;
    const [n, s] = args.value;
    return map(
      tornadoes.get(JSON.stringify([s.values, n]), () => tornado(s, n)),
      (t) => [
        ["Input", "Low case", "High case", "Value at low", "Value at high", "Swing", "Basis of the range"],
        ...t.bars.map((b) => [b.key, b.low, b.high, usd(b.valueLow), usd(b.valueHigh), usd(b.swing), b.basis]),
      ],
    );
  });
}

/**
 * Internal rate of return on Core Scientific's own capex in the CoreWeave contracts: the yearly free cash flows of CORZ.DEAL_CASH_FLOW from the first capex to the last billing. CoreWeave funds the build at its sites, so the data's own capex per MW is 0 and there is no return to measure (#NUM!): give core_capex_per_mw to test a share of the build.
 * @customfunction DEAL_IRR
 * @helpurl https://localhost:3000/help/functions/DEAL_IRR.html
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [core_capex_per_mw] Core Scientific's own capex per MW, USD (e.g. 1500000); default the scenario's.
 * @returns The IRR as a decimal.
 */
export function dealIrrFn(scenario?: any[][], core_capex_per_mw?: any): number {
  return cell(() => {
    const args = all(resolvedArg(scenario), maybeNumberArg(core_capex_per_mw, "core_capex_per_mw"));
    if (!args.ok) return args;
    const [s, capex] = args.value;
    const sc = capex === undefined ? ok(s) : withChange(s, "core_capex_per_mw", capex);
    return andThen(andThen(sc, cashFlowModel), dealIrr);
  });
}
