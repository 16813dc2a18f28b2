/**
 * The pane's state as saved: serialisePaneState writes it into the workbook as JSON; parsePaneState
 * reads it back leniently (a corrupt or unknown payload gives the defaults with a warning; version
 * 1 is migrated); parseScenarioFile reads the same JSON strictly for `npm run workbook --
 * --scenario-file` (anything the pane would drop is refused with its reason).
 */
import { Result, ok, valueError } from "../result";
import { setPeerChoices } from "./peerChoices";
import { BUILT_IN_NAMES, BuiltInName, DEFAULT_PANE_STATE, PANE_STATE_VERSION, PaneState, PeerChoices, UserScenario, VERSION_1_BUILT_INS, allScenarioNames, isBuiltIn } from "./state";
import { createScenario, freeScenarioName, setOverride } from "./userScenarios";

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
