/**
 * The CORZ peer functions: comparables for CoreWeave and Core Scientific's HPC hosting
 * business. Thin wrappers over src/model/peers (see functions.ts for the conventions).
 */
import { findGroup, findMetric, findMultiple, findPeer, findStat, groupMultiple, impliedValue, metricValue, missingForEv, peersIn } from "../model/peers/comps";
import { METRICS } from "../model/peers/data";
import { all, andThen, map, naError, ok } from "../model/result";
import { yearRow } from "../model/scenarioModel";
import { Arg, textArg, yearArg } from "./args";
import { cell } from "./errors";
import { modelFor, usd } from "./scenario";

/**
 * A peer's figure: market_cap, debt, cash, ev (market value + debt - cash), revenue, ebitda, mw_contracted, mw_active (energised) or backlog (USD or MW). #N/A when no source gives it.
 * @customfunction PEER
 * @helpurl https://localhost:3000/help/functions/PEER.html
 * @param peer Peer name, e.g. "CoreWeave", "TeraWulf", "MSFT Azure"; see CORZ.PEER_LIST().
 * @param metric "market_cap", "debt", "cash", "ev", "revenue" (HPC hosts: the quarter ended 2026-03-31 x4), "ebitda", "mw_contracted", "mw_active" or "backlog".
 * @returns The sourced default value (EV computed from three), in USD or MW.
 */
export function peerFn(peer: any, metric: any): number {
  return cell(() => {
    const args = all(andThen(textArg(peer, "peer"), findPeer), andThen(textArg(metric, "metric"), findMetric));
    if (!args.ok) return args;
    const [found, key] = args.value;
    const v = metricValue(found, key);
    if (v !== undefined) return ok(v);
    const segment = found.segmentOf && ["ev", "market_cap", "debt", "cash"].includes(key);
    const why = segment
      ? `${found.name} is a segment of ${found.segmentOf} and has no market value of its own`
      : key === "ev"
        ? `EV is market value + debt - cash, and no source gives its ${missingForEv(found).join(" or ")}`
        : "no source gives it";
    return naError(`${found.name} has no ${key}: ${why}`);
  });
}

/**
 * Spills the peers (optionally one group): name, group, parent company for segments, and the figures behind the multiples.
 * @customfunction PEER_LIST
 * @helpurl https://localhost:3000/help/functions/PEER_LIST.html
 * @param [group] "all" (default), "hyperscaler", "gpu-cloud", "ai-silicon-cloud", "colocation-reit" or "hpc-host".
 * @returns A table with a header row; blank where no source gives a figure.
 */
export function peerListFn(group?: any): any[][] {
  return cell(() =>
    map(andThen(textArg(group, "group", "all"), findGroup), (choice) => [
      ["Peer", "Group", "Segment of", ...METRICS.map((m) => `${m.label} (${m.unit})`)],
      ...peersIn(choice).map((p) => [p.name, p.group, p.segmentOf ?? "", ...METRICS.map((m) => metricValue(p, m.key) ?? "")]),
    ]),
  );
}

/**
 * A statistic of a peer multiple over a group, ignoring peers without a value (Core Scientific itself is left out).
 * @customfunction PEER_MULTIPLE
 * @helpurl https://localhost:3000/help/functions/PEER_MULTIPLE.html
 * @param multiple "ev_revenue", "ev_ebitda", "ev_per_mw" (MW energised), "ev_per_contracted_mw", "ev_backlog", "revenue_per_mw" or "backlog_revenue".
 * @param [group] "all" (default) or a peer group such as "gpu-cloud" or "hpc-host".
 * @param [stat] "median" (default), "mean", "high", "low" or "count".
 * @returns The multiple (x) or USD per MW; a count for "count".
 */
export function peerMultipleFn(multiple: any, group?: any, stat?: any): number {
  return cell(() => map(andThen(peerQuery(multiple, group, stat, "all"), (q) => groupMultiple(q.key, q.stat, { group: q.group })), (r) => r.value));
}

/**
 * Implied value of Core Scientific's HPC hosting business, in USD: a peer statistic of a multiple times the deal's revenue, gross profit (EBITDA proxy) or contracted MW. By default the HPC hosts' median EV per contracted MW (Core Scientific left out) times its contracted MW. #N/A with the reason when fewer than 3 peers have the multiple.
 * @customfunction IMPLIED_VALUE
 * @helpurl https://localhost:3000/help/functions/IMPLIED_VALUE.html
 * @param [multiple] "ev_per_contracted_mw" (default; applied to MW contracted), "ev_revenue", "ev_ebitda" (applied to licence-fee gross profit) or "ev_per_mw" (EV per MW energised, applied to MW contracted).
 * @param [group] "hpc-host" (default), "all" or another peer group such as "gpu-cloud".
 * @param [stat] "median" (default), "mean", "high" or "low".
 * @param [year] Calendar year of the deal's revenue or gross profit; default the scenario's target year (2027).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns Implied enterprise value in USD.
 */
export function impliedValueFn(multiple?: any, group?: any, stat?: any, year?: any, scenario?: any[][]): number {
  return cell(() => {
    const args = all(peerQuery(multiple, group, stat, "hpc-host", "ev_per_contracted_mw"), modelFor(scenario));
    if (!args.ok) return args;
    const [q, m] = args.value;
    const y = yearArg(year, "year", { optional: m.scenario.values.target_year });
    if (!y.ok) return y;
    const row = yearRow(m, y.value);
    const subject = { revenue: row.revenue, ebitda: row.grossProfit, mw: m.contractedMw };
    return map(impliedValue(q.key, q.stat, subject, { group: q.group }), (v) => usd(v.value));
  });
}

/** The multiple (required unless `defaultMultiple`), peer group and statistic (default the median) a peer function asks for. */
function peerQuery(multiple: Arg, group: Arg, stat: Arg, defaultGroup: string, defaultMultiple?: string) {
  return map(
    all(
      andThen(textArg(multiple, "multiple", defaultMultiple), findMultiple),
      andThen(textArg(group, "group", defaultGroup), findGroup),
      andThen(textArg(stat, "stat", "median"), findStat),
    ),
    ([key, grp, s]) => ({ key, group: grp, stat: s }),
  );
}
