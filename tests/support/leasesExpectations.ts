/**
 * What each formula cell of the Leases sheet must show, from the deal library and the model's
 * normalisation (src/model/leases/normalise.ts), with what the user typed into the sheet: each
 * row becomes a Lease on the critical-IT basis and the model's usdPerMw, usdPerMwYear, leaseStat
 * and percentileOf give the figures. No sheet formula is re-implemented here.
 */
import { LEASES, Lease } from "../../src/model/leases/data";
import { criticalItMw, leaseStat, percentileOf, usdPerMw, usdPerMwYear } from "../../src/model/leases/normalise";
import { LEASE_COLS, LEASE_ROWS, LEASE_SUBJECT, LEASE_USER_ROWS, leaseUserKey } from "../../src/plan/leases";

type Want = number | string | boolean;

/** A table row's inputs as the user left them (null: cleared). */
export interface LeaseRowTyped {
  readonly critical_it_mw?: number | null;
  readonly value_usd?: number | null;
  readonly term_years?: number | null;
  readonly comparable?: boolean;
}

/** What the user typed on the Leases sheet, by row key (a deal id or "user-1".."user-N"). */
export type LeasesTyped = Readonly<Record<string, LeaseRowTyped>>;

interface RowInputs {
  readonly key: string;
  readonly mw?: number;
  readonly value?: number;
  readonly term?: number;
  readonly comparable: boolean;
}

const defined = (x: number | null | undefined): number | undefined => (x === null ? undefined : x);

/** Every table row, library deals then user rows, with the typed values over the defaults. */
export function leaseRows(typed: LeasesTyped = {}): RowInputs[] {
  const library = LEASES.map((l): RowInputs => {
    const mw = criticalItMw(l);
    return { key: l.id, mw: "value" in mw ? mw.value : undefined, value: l.contractValueUsd.value, term: l.termYears.value, comparable: l.comparable };
  });
  const user = Array.from({ length: LEASE_USER_ROWS }, (_, i): RowInputs => ({ key: leaseUserKey(i), comparable: true }));
  return [...library, ...user].map((r): RowInputs => {
    const t = typed[r.key];
    if (!t) return r;
    return {
      key: r.key,
      mw: "critical_it_mw" in t ? defined(t.critical_it_mw) : r.mw,
      value: "value_usd" in t ? defined(t.value_usd) : r.value,
      term: "term_years" in t ? defined(t.term_years) : r.term,
      comparable: t.comparable ?? r.comparable,
    };
  });
}

/**
 * The row as a deal on the critical-IT basis, for the model's functions; undefined without MW
 * or value. A missing term is 0, which the model reads as n/a.
 */
function asLease(r: RowInputs): Lease | undefined {
  if (r.mw === undefined || r.value === undefined) return undefined;
  const base = LEASES.find((l) => l.id === r.key) ?? LEASES[0];
  return {
    ...base,
    id: r.key,
    mw: { ...base.mw, value: r.mw },
    mwBasis: "critical IT",
    itShareOfGross: undefined,
    contractValueUsd: { ...base.contractValueUsd, value: r.value },
    termYears: { ...base.termYears, value: r.term ?? 0 },
    comparable: r.comparable,
  };
}

const orNa = (n: { value: number } | { na: string }): Want => ("value" in n ? n.value : "n/a");

/** The expectation function for the Leases sheet: (row, col) to the value, undefined for cells it does not know. */
export function leasesExpectations(typed: LeasesTyped = {}): (row: number, col: number) => Want | undefined {
  const rows = leaseRows(typed);
  const leases = rows.map(asLease).filter((l): l is Lease => l !== undefined);
  const perRow = rows.map((r) => {
    const lease = asLease(r);
    // Without MW or value: blank when neither is there (an empty user row), else n/a.
    const perMw: Want = lease ? orNa(usdPerMw(lease)) : r.mw === undefined && r.value === undefined ? "" : "n/a";
    const perMwYear: Want = lease && typeof perMw === "number" ? orNa(usdPerMwYear(lease)) : perMw;
    const inStats: Want = r.comparable && typeof perMwYear === "number" ? perMwYear : "";
    return { usd_per_mw: perMw, usd_per_mw_year: perMwYear, in_stats: inStats, chart: typeof inStats === "number" ? inStats : "#N/A" };
  });
  const stat = (s: "median" | "mean" | "min" | "max"): Want => {
    const r = leaseStat("usdPerMwYear", s, undefined, leases);
    return r.ok ? r.value : "";
  };
  const count = leaseStat("usdPerMwYear", "count", undefined, leases);
  const subjectIndex = rows.findIndex((r) => r.key === LEASE_SUBJECT);
  const percentile = percentileOf(LEASE_SUBJECT, "usdPerMwYear", undefined, leases);
  const S = LEASE_ROWS.stats;
  const stats: Record<number, Want> = {
    [S.count]: count.ok ? count.value : 0,
    [S.median]: stat("median"),
    [S.mean]: stat("mean"),
    [S.min]: stat("min"),
    [S.max]: stat("max"),
    [S.subject]: perRow[subjectIndex].in_stats,
    [S.percentile]: percentile.ok ? percentile.value : "n/a",
  };
  return (row, col) => {
    if (col === 3 && row in stats) return stats[row];
    const i = row - LEASE_ROWS.first;
    if (i < 0 || i >= perRow.length) return undefined;
    const k = (["usd_per_mw", "usd_per_mw_year", "in_stats", "chart"] as const).find((c) => LEASE_COLS[c] === col);
    return k ? perRow[i][k] : undefined;
  };
}
