/**
 * The Core Scientific - CoreWeave hosting contracts as tranches, and the revenue they earn
 * by calendar year and by contract year.
 *
 * Units: money in USD, capacity in MW, time in decimal calendar years, rates as decimals.
 */
import { CivilDate, addMonths, compareDates, fromExcelSerial, toExcelSerial, yearFraction } from "./dates";
import { billableShareYears, contractYearShare, contractYearsIn, rampShare } from "./ramp";
import { Result, numError, ok, valueError } from "./result";
import { Assumptions } from "./scenarios";
import { TRANCHE_IDS } from "./assumptions";

/** How many tranches the data has (assumptions.ts `TRANCHE_DATA`); nothing else fixes it. */
export const TRANCHE_COUNT = TRANCHE_IDS.length;

export interface Tranche {
  readonly id: string; // "t1", "t2", ... in data order
  readonly mw: number;
  /** Contract value over the initial term, USD. */
  readonly value: number;
  /** Billing start as filed/assumed, Excel serial. */
  readonly plannedStart: number;
  /** Billing start after the supply-chain delay, decimal year. */
  readonly start: number;
  /** Whether the supply-chain delay moved this tranche's billing start. */
  readonly delayed: boolean;
  /** Ramp length in years. */
  readonly ramp: number;
  /** All MW energised (power on), after the supply-chain delay, decimal year. */
  readonly energised: number;
  /** Energisation as filed/assumed, Excel serial. */
  readonly plannedEnergised: number;
  /** Whether the supply-chain delay moved its energisation. */
  readonly energisedDelayed: boolean;
  /** Initial term in years. */
  readonly term: number;
  /** Initial term plus exercised renewals, in years. */
  readonly totalYears: number;
  /** Price per MW-year in contract year k (index 0 = year 1), USD. */
  readonly prices: readonly number[];
}

function shifted(serial: number, a: Assumptions): { date: CivilDate; delayed: boolean } {
  const d = fromExcelSerial(serial);
  const after = fromExcelSerial(a.delay_after);
  if (!d.ok || !after.ok) throw new Error("dates are validated before they reach the model");
  const delayed = a.delay_months > 0 && compareDates(d.value, after.value) > 0;
  return { date: delayed ? addMonths(d.value, a.delay_months) : d.value, delayed };
}

/** Shifts a date (Excel serial) by the supply-chain delay when it falls after `delay_after`; the start as a decimal year. */
export function delayedStart(serial: number, a: Assumptions): { start: number; delayed: boolean } {
  const { date, delayed } = shifted(serial, a);
  return { start: yearFraction(date), delayed };
}

/** The same shifted date as an Excel serial (what the sheets' EDATE shows). */
export function delayedStartSerial(serial: number, a: Assumptions): number {
  return toExcelSerial(shifted(serial, a).date);
}

/**
 * Price per MW-year in each contract year: year 1 is set so the initial term earns exactly
 * the contract value, `value / (MW * sum_{k=1..term} (1 + escalator)^(k-1))`; renewal years
 * continue the escalation and apply the renewal price change.
 *
 * @example pricesFor(3.5e9, 200, 12, 0, 0, 0, 0)[0] // 1_458_333.33 USD per MW-year
 */
export function pricesFor(
  value: number,
  mw: number,
  term: number,
  escalator: number,
  renewals: number,
  renewalYears: number,
  repricing: number,
): number[] {
  if (mw <= 0) return [];
  let weight = 0;
  for (let k = 0; k < term; k++) weight += Math.pow(1 + escalator, k);
  const p1 = value / (mw * weight);
  const prices: number[] = [];
  for (let k = 0; k < term + renewals * renewalYears; k++) {
    prices.push(p1 * Math.pow(1 + escalator, k) * (k >= term ? 1 + repricing : 1));
  }
  return prices;
}

/** Builds the tranches of a resolved scenario, checking that they make sense together. */
export function buildTranches(a: Assumptions): Result<Tranche[]> {
  const out: Tranche[] = [];
  for (const id of TRANCHE_IDS) {
    const mw = a[`${id}_mw`];
    const value = a[`${id}_value`];
    if (mw === 0 && value > 0) {
      return valueError(`${id}_value is ${value} USD but ${id}_mw is 0: a tranche with value needs MW`);
    }
    const { start, delayed } = delayedStart(a[`${id}_start`], a);
    const energised = delayedStart(a[`${id}_energised`], a);
    const prices = pricesFor(value, mw, a.term_years, a.escalator, a.renewal_options, a.renewal_term_years, a.renewal_repricing);
    if (prices.some((p) => !Number.isFinite(p))) {
      // Valid inputs can still overflow: a contract value on a vanishingly small MW (e.g. 1e-310).
      return numError(`${id}: ${value} USD on ${mw} MW gives a price per MW-year too large to compute`);
    }
    out.push({
      id,
      mw,
      value,
      plannedStart: a[`${id}_start`],
      start,
      delayed,
      energisedDelayed: energised.delayed,
      ramp: a[`${id}_ramp_months`] / 12,
      energised: energised.start,
      plannedEnergised: a[`${id}_energised`],
      term: a.term_years,
      totalYears: prices.length,
      prices,
    });
  }
  if (out.every((t) => t.mw === 0)) return valueError("every tranche has 0 MW: the deal has no capacity");
  return ok(out);
}

/** Licence-fee revenue a tranche earns in the window [a, b] (decimal years), USD. */
export function trancheRevenue(t: Tranche, a: number, b: number): number {
  let sum = 0;
  const years = contractYearsIn(a, b, t.start, t.ramp);
  for (let k = years.first; k <= Math.min(years.last, t.prices.length); k++) {
    const share = contractYearShare(a, b, t.start, t.ramp, k);
    if (share !== 0) sum += t.prices[k - 1] * t.mw * share;
  }
  return sum;
}

/** MW-years billable in [a, b]; over one calendar year this is the average billable MW. */
export function trancheMwYears(t: Tranche, a: number, b: number): number {
  return t.mw * billableShareYears(a, b, t.start, t.ramp, t.totalYears);
}

/** MW billable at time x (decimal year). */
export function trancheMwAt(t: Tranche, x: number): number {
  return t.mw * (rampShare(x - t.start, t.ramp) - rampShare(x - t.start - t.totalYears, t.ramp));
}

/** Revenue in contract year k (k = 1 is each megawatt's first year of billing), USD. */
export function trancheContractYearRevenue(t: Tranche, k: number): number {
  return k >= 1 && k <= t.prices.length ? t.prices[k - 1] * t.mw : 0;
}

/**
 * Total revenue over the initial term and exercised renewals, USD: the contract value
 * (exact, by construction of the prices) plus the renewal years.
 */
export function trancheTotal(t: Tranche): number {
  return t.prices.slice(t.term).reduce((s, p) => s + p * t.mw, t.value);
}

/** First and last calendar years in which any tranche bills. */
export function dealYears(tranches: readonly Tranche[]): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const t of tranches) {
    if (t.mw <= 0) continue;
    first = Math.min(first, Math.floor(t.start));
    const end = t.start + t.totalYears + t.ramp;
    // The year that contains the last moment of billing.
    last = Math.max(last, Math.ceil(end) - 1);
  }
  return { first, last };
}
