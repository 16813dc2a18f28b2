/**
 * The pane's scenarios as React state: read once from the workbook's settings, changed only
 * through the pure updates of scenarioState.ts, and saved to the workbook after every change
 * (one save at a time, in order). Every action returns the message to show when the change
 * was refused, or undefined when it was made.
 */
import { useCallback, useRef, useState } from "react";
import type { WorkbookGateway } from "../../excel/gateway";
import type { Result } from "../../model/result";
import {
  DEFAULT_PANE_STATE,
  FieldView,
  PANE_SETTING,
  PaneState,
  createScenario,
  deleteScenario,
  duplicateScenario,
  fieldsOf,
  freeScenarioName,
  isBuiltIn,
  parsePaneState,
  renameScenario,
  resetField,
  serialisePaneState,
  setBuild,
  setOverride,
  setPeerChoices,
  setPeerIncluded,
  type PeerChoices,
} from "../scenarioState";

/** A refusal to show next to the control, or undefined when the change was made. */
export type Refusal = string | undefined;

export interface PaneStateApi {
  readonly state: PaneState;
  /** The scenario whose assumptions the form shows. */
  readonly selected: string;
  readonly fields: readonly FieldView[];
  /** Why the saved scenarios could not all be read (shown as a warning). */
  readonly loadWarning?: string;
  /** Why the last save failed (cleared by the next successful save). */
  readonly saveError?: string;
  select(name: string): void;
  dismissLoadWarning(): void;
  /** A free name like `wanted`, for a new scenario's dialog. */
  suggestName(wanted: string): string;
  create(name: string): Refusal;
  duplicate(from: string, name: string): Refusal;
  rename(from: string, to: string): Refusal;
  remove(name: string): Refusal;
  setBuild(name: string, on: boolean): void;
  setField(key: string, raw: string): Refusal;
  resetField(key: string): void;
  /** The Peers sheet's group, statistic, multiple and share count. */
  setPeers(patch: Partial<PeerChoices>): Refusal;
  includePeer(id: string, included: boolean): Refusal;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The saved state, or the defaults and a warning: a bad payload or a failing read never throws. */
export function loadPaneState(gateway: WorkbookGateway | undefined): { state: PaneState; warning?: string } {
  if (!gateway) return { state: DEFAULT_PANE_STATE };
  try {
    return parsePaneState(gateway.readSetting(PANE_SETTING));
  } catch (e) {
    return {
      state: DEFAULT_PANE_STATE,
      warning: `The scenarios saved in this workbook could not be read (${messageOf(e)}); the built-in scenarios are shown instead.`,
    };
  }
}

export function usePaneState(gateway: WorkbookGateway | undefined): PaneStateApi {
  const [initial] = useState(() => loadPaneState(gateway));
  const [state, setState] = useState<PaneState>(initial.state);
  const [selected, setSelected] = useState<string>("base");
  const [loadWarning, setLoadWarning] = useState<string | undefined>(initial.warning);
  const [saveError, setSaveError] = useState<string | undefined>();
  // The latest state, so that actions can validate against it and return a message at once.
  const current = useRef<PaneState>(initial.state);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const failed = useRef(false);

  const commit = useCallback(
    (next: PaneState) => {
      current.current = next;
      setState(next);
      if (!gateway) return;
      const payload = serialisePaneState(next);
      saving.current = saving.current.then(() =>
        gateway.writeSetting(PANE_SETTING, payload).then(
          () => {
            if (!failed.current) return;
            failed.current = false;
            setSaveError(undefined);
          },
          (e: unknown) => {
            failed.current = true;
            setSaveError(`Your scenarios could not be saved in the workbook: ${messageOf(e)}`);
          },
        ),
      );
    },
    [gateway],
  );

  const apply = useCallback(
    (update: (s: PaneState) => Result<PaneState>): Refusal => {
      const r = update(current.current);
      if (!r.ok) return r.error.message;
      commit(r.value);
      return undefined;
    },
    [commit],
  );

  const create = (name: string): Refusal => {
    const refusal = apply((s) => createScenario(s, name));
    if (!refusal) setSelected(name.trim());
    return refusal;
  };
  const duplicate = (from: string, name: string): Refusal => {
    const refusal = apply((s) => duplicateScenario(s, from, name));
    if (!refusal) setSelected(name.trim());
    return refusal;
  };
  const rename = (from: string, to: string): Refusal => {
    const refusal = apply((s) => renameScenario(s, from, to));
    if (!refusal) setSelected((sel) => (sel === from ? to.trim() : sel));
    return refusal;
  };
  const remove = (name: string): Refusal => {
    const refusal = apply((s) => deleteScenario(s, name));
    if (!refusal) setSelected((sel) => (sel === name ? "base" : sel));
    return refusal;
  };

  const known = isBuiltIn(selected) || state.scenarios.some((s) => s.name === selected);
  const shown = known ? selected : "base";

  return {
    state,
    selected: shown,
    fields: fieldsOf(state, shown),
    loadWarning,
    saveError,
    select: setSelected,
    dismissLoadWarning: () => setLoadWarning(undefined),
    suggestName: (wanted) => freeScenarioName(current.current, wanted),
    create,
    duplicate,
    rename,
    remove,
    setBuild: (name, on) => commit(setBuild(current.current, name, on)),
    setField: (key, raw) => apply((s) => setOverride(s, shown, key, raw)),
    resetField: (key) => commit(resetField(current.current, shown, key)),
    setPeers: (patch) => apply((s) => setPeerChoices(s, patch)),
    includePeer: (id, included) => apply((s) => setPeerIncluded(s, id, included)),
  };
}
