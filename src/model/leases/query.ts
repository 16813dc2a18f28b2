/**
 * Reading the deal library the way a worksheet asks for it: which deals a filter selects, a deal
 * found by id or a forgiving name, a deal's figure by metric name, and the rows CORZ.LEASE_LIST
 * spills. Pure functions over `LEASES`; errors are values (`Result`), never NaN.
 *
 * Filter grammar (case and spacing forgiven; several terms joined by "," or ";" must all hold):
 *
 *   blank | "all"                    every deal
 *   "comparable" | "not comparable"  by the library's comparable flag
 *   a kind                           "lease", "colocation licence" (or "licence"), "GPU service" (or "GPU")
 *   a host name or ticker            "Applied Digital" or "APLD", "TeraWulf" or "WULF" (its joint venture too)...
 *   a tenant or end user             any run of whole words of the tenant: "CoreWeave", "Fluidstack",
 *                                    "hyperscaler", "AWS", "Anthropic"
 *   a period                         "2025" (announced that year), "2025-06" (that month), "2025-06-15"
 *   since | after | before + period  "since 2025-06" (announced on or after 1 June 2025), "after 2025"
 *                                    (2026 on), "before 2026-01-15"; the period may be a date serial
 *
 * An unknown term is `#VALUE!` with the accepted forms listed, never an empty selection.
 */
import { byNames, nameIndex, normaliseName } from "../names";
import { PEERS } from "../peers/data";
import { fromExcelSerial, parseIso, toExcelSerial, toIso } from "../dates";
import { Result, naError, ok, valueError } from "../result";
import { LEASES, Lease, LeaseKind } from "./data";
import { LeaseMetric, Normalised, criticalItMw, usdPerMw, usdPerMwYear } from "./normalise";

// ---- Hosts, tenants, words -----------------------------------------------------------------------

/**
 * Listed hosts: the peer set's HPC hosts (their names, aliases and tickers live there). A deal
 * belongs to the first whose name or an alias begins its `host` (a joint venture counts for its lead host).
 */
export const HOSTS: ReadonlyArray<{ readonly ticker: string; readonly name: string; readonly aliases: readonly string[] }> = PEERS.filter(
  (p) => p.group === "hpc-host",
).map((p) => {
  const ticker = [p.name, ...p.aliases].find((n) => /^[A-Z]{2,5}$/.test(n));
  if (!ticker) throw new Error(`HPC host ${p.name} has no ticker among its aliases`);
  return { ticker, name: p.name, aliases: p.aliases };
});

/** The listed hosts by ticker, name or alias; the first host to claim a name keeps it (the list is reversed, as a later pair wins). */
const HOST_BY_NAME = nameIndex([...HOSTS].reverse().flatMap((h) => byNames(h, [h.ticker, h.name, ...h.aliases])));

/** Other names of tenants (normalised name → words of the tenant). */
const TENANT_ALIASES: Readonly<Record<string, string>> = { aws: "amazon web services", msft: "microsoft", crwv: "coreweave", amazon: "amazon web services" };

/** The listed host a deal belongs to, if any. */
export function hostOf(lease: Lease): (typeof HOSTS)[number] | undefined {
  const h = normaliseName(lease.host);
  return HOSTS.find((x) => [x.name, ...x.aliases].some((n) => h.startsWith(normaliseName(n))));
}

/** Lower-case words of a text ("U.S. investment-grade" → u, s, investment, grade). */
function words(s: string): string[] {
  return s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
}

/** True when `phrase`'s words occur, in order and adjacent, among `text`'s words. */
function hasPhrase(text: string, phrase: readonly string[]): boolean {
  const w = words(text);
  return phrase.length > 0 && w.some((_, i) => phrase.every((p, j) => w[i + j] === p));
}

// ---- Filters -------------------------------------------------------------------------------------

/** A parsed filter: the deals it selects, and the text it was read from. */
export interface LeaseQuery {
  readonly text: string;
  readonly test: (lease: Lease) => boolean;
}

const KINDS: Readonly<Record<string, LeaseKind>> = {
  lease: "lease",
  leases: "lease",
  colocationlicence: "colocation licence",
  colocationlicense: "colocation licence",
  licence: "colocation licence",
  license: "colocation licence",
  gpuservice: "GPU service",
  gpu: "GPU service",
};

