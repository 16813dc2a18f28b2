/**
 * The comparables model: peer metrics and multiples, group statistics that ignore empty
 * values and say how many peers they used, and the implied value of Core Scientific's HPC
 * hosting business. Names are matched forgivingly; unknown names list the valid ones.
 */
import { NameIndex, byNames, nameIndex } from "../names";
import { Result, naError, numError, ok, valueError } from "../result";
import { GROUP_LABELS, METRICS, MetricKey, PEERS, PEER_GROUPS, Peer, PeerGroup, PublishedMultiple, SUBJECT_ID } from "./data";

export type MultipleKey = "ev_revenue" | "ev_ebitda" | "ev_per_mw" | "ev_per_contracted_mw" | "ev_backlog" | "revenue_per_mw" | "backlog_revenue";
export type Stat = "median" | "mean" | "high" | "low" | "count";
export type GroupChoice = PeerGroup | "all";

/** The multiples; the valuation multiples come first (the Peers sheet's choice list relies on it). */
export const MULTIPLES: readonly { key: MultipleKey; label: string; unit: string; valuation: boolean }[] = [
  { key: "ev_revenue", label: "EV / Revenue", unit: "x", valuation: true },
  { key: "ev_ebitda", label: "EV / EBITDA", unit: "x", valuation: true },
  { key: "ev_per_mw", label: "EV per MW energised", unit: "USD/MW", valuation: true },
  { key: "ev_per_contracted_mw", label: "EV per contracted MW", unit: "USD/MW", valuation: true },
  { key: "ev_backlog", label: "EV / Backlog", unit: "x", valuation: false },
  { key: "revenue_per_mw", label: "Revenue per MW energised", unit: "USD/MW", valuation: false },
  { key: "backlog_revenue", label: "Backlog / Revenue", unit: "x", valuation: false },
];
export const STATS: readonly Stat[] = ["median", "mean", "high", "low", "count"];
export const STAT_LABELS: Readonly<Record<Exclude<Stat, "count">, string>> = { median: "Median", mean: "Mean", high: "High", low: "Low" };

/**
 * The fewest peers an implied value may rest on: 3. With one peer the "statistic" is that peer;
 * with two the median is their mean, so either can move it without limit. From three, the
 * median is a peer in the middle that no single outlier sets (Riot's 25 MW against a miner's
 * market value, say). Below it the implied value is n/a with the reason.
 */
export const MIN_PEERS = 3;

/** The user's own values over the defaults: peer id → metric → value (or null to blank it). */
export type PeerOverrides = Readonly<Record<string, Partial<Readonly<Record<MetricKey, number | null>>>>>;

function lookup<T>(what: string, name: string, table: NameIndex<T>, valid: readonly string[]): Result<T> {
  const hit = table.find(name);
  return hit !== undefined ? ok(hit) : naError(`unknown ${what} "${name}"; valid ${what}s are ${valid.join(", ")}`);
}

const PEER_BY_NAME = nameIndex(PEERS.flatMap((p) => byNames(p, [p.id, p.name, ...p.aliases])));

export function findPeer(name: string): Result<Peer> {
  return lookup("peer", name, PEER_BY_NAME, PEERS.map((p) => p.name));
}

const METRIC_ALIASES: Record<string, MetricKey> = {
  revenue: "revenue",
  sales: "revenue",
  ebitda: "ebitda",
  adjustedebitda: "ebitda",
  ev: "ev",
  enterprisevalue: "ev",
  marketcap: "market_cap",
  mktcap: "market_cap",
  marketcapitalisation: "market_cap",
  marketcapitalization: "market_cap",
  marketvalue: "market_cap",
  debt: "debt",
  totaldebt: "debt",
  cash: "cash",
  mw: "mw_active",
  mwactive: "mw_active",
  activemw: "mw_active",
  mwenergised: "mw_active",
  mwenergized: "mw_active",
  energisedmw: "mw_active",
  energizedmw: "mw_active",
  mwcontracted: "mw_contracted",
  contractedmw: "mw_contracted",
  backlog: "backlog",
  rpo: "backlog",
};
const METRIC_BY_NAME = nameIndex<MetricKey>([...Object.entries(METRIC_ALIASES), ...METRICS.flatMap((m) => byNames(m.key, [m.label]))]);

