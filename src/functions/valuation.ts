/**
 * The CORZ what-if functions over the cash-flow valuation: a sensitivity grid of any output
 * over two assumptions, the tornado of the inputs that move value most, and the IRR on Core
 * Scientific's own capex. Thin wrappers over src/model/sensitivity.ts and valuation.ts (see
 * functions.ts for the conventions).
 */
import { andThen, ok } from "../model/result";
import { ResolvedScenario } from "../model/scenarios";
import { axisKey, parseOutput, sensitivity, tornado, withChange } from "../model/sensitivity";
import { cashFlowModel, dealIrr } from "../model/valuation";
import { integerArg, numberArg, numbersArg, scalar } from "./args";
import { cell, toExcelError } from "./errors";
import { resolvedArg, usd } from "./scenario";

/** Money outputs leave in USD to the cent; rates (IRR) as they are. */
function rounded(kind: string, v: number): number {
  return kind === "irr" ? v : usd(v);
}

/**
 * A grid of any output over two assumptions: the first row is the column assumption's values (after a corner cell naming both), the first column the row assumption's values, and each other cell the output with both set, the rest of the scenario as it is. A point the model refuses shows its own error.
 * @customfunction SENSITIVITY
 * @param row_assumption Assumption down the rows, by key or label, e.g. "discount_rate"; or "price_change" (every tranche's price changed by a rate: -0.1 is 10% lower).
 * @param row_values The row assumption's values: a range or array, e.g. {0.08;0.1;0.12}.
 * @param col_assumption Assumption across the columns, e.g. "licence_margin".
 * @param col_values The column assumption's values, e.g. {0.8,0.825,0.85}.
 * @param [output] "value" (default: CORZ.DEAL_VALUE), "irr" (CORZ.DEAL_IRR), "npv" (gross-profit NPV at the scenario's rate), "tcv" (contract value, initial term), "tcv_options" (TCV incl. the renewal options the scenario exercises), "revenue 2027" or "cash_flow 2027" (a year's licence revenue or free cash flow).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns A grid with headers: USD for money outputs, a decimal for IRR.
 */
export function sensitivityFn(row_assumption: any, row_values: any, col_assumption: any, col_values: any, output?: any, scenario?: any[][]): any[][] {
  return cell(() =>
    andThen(scalar(row_assumption, "row_assumption"), (ra) =>
      andThen(axisKey(ra, "row_assumption"), (rowKey) =>
        andThen(scalar(col_assumption, "col_assumption"), (ca) =>
          andThen(axisKey(ca, "col_assumption"), (colKey) =>
            andThen(numbersArg(row_values, "row_values"), (rv) =>
              andThen(numbersArg(col_values, "col_values"), (cv) =>
                andThen(scalar(output, "output"), (o) =>
                  andThen(parseOutput(o), (out) =>
                    andThen(resolvedArg(scenario), (s) =>
                      andThen(sensitivity(s, { key: rowKey, values: rv }, { key: colKey, values: cv }, out), (grid) =>
                        ok([
                          [`${rowKey} \\ ${colKey}`, ...cv],
                          ...grid.map((r, i) => [rv[i], ...r.map((p) => (p.ok ? rounded(out.kind, p.value) : toExcelError(p.error)))]),
                        ]),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

const TORNADO_CACHE = 32;
const tornadoCache = new Map<string, ReturnType<typeof tornado>>();

/** The tornado of a scenario, remembered: a sheet that shows it recalculates without revaluing two dozen variants. */
function tornadoOf(s: ResolvedScenario, count: number): ReturnType<typeof tornado> {
  const key = JSON.stringify([s.values, count]);
  const hit = tornadoCache.get(key);
  if (hit) return hit;
  const r = tornado(s, count);
  if (tornadoCache.size >= TORNADO_CACHE) tornadoCache.delete(tornadoCache.keys().next().value as string);
  tornadoCache.set(key, r);
  return r;
}

/**
 * The inputs that move CORZ.DEAL_VALUE most, largest swing first: input | low case | high case | value at low | value at high | swing | basis of the range. Each input moves alone between its low and high case, the rest of the scenario as it is.
 * @customfunction TORNADO
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [count] How many inputs, 1 to 12; default 10.
 * @returns A table with a header row; values in USD.
 */
export function tornadoFn(scenario?: any[][], count?: any): any[][] {
  return cell(() =>
    andThen(count === undefined || count === null || count === "" ? ok(10) : integerArg(count, "count", 1, 12), (n) =>
      andThen(resolvedArg(scenario), (s) =>
        andThen(tornadoOf(s, n), (t) =>
          ok([
            ["Input", "Low case", "High case", "Value at low", "Value at high", "Swing", "Basis of the range"],
            ...t.bars.map((b) => [b.key, b.low, b.high, usd(b.valueLow), usd(b.valueHigh), usd(b.swing), b.basis]),
          ]),
        ),
      ),
    ),
  );
}

/**
 * Internal rate of return on Core Scientific's own capex in the CoreWeave contracts: the yearly free cash flows of CORZ.DEAL_CASH_FLOW from the first capex to the last billing. CoreWeave funds the build at its sites, so the data's own capex per MW is 0 and there is no return to measure (#NUM!): give core_capex_per_mw to test a share of the build.
 * @customfunction DEAL_IRR
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @param [core_capex_per_mw] Core Scientific's own capex per MW, USD (e.g. 1500000); default the scenario's.
 * @returns The IRR as a decimal.
 */
export function dealIrrFn(scenario?: any[][], core_capex_per_mw?: any): number {
  return cell(() =>
    andThen(resolvedArg(scenario), (s) =>
      andThen(
        core_capex_per_mw === undefined || core_capex_per_mw === null || core_capex_per_mw === ""
          ? ok(s)
          : andThen(numberArg(core_capex_per_mw, "core_capex_per_mw"), (c) => withChange(s, "core_capex_per_mw", c)),
        (sc) => andThen(cashFlowModel(sc), (m) => dealIrr(m)),
      ),
    ),
  );
}