/** A period written YYYY, YYYY-MM, YYYY-MM-DD or as an Excel date serial, as its ISO prefix. */
function period(s: string): Result<string> {
  const t = s.trim();
  if (/^\d{5,7}(\.\d+)?$/.test(t)) return andIso(fromExcelSerial(Number(t)));
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t);
  if (!m) return valueError(`a period must be written 2025, 2025-06 or 2025-06-15, got "${s}"`);
  const [, y, mo, d] = m;
  const pad = (x: string) => x.padStart(2, "0");
  if (mo === undefined) return ok(y);
  if (d === undefined) return Number(mo) >= 1 && Number(mo) <= 12 ? ok(`${y}-${pad(mo)}`) : valueError(`"${s}" is not a month`);
  return andIso(parseIso(`${y}-${pad(mo)}-${pad(d)}`));
}

function andIso(d: ReturnType<typeof parseIso>): Result<string> {
  return d.ok ? ok(toIso(d.value)) : d;
}

/** One term of a filter, or why it is not understood. */
function term(raw: string): Result<(lease: Lease) => boolean> {
  const t = raw.trim().toLowerCase().replace(/\s+/g, " ");
  const key = normaliseName(t);
  if (key === "all") return ok(() => true);
  if (key === "comparable") return ok((l) => l.comparable);
  if (key === "notcomparable" || key === "noncomparable") return ok((l) => !l.comparable);
  const kind = KINDS[key];
  if (kind) return ok((l) => l.kind === kind);
  const when = /^(since|from|after|before)\s+(.+)$/.exec(t);
  if (when || /^\d{4}(-\d{1,2}){0,2}$/.test(t)) {
    const p = period(when ? when[2] : t);
    if (!p.ok) return p;
    const at = p.value;
    switch (when?.[1]) {
      case "since":
      case "from":
        return ok((l) => l.announced >= at);
      case "after":
        return ok((l) => l.announced > at && !l.announced.startsWith(at));
      case "before":
        return ok((l) => l.announced < at);
      default:
        return ok((l) => l.announced.startsWith(at));
    }
  }
  const host = HOST_BY_NAME.find(key);
  if (host) return ok((l) => hostOf(l) === host);
  if (LEASES.some((l) => normaliseName(l.host) === key)) return ok((l) => normaliseName(l.host) === key);
  const phrase = words(TENANT_ALIASES[key] ?? t);
  const tenantMatch = (l: Lease) => hasPhrase(l.tenant, phrase) || (l.endUser !== undefined && hasPhrase(l.endUser.value, phrase));
  if (LEASES.some(tenantMatch)) return ok(tenantMatch);
  return valueError(`unknown filter "${raw.trim()}"; ${FILTER_HELP}`);
}

const FILTER_HELP =
  `use "all", "comparable", "not comparable", a kind (lease, colocation licence, GPU service), ` +
  `a host or ticker (${HOSTS.map((h) => `${h.name}/${h.ticker}`).join(", ")}), ` +
  `a tenant (${[...new Set(LEASES.map((l) => l.tenant).filter((t) => !/unnamed/.test(t)))].join(", ")}, hyperscaler), ` +
  `a year or month such as 2025 or 2025-06, "since 2025-06", "after 2025" or "before 2026-01-15"; join several with commas (all must hold)`;

/**
 * Reads a filter: text per the grammar above, a number as a year (2025), blank as "all".
 *
 * @example LEASES.filter(parseFilter("CoreWeave, since 2025-06").value.test).length // 2 (CoreWeave's deals announced from 1 June 2025)
 */
export function parseFilter(filter: string | number): Result<LeaseQuery> {
  if (typeof filter === "number") {
    return Number.isInteger(filter) && filter >= 1900 && filter <= 9999
      ? parseFilter(String(filter))
      : valueError(`a number as filter is a year such as 2025, got ${filter}; ${FILTER_HELP}`);
  }
  const text = filter.trim() === "" ? "all" : filter.trim();
  const tests: Array<(l: Lease) => boolean> = [];
  for (const part of text.split(/[,;]/)) {
    if (part.trim() === "") return valueError(`filter "${text}" has an empty term; ${FILTER_HELP}`);
    const r = term(part);
    if (!r.ok) return r;
    tests.push(r.value);
  }
  return ok({ text, test: (l) => tests.every((f) => f(l)) });
}

/** The deals a filter selects, in the library's order; #N/A (not an empty list) when there are none. */
export function leasesMatching(q: LeaseQuery, leases: readonly Lease[] = LEASES): Result<Lease[]> {
  const hit = leases.filter(q.test);
  return hit.length > 0 ? ok(hit) : naError(`no deal matches filter "${q.text}"`);
}

// ---- Finding a deal ------------------------------------------------------------------------------

