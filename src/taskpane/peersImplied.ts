/**
 * The implied value the Peers panel shows: the same model call as CORZ.IMPLIED_VALUE and the
 * Peers sheet, for the first scenario built (the one the sheet's live block shows until its
 * selector is changed), with the pane's group, statistic, multiple and left-out peers.
 * Figures typed over the defaults on the Peers sheet are the sheet's alone.
 */
import { ImpliedValue, MIN_PEERS, impliedValue, publishedNote } from "../model/peers/comps";
import { Result, andThen, ok } from "../model/result";
import { computeScenario, yearRow } from "../model/scenarioModel";
import { PaneState, planScenarios } from "../model/paneState";

export interface PaneImplied {
  /** The scenario it is for. */
  readonly scenario: string;
  readonly year: number;
  readonly result: Result<ImpliedValue>;
  /** Published multiples it leans on, with publisher and date ("" when none). */
  readonly published: string;
}

export function paneImpliedValue(state: PaneState): Result<PaneImplied> {
  return andThen(planScenarios(state), (scenarios) => {
    const first = scenarios[0];
    return andThen(computeScenario(first), (m) => {
      const year = first.values.target_year;
      const row = yearRow(m, year);
      const { group, stat, multiple, exclude, shares } = state.peers;
      const result = impliedValue(multiple, stat, { revenue: row.revenue, ebitda: row.grossProfit, mw: m.contractedMw }, { group, exclude }, shares);
      return ok({ scenario: first.name, year, result, published: result.ok ? publishedNote(multiple, result.value.used) : "" });
    });
  });
}

/** "$11.07B" (USD in billions, two decimals). */
export const usdB = (x: number) => `$${(x / 1e9).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}B`;

export const MINIMUM_NOTE = `An implied value needs at least ${MIN_PEERS} peers with the multiple: with two the median is their mean and either moves it; from three no single outlier sets it.`;
