/**
 * The Deal sheet's formulas for a tranche, written natively so the sheet recalculates without the
 * add-in (the model's deal.ts, ramp.ts and dates.ts): the ramp integral G, decimal years, the
 * delayed start, and revenue and billable MW-years over a window of time.
 */

/**
 * The elementwise ramp integral, for use inside SUMPRODUCT (no IF: arrays):
 * G(x) = (x > 0) * (x - r/2 + (x < r) * (r - x)^2 / (2r)), which is x^2 / (2r) during the ramp,
 * x - r/2 after it, and max(x, 0) when r = 0 (the guard only keeps 0/0 out).
 */
export function gArray(x: string, r: string): string {
  return `((${x})>0)*((${x})-${r}/2+((${x})<${r})*(${r}-(${x}))^2/(2*${r}+(${r}=0)))`;
}

/** The scalar ramp integral, the same G(x) as `gArray`: 0 until x > 0. */
function gScalar(x: string, r: string): string {
  return `IF(${x}>0,${x}-${r}/2+MAX(${r}-(${x}),0)^2/(2*${r}+(${r}=0)),0)`;
}

/** A planned date after the supply-chain delay (months) when it falls after the date the delay applies from (the model's delayedStart). */
export function delayedDate(planned: string, delay: string, delayAfter: string): string {
  return `IF(AND(${delay}>0,${planned}>${delayAfter}),EDATE(${planned},${delay}),${planned})`;
}

/** A date as the model's decimal year (dates.ts yearFraction): year + days since 1 January / days in the year. */
export function decimalYear(d: string): string {
  return `YEAR(${d})+(${d}-DATE(YEAR(${d}),1,1))/(DATE(YEAR(${d})+1,1,1)-DATE(YEAR(${d}),1,1))`;
}

/** The constant cells of one tranche that its formulas read. */
export interface TrancheCells {
  readonly mw: string;
  /** Price per MW-year in contract year 1 (p1). */
  readonly price: string;
  /** Billing start as a decimal year (s). */
  readonly start: string;
  /** Ramp to full load, years (r). */
  readonly ramp: string;
}

/** What every tranche's revenue formula reads: the contract-year index k, the block's price index by k, the years billed. */
export interface Terms {
  /** The contract-year index k (1, 2, ...): the range of row ROW.index. */
  readonly contractYear: string;
  /** The block's price index by contract year (price in year k / price in year 1; 0 after the years billed), aligned with contractYear. */
  readonly priceIndex: string;
  /** Years billed per MW (N). */
  readonly yearsBilled: string;
}

/** MW x p1 x SUMPRODUCT over contract years k of the price index times `share(k)`, the share-years of contract year k. */
export function overContractYears(t: TrancheCells, terms: Terms, share: string): string {
  return `${t.mw}*${t.price}*SUMPRODUCT(${terms.priceIndex}*(${share}))`;
}

/**
 * A tranche's licence revenue in the window [a, b] (the model's trancheRevenue), given u = a - s
 * and v = b - s (years from its billing start s): the share-years of contract year k are
 * G(v+1-k) - G(u+1-k) - G(v-k) + G(u-k).
 */
export function windowRevenue(t: TrancheCells, terms: Terms, u: string, v: string): string {
  const rampIntegral = (w: string, plusOne: boolean) => `(${gArray(`${w}${plusOne ? "+1" : ""}-${terms.contractYear}`, t.ramp)})`;
  return overContractYears(t, terms, `${rampIntegral(v, true)}-${rampIntegral(u, true)}-${rampIntegral(v, false)}+${rampIntegral(u, false)}`);
}

/** A tranche's MW-years billable in [a, b] (the model's trancheMwYears), given u = a - s and v = b - s: MW * (G(v) - G(u) - G(v-N) + G(u-N)). */
export function windowMwYears(t: TrancheCells, yearsBilled: string, u: string, v: string): string {
  const rampIntegral = (x: string) => gScalar(x, t.ramp);
  return `${t.mw}*(${rampIntegral(v)}-${rampIntegral(u)}-${rampIntegral(`${v}-${yearsBilled}`)}+${rampIntegral(`${u}-${yearsBilled}`)})`;
}
