/** The Peers sheet's choices in the pane's state: group, statistic, multiple, peers left out, shares. */
import { Result, ok, valueError } from "../result";
import { PEERS, PEER_GROUPS } from "../peers/data";
import { PaneState, PeerChoices } from "./state";

const PEER_STATS: readonly PeerChoices["stat"][] = ["median", "mean", "high", "low"];
const PEER_MULTIPLES: readonly PeerChoices["multiple"][] = ["ev_revenue", "ev_ebitda", "ev_per_mw", "ev_per_contracted_mw"];

/** Changes the Peers sheet's choices; refuses values the sheet does not offer. */
export function setPeerChoices(state: PaneState, patch: Partial<PeerChoices>): Result<PaneState> {
  const next: PeerChoices = { ...state.peers, ...patch };
  if (next.group !== "all" && !PEER_GROUPS.includes(next.group)) return valueError(`unknown peer group "${next.group}"`);
  if (!PEER_STATS.includes(next.stat)) return valueError(`unknown statistic "${next.stat}"; use ${PEER_STATS.join(", ")}`);
  if (!PEER_MULTIPLES.includes(next.multiple)) return valueError(`unknown multiple "${next.multiple}"; use ${PEER_MULTIPLES.join(", ")}`);
  const ids = new Set(PEERS.map((p) => p.id));
  const unknown = next.exclude.find((id) => !ids.has(id));
  if (unknown !== undefined) return valueError(`unknown peer "${unknown}"`);
  if (next.shares !== undefined && !(Number.isFinite(next.shares) && next.shares > 0)) return valueError("shares outstanding must be a positive number, or blank for none");
  return ok({ ...state, peers: { ...next, exclude: PEERS.map((p) => p.id).filter((id) => next.exclude.includes(id)) } });
}

/** Includes or leaves out one peer. */
export function setPeerIncluded(state: PaneState, id: string, included: boolean): Result<PaneState> {
  const exclude = included ? state.peers.exclude.filter((x) => x !== id) : [...state.peers.exclude, id];
  return setPeerChoices(state, { exclude });
}