export function findMetric(name: string): Result<MetricKey> {
  return lookup("metric", name, METRIC_BY_NAME, METRICS.map((m) => m.key));
}

const MULTIPLE_BY_NAME = nameIndex<MultipleKey>([
  ...MULTIPLES.flatMap((m) => byNames(m.key, [m.key, m.label, m.label.replace(/\s*\/\s*/g, "/")])),
  ...Object.entries({
    "ev/sales": "ev_revenue",
    evsales: "ev_revenue",
    "ev/mw": "ev_per_mw",
    evmw: "ev_per_mw",
    "ev/contractedmw": "ev_per_contracted_mw",
    evpercontractedmw: "ev_per_contracted_mw",
    "ev/backlog": "ev_backlog",
  } as const),
]);

export function findMultiple(name: string): Result<MultipleKey> {
  return lookup("multiple", name, MULTIPLE_BY_NAME, MULTIPLES.map((m) => m.key));
}

const GROUP_BY_NAME = nameIndex<GroupChoice>([
  ["all", "all"],
  ...PEER_GROUPS.flatMap((g) => byNames(g, [g, GROUP_LABELS[g]])),
  ...Object.entries({ hyperscalers: "hyperscaler", gpuclouds: "gpu-cloud", reit: "colocation-reit", reits: "colocation-reit", colocation: "colocation-reit", hpchosts: "hpc-host", aisilicon: "ai-silicon-cloud" } as const),
]);

export function findGroup(name: string): Result<GroupChoice> {
  return lookup("group", name, GROUP_BY_NAME, ["all", ...PEER_GROUPS]);
}

const STAT_BY_NAME = nameIndex<Stat>([
  ...Object.entries({ average: "mean", avg: "mean", max: "high", maximum: "high", min: "low", minimum: "low", n: "count" } as const),
  ...STATS.map((st) => [st, st] as const),
]);

export function findStat(name: string): Result<Stat> {
  const hit = STAT_BY_NAME.find(name);
  return hit ? ok(hit) : naError(`unknown statistic "${name}"; valid statistics are ${STATS.join(", ")}`);
}

/**
 * A peer's metric: the user's value where given, else the sourced default; undefined when
 * unknown. Enterprise value is always derived: market value + debt - cash (USD), undefined
 * unless all three are known, as the Peers sheet's EV formula computes it.
 * @example metricValue(findPeer("TeraWulf").value, "ev") // 9_973_900_000 USD (its market_cap 5.4B + debt 5.2852B - cash 0.7113B)
 */
export function metricValue(peer: Peer, key: MetricKey, overrides: PeerOverrides = {}): number | undefined {
  if (key === "ev") return enterpriseValue(peer, overrides);
  const own = overrides[peer.id]?.[key];
  if (own !== undefined) return own === null ? undefined : own;
  return peer.figures[key]?.value;
}

/** Enterprise value, USD: market value + debt - cash, each the user's or the dated default. */
export function enterpriseValue(peer: Peer, overrides: PeerOverrides = {}): number | undefined {
  const [mc, debt, cash] = (["market_cap", "debt", "cash"] as const).map((k) => metricValue(peer, k, overrides));
  return mc !== undefined && debt !== undefined && cash !== undefined ? mc + debt - cash : undefined;
}

/** Which of market value, debt and cash a peer lacks for an EV (empty when it has one). */
export function missingForEv(peer: Peer, overrides: PeerOverrides = {}): string[] {
  return (["market_cap", "debt", "cash"] as const).filter((k) => metricValue(peer, k, overrides) === undefined);
}

