/**
 * What the task pane saves: the user's scenarios (assumption overrides on a built-in case), the
 * scenarios to build and the Peers sheet's choices; its format version and defaults.
 */
import { scenarioNames } from "../scenarios";
import { GroupChoice } from "../peers/comps";

/**
 * 2: "seed" became a built-in scenario (built by default). Version 1 payloads are migrated
 * (parsePaneState): a user scenario of theirs named like a built-in they did not have is renamed.
 */
export const PANE_STATE_VERSION = 2;
/** The document setting the pane saves its state under (the preview page reads it too). */
export const PANE_SETTING = "corz.pane";
export const MAX_NAME_LENGTH = 40;

/** The name of one of the model's built-in scenarios (BUILT_IN_NAMES). */
export type BuiltInName = string;
/** The model's built-in scenarios, in its order ("base" first): the pane follows the data. */
export const BUILT_IN_NAMES: readonly BuiltInName[] = scenarioNames();
/** The built-in scenarios pane state version 1 knew; any other built-in is new since. */
export const VERSION_1_BUILT_INS: readonly string[] = ["base", "bull", "bear"];

export interface UserScenario {
  readonly name: string;
  readonly basedOn: BuiltInName;
  /** Assumption key → value in the model's unit (dates as Excel serials). */
  readonly overrides: Readonly<Record<string, number>>;
}

/** The Peers sheet's choices: which group and statistic, which multiple, which peers are left out. */
export interface PeerChoices {
  readonly group: GroupChoice;
  readonly stat: "median" | "mean" | "high" | "low";
  readonly multiple: "ev_revenue" | "ev_ebitda" | "ev_per_mw" | "ev_per_contracted_mw";
  /** Peer ids left out of the statistics. */
  readonly exclude: readonly string[];
  /** Shares outstanding for a per-share value; undefined for none. */
  readonly shares?: number;
}

/** The HPC hosts' median EV per contracted MW by default (why: DEFAULT_PEERS_OPTIONS in plan/peers). */
export const DEFAULT_PEER_CHOICES: PeerChoices = { group: "hpc-host", stat: "median", multiple: "ev_per_contracted_mw", exclude: [] };

export interface PaneState {
  readonly version: number;
  readonly scenarios: readonly UserScenario[];
  /** Scenarios to build, by name, in display order. */
  readonly build: readonly string[];
  readonly peers: PeerChoices;
}

/** Every built-in scenario is built by default: seed beside base lets the Deal sheet walk from the brief to the record. */
export const DEFAULT_PANE_STATE: PaneState = { version: PANE_STATE_VERSION, scenarios: [], build: BUILT_IN_NAMES, peers: DEFAULT_PEER_CHOICES };

export function isBuiltIn(name: string): name is BuiltInName {
  return (BUILT_IN_NAMES as readonly string[]).includes(name);
}

/** Every scenario shown in the list: built-ins first, then the user's. */
export function allScenarioNames(state: PaneState): string[] {
  return [...BUILT_IN_NAMES, ...state.scenarios.map((s) => s.name)];
}
