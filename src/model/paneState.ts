/**
 * The scenarios the task pane saves, as pure data and pure updates: the model's built-in cases
 * (base, seed, bull, bear: whatever src/model/scenarios.ts lists) plus the user's own (create,
 * duplicate, rename, delete), each user scenario a set of assumption overrides on a built-in
 * case, the scenarios to build and the Peers sheet's choices. In the model, so that both the
 * pane and the exceljs adapter may import it and the pane's first chunk stays free of the plan. The pane saves this state in the
 * workbook as JSON (serialisePaneState); `npm run workbook -- --scenario-file` reads the same
 * JSON (parseScenarioFile). A payload of the previous format version is migrated; a corrupt or
 * unknown one gives the pane the defaults with a warning (parsePaneState) and the command a
 * refusal with its reason (parseScenarioFile).
 */
import { assumptionSpec } from "./assumptions";
import { Result, naError, ok, valueError } from "./result";
import { ResolvedScenario, resolveScenario, scenarioNames, validateAssumption } from "./scenarios";
import { GroupChoice } from "./peers/comps";
import { PEERS, PEER_GROUPS } from "./peers/data";

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
const VERSION_1_BUILT_INS: readonly string[] = ["base", "bull", "bear"];

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

export function isBuiltIn(name: string): name is BuiltInName {
  return (BUILT_IN_NAMES as readonly string[]).includes(name);
}

/** Every scenario shown in the list: built-ins first, then the user's. */
export function allScenarioNames(state: PaneState): string[] {
  return [...BUILT_IN_NAMES, ...state.scenarios.map((s) => s.name)];
}

function checkName(state: PaneState, name: string, except?: string): Result<string> {
  const n = name.trim();
  if (n === "") return valueError("a scenario needs a name");
  if (n.length > MAX_NAME_LENGTH) return valueError(`a scenario name can have at most ${MAX_NAME_LENGTH} characters`);
  if (/^[=+\-@]/.test(n)) return valueError("a scenario name cannot start with =, +, - or @ (Excel would read it as a formula)");
  const clash = allScenarioNames(state).find((x) => x.toLowerCase() === n.toLowerCase() && x !== except);
  if (clash) return valueError(`there is already a scenario called "${clash}"`);
  return ok(n);
}

