/**
 * The CORZ peer functions: comparables for CoreWeave and Core Scientific's HPC hosting
 * business. Thin wrappers over src/model/peers (see functions.ts for the conventions).
 */
import { findGroup, findMetric, findMultiple, findPeer, findStat, groupMultiple, impliedValue, peersIn } from "../model/peers/comps";
import { METRICS } from "../model/peers/data";
import { andThen, naError, ok } from "../model/result";
import { yearRow } from "../model/scenarioModel";
import { isBlank, textArg, yearArg } from "./args";
import { cell } from "./errors";
import { modelFor, usd } from "./scenario";

/**
 * A peer's figure: revenue, ebitda, ev, market_cap, mw_active, mw_contracted or backlog (USD or MW). #N/A when no source gives it.
 * @customfunction PEER
 * @param peer Peer name, e.g. "CoreWeave", "IREN", "MSFT Azure"; see CORZ.PEER_LIST().
 * @param metric "revenue", "ebitda", "ev", "market_cap", "mw_active", "mw_contracted" or "backlog".
 * @returns The sourced default value, in USD or MW.
 */
export function peerFn(peer: any, metric: any): number {
  return cell(() =>
    andThen(textArg(peer, "peer"), (p) =>
      andThen(findPeer(p), (found) =>
        andThen(textArg(metric, "metric"), (m) =>
          andThen(findMetric(m), (key) => {
            const f = found.figures[key];
            if (f) return ok(f.value);
            const why = found.segmentOf && (key === "ev" || key === "market_cap") ? `${found.name} is a segment of ${found.segmentOf} and has no market value of its own` : "no source gives it";
            return naError(`${found.name} has no ${key}: ${why}`);
          }),
        ),
      ),
    ),
  );
}

/**
 * Spills the peers (optionally one group): name, group, parent company for segments, and the figures behind the multiples.
 * @customfunction PEER_LIST
 * @param [group] "all" (default), "hyperscaler", "gpu-cloud", "ai-silicon-cloud", "colocation-reit" or "hpc-host".
 * @returns A table with a header row; blank where no source gives a figure.
 */
export function peerListFn(group?: any): any[][] {
  return cell(() =>
    andThen(textArg(group, "group", "all"), (g) =>
      andThen(findGroup(g), (choice) =>
        ok([
          ["Peer", "Group", "Segment of", ...METRICS.map((m) => `${m.label} (${m.unit})`)],
          ...peersIn(choice).map((p) => [p.name, p.group, p.segmentOf ?? "", ...METRICS.map((m) => p.figures[m.key]?.value ?? "")]),
        ]),
      ),
    ),
  );
}

/**
 * A statistic of a peer multiple over a group, ignoring peers without a value (Core Scientific itself is left out).
 * @customfunction PEER_MULTIPLE
 * @param multiple "ev_revenue", "ev_ebitda", "ev_per_mw", "revenue_per_mw" or "backlog_revenue".
 * @param [group] "all" (default) or a peer group such as "gpu-cloud" or "hpc-host".
 * @param [stat] "median" (default), "mean", "high", "low" or "count".
 * @returns The multiple (x) or USD per MW; a count for "count".
 */
export function peerMultipleFn(multiple: any, group?: any, stat?: any): number {
  return cell(() =>
    andThen(peerQuery(multiple, group, stat), (q) => andThen(groupMultiple(q.key, q.stat, { group: q.group }), (r) => ok(r.value))),
  );
}

/**
 * Implied value of Core Scientific's HPC hosting business: a peer multiple times the deal's revenue, gross profit (EBITDA proxy) or MW, in USD.
 * @customfunction IMPLIED_VALUE
 * @param multiple "ev_revenue", "ev_ebitda" (applied to licence-fee gross profit) or "ev_per_mw" (applied to MW contracted).
 * @param [group] "all" (default) or a peer group such as "gpu-cloud" or "hpc-host".
 * @param [stat] "median" (default), "mean", "high" or "low".
 * @param [year] Calendar year of the deal's revenue or gross profit; default the scenario's target year (2027).
 * @param [scenario] "base" (default), "seed", "bull", "bear", or a two-column range of assumption | value overrides.
 * @returns Implied enterprise value in USD.
 */
export function impliedValueFn(multiple: any, group?: any, stat?: any, year?: any, scenario?: any[][]): number {
  return cell(() =>
    andThen(peerQuery(multiple, group, stat), (q) =>
      andThen(modelFor(scenario), (m) =>
        andThen(isBlank(year) ? ok(m.scenario.values.target_year) : yearArg(year), (y) => {
          const row = yearRow(m, y);
          return andThen(impliedValue(q.key, q.stat, { revenue: row.revenue, ebitda: row.grossProfit, mw: m.contractedMw }, { group: q.group }), (v) => ok(usd(v.value)));
        }),
      ),
    ),
  );
}

function peerQuery(multiple: unknown, group: unknown, stat: unknown) {
  return andThen(textArg(multiple, "multiple"), (mu) =>
    andThen(findMultiple(mu), (key) =>
      andThen(textArg(group, "group", "all"), (g) =>
        andThen(findGroup(g), (grp) => andThen(textArg(stat, "stat", "median"), (st) => andThen(findStat(st), (s) => ok({ key, group: grp, stat: s })))),
      ),
    ),
  );
}