function dealWords(l: Lease): Set<string> {
  const h = hostOf(l);
  const texts = [l.id, l.host, l.site, l.tenant, l.endUser?.value ?? "", ...(h ? [h.ticker, h.name, ...h.aliases] : [])];
  return new Set([...texts.flatMap(words), ...texts.map(normaliseName)]);
}

function label(l: Lease): string {
  return `${l.id} (${l.host} to ${l.tenant}, ${l.announced})`;
}

/**
 * A deal by id or by words of its host, ticker, site, tenant or id ("Core Scientific",
 * "Applied Digital PF1", "Hut 8"). Unknown: #N/A listing the ids; several match: #VALUE!
 * listing the candidates.
 *
 * @example findDeal("Applied Digital PF1").value.id === "apld-pf1-coreweave" // true
 */
export function findDeal(name: string, leases: readonly Lease[] = LEASES): Result<Lease> {
  const key = normaliseName(name);
  const exact = leases.find((l) => normaliseName(l.id) === key);
  if (exact) return ok(exact);
  const ws = words(name);
  const hits = ws.length === 0 ? [] : leases.filter((l) => {
    const have = dealWords(l);
    return ws.every((w) => have.has(w)) || have.has(key);
  });
  if (hits.length === 1) return ok(hits[0]);
  if (hits.length === 0) return naError(`unknown deal "${name}"; deals are ${leases.map((l) => l.id).join(", ")}`);
  return valueError(`deal "${name}" is ambiguous: it could be ${hits.map(label).join("; ")}. Give the deal id`);
}

// ---- Metrics -------------------------------------------------------------------------------------

export type DealMetric = "usd_per_mw_year" | "usd_per_mw" | "mw" | "critical_it_mw" | "value" | "term_years" | "announced" | "prepayment" | "backstop_usd";

/** A deal's figures by metric: unit, other spellings, and the figure (or why it is n/a). */
export const DEAL_METRICS: ReadonlyArray<{ readonly key: DealMetric; readonly unit: string; readonly aliases: readonly string[]; readonly of: (l: Lease) => Normalised }> = [
  { key: "usd_per_mw_year", unit: "USD per critical-IT MW per year", aliases: ["usd/mw/yr", "$/mw-yr", "$/mw-year", "per mw year", "usd per mw-yr"], of: usdPerMwYear },
  { key: "usd_per_mw", unit: "USD per critical-IT MW", aliases: ["usd/mw", "$/mw", "per mw"], of: usdPerMw },
  { key: "mw", unit: "MW as the page states it (see mw basis)", aliases: ["stated mw"], of: (l) => ({ value: l.mw.value }) },
  { key: "critical_it_mw", unit: "MW of critical IT", aliases: ["it mw", "critical it"], of: criticalItMw },
  { key: "value", unit: "USD over the firm term", aliases: ["contract value", "tcv", "value usd"], of: (l) => ({ value: l.contractValueUsd.value }) },
  { key: "term_years", unit: "years", aliases: ["term"], of: (l) => ({ value: l.termYears.value }) },
  { key: "announced", unit: "Excel date serial", aliases: ["date", "announced date"], of: (l) => announcedSerial(l) },
  {
    key: "prepayment",
    unit: "share of the value paid in advance (decimal)",
    aliases: ["prepayment rate", "prepaid"],
    of: (l) => (l.prepaymentRate ? { value: l.prepaymentRate.value } : { na: `${l.id}: no page gives a prepayment` }),
  },
  {
    key: "backstop_usd",
    unit: "USD",
    aliases: ["backstop"],
    of: (l) => {
      const c = l.creditSupport;
      if (c?.backstopUsd) return { value: c.backstopUsd.value };
      return { na: c?.backstopParty ? `${l.id}: backstopped by ${c.backstopParty}, but no page gives the amount` : `${l.id}: no page gives a backstop` };
    },
  },
];

function metricKey(s: string): string {
  return normaliseName(s.replace(/\$/g, "usd").replace(/[/]/g, " ")).replace(/year$/, "yr");
}

const METRIC_BY_NAME = nameIndex(
  DEAL_METRICS.flatMap((m) => byNames(m.key, [m.key, ...m.aliases])),
  metricKey,
);

/** A deal metric by name ("usd_per_mw_year", "$/MW-yr", "term"...); #VALUE! listing them when unknown. */
export function findDealMetric(name: string): Result<DealMetric> {
  const hit = METRIC_BY_NAME.find(name);
  return hit ? ok(hit) : valueError(`unknown metric "${name}"; use one of ${DEAL_METRICS.map((m) => m.key).join(", ")}`);
}

