/**
 * The market rent the deal library gives: the median US dollars per MW-year of the comparable
 * HPC leases other hosts announced in the library's most recent twelve months. The model uses it
 * where an analyst would reach for a market rent: what CoreWeave pays when it renews, and what
 * Core Scientific's halls re-let for after a CoreWeave default.
 *
 * Core Scientific's own contracts are left out: the rent they would be re-let or renewed at is
 * the market's, not theirs. Pure; no dates from the clock (the window ends at the library's
 * latest announcement, so the answer changes only when the data does).
 */
import { addMonths, parseIso, toIso } from "../dates";
import { citeFigure } from "../record/source";
import { LEASES, Lease } from "./data";
import { statistic } from "../peers/comps";
import { comparableValues } from "./normalise";

/** How far back "recent" reaches from the library's latest announcement, months. */
export const RECENT_MONTHS = 12;

/** The host whose own contracts are the subject, left out of the market rent. */
export const SUBJECT_HOST = "Core Scientific";

export interface MarketRent {
  /** Median contract value per critical-IT MW per year of the deals used, USD per MW-year. */
  readonly value: number;
  /** How many deals the median is over. */
  readonly count: number;
  /** Their ids, in the library's order. */
  readonly deals: readonly string[];
  /** The window of announcement dates, ISO, both ends included. */
  readonly since: string;
  readonly through: string;
  /** One line that says what the number is, for the Inputs sheet, the pane and the README. */
  readonly label: string;
  /** Where the median deal (or the two middle deals) can be read: document, date, quote and address. */
  readonly source: string;
}

/**
 * The recent market rent: the median $ per MW-year over comparable deals with a value, announced
 * within `RECENT_MONTHS` of the library's latest announcement, other hosts only.
 *
 * @example recentMarketRent().count // 12 deals, announced 2025-06-09 to 2026-06-09
 */
export function recentMarketRent(leases: readonly Lease[] = LEASES): MarketRent {
  const through = leases.map((l) => l.announced).reduce((a, b) => (a > b ? a : b));
  const end = parseIso(through);
  if (!end.ok) throw new Error(`the deal library's latest announcement ${through} is not a date`);
  const since = toIso(addMonths(end.value, -RECENT_MONTHS));
  const used = comparableValues("usdPerMwYear", (l) => l.host !== SUBJECT_HOST && l.announced >= since && l.announced <= through, leases);
  if (used.length === 0) throw new Error("the deal library has no recent comparable deal");
  const value = statistic(used.map((u) => u.value), "median");
  const sorted = [...used].sort((a, b) => a.value - b.value);
  const middle = sorted.length % 2 === 1 ? [sorted[(sorted.length - 1) / 2]] : sorted.slice(sorted.length / 2 - 1, sorted.length / 2 + 1);
  return {
    value,
    count: used.length,
    deals: used.map((u) => u.lease.id),
    since,
    through,
    source: middle
      .map((m) => `${m.lease.host} to ${m.lease.tenant} (${m.lease.site}), $${(m.value / 1e6).toFixed(3)}M per MW-year: ${citeFigure(m.lease.contractValueUsd)}`)
      .join("; "),
    label: `median $${(value / 1e6).toFixed(3)}M per MW-year of the ${used.length} comparable HPC leases other hosts announced from ${since} to ${through} (deal library; critical-IT MW, firm term, renewal options excluded)`,
  };
}