export interface MultipleValue {
  readonly value: number;
  /** "computed" from the peer's figures, or a "published" third-party multiple. */
  readonly basis: "computed" | "published";
  readonly published?: PublishedMultiple;
}

/** Each multiple as numerator / denominator metrics (the Peers sheet's formulas use the same). */
export const RATIO_OF: Readonly<Record<MultipleKey, readonly [MetricKey, MetricKey]>> = {
  ev_revenue: ["ev", "revenue"],
  ev_ebitda: ["ev", "ebitda"],
  ev_per_mw: ["ev", "mw_active"],
  ev_per_contracted_mw: ["ev", "mw_contracted"],
  ev_backlog: ["ev", "backlog"],
  revenue_per_mw: ["revenue", "mw_active"],
  backlog_revenue: ["backlog", "revenue"],
};

/**
 * A peer's multiple. EV/Revenue and EV/EBITDA fall back to a published multiple (with its
 * publisher and date) only when we have no EV of our own for the peer. Undefined when it
 * cannot be computed.
 */
export function multipleOf(peer: Peer, key: MultipleKey, overrides: PeerOverrides = {}): MultipleValue | undefined {
  const v = (m: MetricKey) => metricValue(peer, m, overrides);
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
  const [num, den] = RATIO_OF[key];
  const computed = ratio(v(num), v(den));
  if (computed !== undefined && Number.isFinite(computed)) return { value: computed, basis: "computed" };
  const pub = key === "ev_revenue" || key === "ev_ebitda" ? peer.published?.[key] : undefined;
  // A published multiple stands in only while we have no EV of our own for the peer.
  if (pub && v("ev") === undefined) return { value: pub.value, basis: "published", published: pub };
  return undefined;
}

export interface PeerSelection {
  readonly group?: GroupChoice;
  /** Peer ids to leave out (the subject is always left out). */
  readonly exclude?: readonly string[];
  readonly overrides?: PeerOverrides;
}

export function peersIn(group: GroupChoice = "all"): Peer[] {
  return PEERS.filter((p) => group === "all" || p.group === group);
}

export interface StatResult {
  readonly value: number;
  readonly count: number;
  /** Peer ids whose values were used. */
  readonly used: readonly string[];
}