/** A deal's figure; n/a with the reason. */
export function dealFigure(l: Lease, metric: DealMetric): Result<number> {
  const spec = DEAL_METRICS.find((m) => m.key === metric);
  if (!spec) throw new Error(`no metric ${metric}`);
  const n = spec.of(l);
  return "value" in n ? ok(n.value) : naError(n.na);
}

const STAT_METRICS: Partial<Record<DealMetric, LeaseMetric>> = { usd_per_mw_year: "usdPerMwYear", usd_per_mw: "usdPerMw" };

/** A metric statistics and percentiles run on: only the normalised ones compare across deals. */
export function findStatMetric(name: string): Result<LeaseMetric> {
  const m = findDealMetric(name);
  if (!m.ok) return m;
  const hit = STAT_METRICS[m.value];
  return hit ? ok(hit) : valueError(`statistics compare deals on usd_per_mw_year or usd_per_mw only (one MW basis); for a deal's own ${m.value} use CORZ.LEASE`);
}

function announcedSerial(l: Lease): Normalised {
  const d = parseIso(l.announced);
  return d.ok ? { value: toExcelSerial(d.value) } : { na: `${l.id}: announced date ${l.announced} is not a date` };
}

// ---- The rows CORZ.LEASE_LIST spills -------------------------------------------------------------

type Cell = string | number | boolean;

const blankIfNa = (n: Normalised): Cell => ("value" in n ? n.value : "");

/** Columns of the listing: a header and the cell of a deal. Blank where a figure is n/a or absent. */
const COLUMNS: ReadonlyArray<readonly [header: string, cell: (l: Lease) => Cell]> = [
  ["Deal id", (l) => l.id],
  ["Host", (l) => l.host],
  ["Tenant", (l) => l.tenant],
  ["Site", (l) => l.site],
  ["Kind", (l) => l.kind],
  ["MW (as stated)", (l) => l.mw.value],
  ["MW basis", (l) => l.mwBasis],
  ["Critical-IT MW", (l) => blankIfNa(criticalItMw(l))],
  ["Contract value (USD, firm term)", (l) => l.contractValueUsd.value],
  ["Value is", (l) => l.valueBound],
  ["Term (years)", (l) => l.termYears.value],
  ["Announced (date serial)", (l) => blankIfNa(announcedSerial(l))],
  ["USD per MW", (l) => blankIfNa(usdPerMw(l))],
  ["USD per MW-year", (l) => blankIfNa(usdPerMwYear(l))],
  ["Why n/a", (l) => whyNa(l)],
  ["Comparable", (l) => l.comparable],
  ["Not comparable because", (l) => (l.comparable ? "" : (l.notComparableReason ?? "marked not comparable"))],
  ["Prepayment (share)", (l) => l.prepaymentRate?.value ?? ""],
  ["Backstop party", (l) => backstopParty(l)],
  ["Backstop (USD)", (l) => l.creditSupport?.backstopUsd?.value ?? ""],
  ["Capex funded by", (l) => l.capexFundedBy?.value ?? ""],
  ["Source (contract value)", (l) => `${l.contractValueUsd.source.title} (${l.contractValueUsd.source.publisher}), ${l.contractValueUsd.source.url}`],
  ["Source date (date serial)", (l) => sourceSerial(l)],
];

function whyNa(l: Lease): string {
  const n = usdPerMwYear(l);
  return "na" in n ? n.na : "";
}

function backstopParty(l: Lease): string {
  const c = l.creditSupport;
  if (!c?.backstopParty) return "";
  return c.backstopRating ? `${c.backstopParty}; rated ${c.backstopRating.value}` : c.backstopParty;
}

function sourceSerial(l: Lease): Cell {
  const d = parseIso(l.contractValueUsd.source.date);
  return d.ok ? toExcelSerial(d.value) : l.contractValueUsd.source.date;
}

/** The listing's header row. */
export const LEASE_LIST_HEADER: readonly string[] = COLUMNS.map(([h]) => h);

/**
 * The table CORZ.LEASE_LIST spills: the header, then one row per deal the filter selects, in the
 * library's order (Core Scientific first). Deals that are not comparable are listed and marked.
 *
 * @example leaseRows(parseFilter("Fluidstack").value).value.length // 6 (a header and the five Fluidstack leases)
 */
export function leaseRows(q: LeaseQuery, leases: readonly Lease[] = LEASES): Result<Cell[][]> {
  const hit = leasesMatching(q, leases);
  if (!hit.ok) return hit;
  return ok([[...LEASE_LIST_HEADER], ...hit.value.map((l) => COLUMNS.map(([, c]) => c(l)))]);
}