/** A name not yet used: "My scenario", "My scenario 2", ... */
export function freeScenarioName(state: PaneState, wanted: string): string {
  const taken = new Set(allScenarioNames(state).map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted} ${i}`.toLowerCase())) return `${wanted} ${i}`;
}

export function createScenario(state: PaneState, name: string): Result<PaneState> {
  const n = checkName(state, name);
  if (!n.ok) return n;
  return ok({ ...state, scenarios: [...state.scenarios, { name: n.value, basedOn: "base", overrides: {} }], build: [...state.build, n.value] });
}

export function duplicateScenario(state: PaneState, source: string, name: string): Result<PaneState> {
  const n = checkName(state, name);
  if (!n.ok) return n;
  const copy: UserScenario | undefined = isBuiltIn(source)
    ? { name: n.value, basedOn: source, overrides: {} }
    : (() => {
        const s = state.scenarios.find((x) => x.name === source);
        return s ? { ...s, name: n.value, overrides: { ...s.overrides } } : undefined;
      })();
  if (!copy) return naError(`no scenario called "${source}"`);
  return ok({ ...state, scenarios: [...state.scenarios, copy], build: [...state.build, n.value] });
}

export function renameScenario(state: PaneState, from: string, to: string): Result<PaneState> {
  if (isBuiltIn(from)) return valueError(`the built-in "${from}" scenario cannot be renamed; duplicate it instead`);
  if (!state.scenarios.some((s) => s.name === from)) return naError(`no scenario called "${from}"`);
  const n = checkName(state, to, from);
  if (!n.ok) return n;
  return ok({
    ...state,
    scenarios: state.scenarios.map((s) => (s.name === from ? { ...s, name: n.value } : s)),
    build: state.build.map((b) => (b === from ? n.value : b)),
  });
}

export function deleteScenario(state: PaneState, name: string): Result<PaneState> {
  if (isBuiltIn(name)) return valueError(`the built-in "${name}" scenario cannot be deleted`);
  if (!state.scenarios.some((s) => s.name === name)) return naError(`no scenario called "${name}"`);
  return ok({ ...state, scenarios: state.scenarios.filter((s) => s.name !== name), build: state.build.filter((b) => b !== name) });
}

export function setBuild(state: PaneState, name: string, on: boolean): PaneState {
  const order = allScenarioNames(state);
  const set = new Set(state.build);
  if (on) set.add(name);
  else set.delete(name);
  return { ...state, build: order.filter((n) => set.has(n)) };
}

/**
 * Sets one assumption of a user scenario from what the user typed. Dates may be typed as
 * YYYY-MM-DD; rates as 0.05 or 5%. Returns the message to show inline when it is not valid.
 *
 * A built assumption (the discount rate, reference yield + spread) is never stored itself: a
 * value typed for it (or saved for it before it was built) sets the part it adjusts (the
 * spread) so the rate is that value, as an override range does. A value that would put the
 * built rate out of its bounds (a spread of 95%) is refused here, not at the build.
 */
export function setOverride(state: PaneState, name: string, key: string, raw: string | number): Result<PaneState> {
  if (isBuiltIn(name)) return valueError(`the built-in "${name}" scenario is read-only; duplicate it to change its assumptions`);
  const spec = assumptionSpec(key);
  if (!spec) return naError(`unknown assumption "${key}"`);
  const s = state.scenarios.find((x) => x.name === name);
  if (!s) return naError(`no scenario called "${name}"`);
  const v = validateAssumption(spec, typeof raw === "string" ? raw.trim() : raw);
  if (!v.ok) return v;
  if (spec.built) {
    const { adjusts } = spec.built;
    const mine = { ...s.overrides };
    delete mine[adjusts];
    const r = resolveScenario(s.basedOn, [...Object.entries(mine), [key, v.value]]);
    return r.ok ? setOverride(state, name, adjusts, r.value.values[adjusts]) : r;
  }
  const base = scenarioDefault(s.basedOn, key);
  const overrides = { ...s.overrides };
  if (v.value === base) delete overrides[key];
  else overrides[key] = v.value;
  const resolved = resolveScenario(s.basedOn, Object.entries(overrides));
  if (!resolved.ok) return resolved;
  return ok({ ...state, scenarios: state.scenarios.map((x) => (x.name === name ? { ...x, overrides } : x)) });
}

/** The keys a field stands for: a built assumption's parts (its reset resets them), else the key itself. */
function storedKeys(key: string): readonly string[] {
  return assumptionSpec(key)?.built?.sumOf ?? [key];
}

/** Back to the built-in case's value for one field (for the discount rate: its reference yield and spread). */
export function resetField(state: PaneState, name: string, key: string): PaneState {
  return {
    ...state,
    scenarios: state.scenarios.map((x) => {
      if (x.name !== name) return x;
      const overrides = { ...x.overrides };
      for (const k of storedKeys(key)) delete overrides[k];
      return { ...x, overrides };
    }),
  };
}

/** The value a built-in scenario gives an assumption, in the model's unit. */
export function scenarioDefault(builtIn: BuiltInName, key: string): number {
  const r = resolveScenario(builtIn);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.values[key];
}

/** The scenarios to build, resolved for the plan, in display order. */
export function planScenarios(state: PaneState): Result<ResolvedScenario[]> {
  const out: ResolvedScenario[] = [];
  for (const name of state.build) {
    const user = state.scenarios.find((s) => s.name === name);
    const r = user ? resolveScenario(user.basedOn, Object.entries(user.overrides)) : resolveScenario(name);
    if (!r.ok) return valueError(`scenario "${name}": ${r.error.message}`);
    out.push({ name, values: r.value.values });
  }
  if (out.length === 0) return valueError("tick at least one scenario to build");
  return ok(out);
}

/**
 * Reads the saved pane state; anything unreadable gives the defaults and a warning. A version 1
 * payload is migrated: built-ins added since (seed) are built, since version 1 never offered
 * them to untick, and a user scenario named like one of them is renamed (the warning says so).
 */
export function parsePaneState(raw: unknown): { state: PaneState; warning?: string } {
  if (raw === null || raw === undefined) return { state: DEFAULT_PANE_STATE };
  const fallback = (why: string) => ({
    state: DEFAULT_PANE_STATE,
    warning: `The scenarios saved in this workbook could not be read (${why}); the built-in scenarios are shown instead.`,
  });
  let data: unknown;
  try {
    data = typeof raw === "string" ? JSON.parse(raw) : raw;
  } catch {
    return fallback("not valid JSON");
  }
  const d = data as Partial<PaneState>;
  if (typeof d !== "object" || d === null) return fallback("not an object");
  const v1 = d.version === 1;
  if (d.version !== PANE_STATE_VERSION && !v1) return fallback(`saved by format version ${String(d.version)}, this add-in reads version ${PANE_STATE_VERSION}`);
  if (!Array.isArray(d.scenarios) || !Array.isArray(d.build)) return fallback("missing scenarios");
  const added = v1 ? BUILT_IN_NAMES.filter((n) => !VERSION_1_BUILT_INS.includes(n)) : [];
  const dropped: string[] = [];
  const renamed: string[] = [];
  const build = new Set<unknown>([...(d.build as unknown[]), ...added]);
  // A renamed scenario must not take the name of another saved one either.
  const savedNames: PaneState = {
    ...DEFAULT_PANE_STATE,
    scenarios: (d.scenarios as unknown[]).flatMap((s) => {
      const n = (s as Partial<UserScenario> | null)?.name;
      return typeof n === "string" ? [{ name: n.trim(), basedOn: "base", overrides: {} }] : [];
    }),
  };
  let state: PaneState = { ...DEFAULT_PANE_STATE, build: [] };
  if (d.peers !== undefined) {
    const p = setPeerChoices(state, d.peers as Partial<PeerChoices>);
    if (p.ok) state = p.value;
    else dropped.push(`peer choices (${p.error.message})`);
  }
  for (const s of d.scenarios as unknown[]) {
    const u = s as Partial<UserScenario>;
    if (typeof u?.name !== "string" || !isBuiltIn(String(u.basedOn)) || typeof u.overrides !== "object" || u.overrides === null) {
      dropped.push(typeof u?.name === "string" ? u.name : "(unnamed)");
      continue;
    }
    const saved = u.name.trim();
    const clash = added.find((n) => n.toLowerCase() === saved.toLowerCase());
    const name = clash === undefined ? saved : freeScenarioName(savedNames, saved);
    if (clash !== undefined) {
      renamed.push(`"${saved}" is now "${name}" ("${clash}" is a built-in scenario)`);
      if (build.has(u.name)) build.add(name);
    }
    const created = createScenario(state, name);
    if (!created.ok) {
      dropped.push(u.name);
      continue;
    }
    let next: PaneState = { ...created.value, scenarios: created.value.scenarios.map((x) => (x.name === name ? { ...x, basedOn: u.basedOn as BuiltInName } : x)) };
    for (const [k, v] of Object.entries(u.overrides)) {
      const r = setOverride(next, name, k, v as number);
      if (r.ok) next = r.value;
      else dropped.push(`${u.name}: ${k}`);
    }
    state = next;
  }
  state = { ...state, build: allScenarioNames(state).filter((n) => build.has(n)) };
  const warnings = [
    ...(renamed.length > 0 ? [`Renamed to keep your saved scenarios apart from the built-ins: ${renamed.join("; ")}.`] : []),
    ...(dropped.length > 0 ? [`Some saved scenario settings were not valid and were left out: ${dropped.join(", ")}.`] : []),
  ];
  return warnings.length > 0 ? { state, warning: warnings.join(" ") } : { state };
}

export function serialisePaneState(state: PaneState): string {
  return JSON.stringify(state);
}


/**
 * Reads scenarios saved by the task pane (the JSON of serialisePaneState) strictly: anything
 * parsePaneState would drop or replace with the defaults is refused instead, with its reason. A
 * value out of range names its scenario and assumption. Version 1 payloads are migrated as the
 * pane migrates them.
 */
export function parseScenarioFile(text: string): Result<PaneState> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return valueError(`it is not valid JSON (${(e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ")})`);
  }
  // The pane keeps the state in the workbook's settings as a JSON string: a file may hold that string.
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return valueError("it holds text, not saved scenarios");
    }
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return valueError("it holds no saved scenarios (expected a JSON object with version, scenarios and build)");
  const d = data as Record<string, unknown>;
  if (d.version !== PANE_STATE_VERSION && d.version !== 1) {
    return valueError(`it was saved by format version ${JSON.stringify(d.version) ?? "(none)"}; this version reads format version ${PANE_STATE_VERSION} (or 1)`);
  }
  if (!Array.isArray(d.scenarios)) return valueError('its "scenarios" is not a list');
  if (!Array.isArray(d.build)) return valueError('its "build" is not a list of scenario names');
  const names = new Set<string>(BUILT_IN_NAMES.map((n) => n.toLowerCase()));
  let state: PaneState = { ...DEFAULT_PANE_STATE, build: [] };
  for (const [i, s] of (d.scenarios as unknown[]).entries()) {
    const u = s as Partial<Record<keyof UserScenario, unknown>> | null;
    if (typeof u !== "object" || u === null || typeof u.name !== "string") return valueError(`scenario ${i + 1} has no name`);
    const name = u.name;
    if (typeof u.basedOn !== "string" || !isBuiltIn(u.basedOn)) {
      return valueError(`scenario "${name}": "basedOn" must be one of ${BUILT_IN_NAMES.join(", ")}, got ${JSON.stringify(u.basedOn) ?? "nothing"}`);
    }
    if (typeof u.overrides !== "object" || u.overrides === null || Array.isArray(u.overrides)) return valueError(`scenario "${name}": "overrides" must be an object of assumption: value`);
    // Migrated names (version 1) are the pane's business: check the clash only for version 2.
    if (d.version === PANE_STATE_VERSION || !names.has(name.trim().toLowerCase())) {
      const created = createScenario(state, name);
      if (!created.ok) return valueError(`scenario "${name}": ${created.error.message}`);
      state = { ...created.value, scenarios: created.value.scenarios.map((x) => (x.name === name.trim() ? { ...x, basedOn: u.basedOn as BuiltInName } : x)) };
      for (const [key, value] of Object.entries(u.overrides as Record<string, unknown>)) {
        if (typeof value !== "number" && typeof value !== "string") return valueError(`scenario "${name}", ${key}: expected a number, got ${JSON.stringify(value)}`);
        const r = setOverride(state, name.trim(), key, value);
        if (!r.ok) return valueError(`scenario "${name}", ${key}: ${r.error.message}`);
        state = r.value;
      }
    }
    names.add(name.trim().toLowerCase());
  }
  for (const b of d.build as unknown[]) {
    if (typeof b !== "string" || !names.has(b.trim().toLowerCase())) {
      return valueError(`"build" lists ${JSON.stringify(b)}, which is neither a built-in scenario (${BUILT_IN_NAMES.join(", ")}) nor one of the file's scenarios`);
    }
  }
  if (d.peers !== undefined) {
    const p = setPeerChoices(state, d.peers as Partial<PeerChoices>);
    if (!p.ok) return valueError(`peer choices: ${p.error.message}`);
  }
  // Checked: the pane's reading keeps everything, and migrates a version 1 file as the pane does.
  const read = parsePaneState(data);
  if (read.warning !== undefined && d.version === PANE_STATE_VERSION) return valueError(read.warning);
  if (read.state.build.length === 0) return valueError('"build" lists no scenario to build');
  return ok(read.state);
}