/** The median, mean, high, low or count of values, ignoring none (callers drop empties). */
export function statistic(values: readonly number[], stat: Stat): number {
  if (stat === "count") return values.length;
  const sorted = [...values].sort((a, b) => a - b);
  switch (stat) {
    case "high":
      return sorted[sorted.length - 1];
    case "low":
      return sorted[0];
    case "mean":
      return sorted.reduce((s, x) => s + x, 0) / sorted.length;
    case "median": {
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
  }
}

/** A statistic of a multiple over a group, from the peers that have a value. */
export function groupMultiple(key: MultipleKey, stat: Stat, sel: PeerSelection = {}): Result<StatResult> {
  const group = sel.group ?? "all";
  const excluded = new Set([SUBJECT_ID, ...(sel.exclude ?? [])]);
  const peers = peersIn(group).filter((p) => !excluded.has(p.id));
  const used: { id: string; value: number }[] = [];
  for (const p of peers) {
    const m = multipleOf(p, key, sel.overrides);
    if (m) used.push({ id: p.id, value: m.value });
  }
  const label = MULTIPLES.find((m) => m.key === key)!.label;
  if (stat === "count") return ok({ value: used.length, count: used.length, used: used.map((u) => u.id) });
  if (used.length === 0) {
    return naError(
      `no peer in ${group === "all" ? "the peer set" : `the ${group} group`} has a value for ${label} (${peers.map((p) => p.name).join(", ") || "no peers"}); type current figures on the Peers sheet`,
    );
  }
  return ok({ value: statistic(used.map((u) => u.value), stat), count: used.length, used: used.map((u) => u.id) });
}

export interface SubjectMetrics {
  /** Licence-fee revenue in the chosen year, USD. */
  readonly revenue: number;
  /** Licence-fee gross profit in the chosen year, USD: the EBITDA proxy (costs are passed through). */
  readonly ebitda: number;
  /** MW billable at full run-rate (contracted to CoreWeave). */
  readonly mw: number;
}

export interface ImpliedValue {
  readonly multiple: number;
  readonly count: number;
  readonly used: readonly string[];
  /** The subject's figure the multiple applies to. */
  readonly base: number;
  /** Implied enterprise value of the HPC hosting business, USD. */
  readonly value: number;
  readonly perShare?: number;
  /** What it rests on, e.g. "Median EV per contracted MW of 6 peers: Applied Digital, IREN, …". */
  readonly basis: string;
}

const peerName = (id: string) => PEERS.find((p) => p.id === id)!.name;

/** The basis of an implied value, as the Peers sheet writes it too. */
export function basisText(key: MultipleKey, stat: Exclude<Stat, "count">, used: readonly string[]): string {
  const label = MULTIPLES.find((m) => m.key === key)!.label;
  return `${STAT_LABELS[stat]} ${label} of ${used.length} peers: ${used.map(peerName).join(", ")}`;
}

/** Why there is no implied value below the minimum count, as the Peers sheet writes it too. */
export function refusalText(key: MultipleKey, count: number): string {
  const label = MULTIPLES.find((m) => m.key === key)!.label;
  return `only ${count} peer(s) in the statistics have ${label}; an implied value needs at least ${MIN_PEERS} so that no single peer sets it`;
}

/** The published multiples a result leans on, each with its publisher and date ("" when none). */
export function publishedNote(key: MultipleKey, used: readonly string[], overrides: PeerOverrides = {}): string {
  const pubs = used.flatMap((id) => {
    const m = multipleOf(PEERS.find((p) => p.id === id)!, key, overrides);
    return m?.published ? [`${peerName(id)}'s is published by ${m.published.publisher}`] : [];
  });
  return pubs.join("; ");
}

/**
 * Implied value of Core Scientific's HPC hosting business, USD: a peer statistic of a
 * valuation multiple times the deal model's revenue, gross profit (EBITDA proxy) or contracted
 * MW. It refuses (#N/A with the reason) when fewer than MIN_PEERS peers have the multiple.
 * @example impliedValue("ev_per_contracted_mw", "median", { revenue: 0, ebitda: 0, mw: 1 }, { group: "hpc-host" }).value.value // 20_311_877 USD (the median EV per contracted MW of 6 hosts, x 1 MW)
 */
export function impliedValue(key: MultipleKey, stat: Stat, subject: SubjectMetrics, sel: PeerSelection = {}, shares?: number): Result<ImpliedValue> {
  const spec = MULTIPLES.find((m) => m.key === key)!;
  if (!spec.valuation) return valueError(`${spec.label} is not a valuation multiple; use ev_revenue, ev_ebitda, ev_per_mw or ev_per_contracted_mw`);
  if (stat === "count") return valueError("a count is not a multiple; use median, mean, high or low");
  if (shares !== undefined && !(shares > 0)) return numError(`shares must be a positive number, got ${shares}`);
  const n = groupMultiple(key, "count", sel);
  if (!n.ok) return n;
  if (n.value.count < MIN_PEERS) {
    const which = n.value.used.length > 0 ? ` (${n.value.used.map(peerName).join(", ")})` : "";
    return naError(`${refusalText(key, n.value.count)}${which}`);
  }
  const s = groupMultiple(key, stat, sel);
  if (!s.ok) return s;
  const base = key === "ev_revenue" ? subject.revenue : key === "ev_ebitda" ? subject.ebitda : subject.mw;
  const value = s.value.value * base;
  if (!Number.isFinite(value)) return numError("the implied value is not a finite number");
  return ok({
    multiple: s.value.value,
    count: s.value.count,
    used: s.value.used,
    base,
    value,
    perShare: shares !== undefined ? value / shares : undefined,
    basis: basisText(key, stat, s.value.used),
  });
}
