/**
 * The pane's scenarios as React state: read once from the workbook's settings, changed only
 * through the pure updates of scenarioState.ts, and saved to the workbook after every change
 * (one save at a time, in order). Every action returns the message to show when the change
 * was refused, or undefined when it was made.
 *
 * Beside the saved state it holds, for this session: typing the model refused (drafts.ts),
 * which blocks building until fixed; the values typed on CORZ Inputs that the last refresh kept
 * (sheetEdits.ts); and a request to bring one field into view.
 */
import { useCallback, useRef, useState } from "react";
import type { KeptInput } from "../../excel/apply";
import type { WorkbookGateway } from "../../excel/gateway";
import { REGISTRY_SETTING } from "../../excel/registry";
import type { Result } from "../../model/result";
import { Draft, clearDraft, dropDrafts, putDraft, renameDrafts } from "../drafts";
import { SheetEdit, sheetEditsFromRegistry } from "../sheetEdits";
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

/** A field to bring into view and focus; `seq` makes asking twice for the same field a new request. */
export interface FieldRequest {
  readonly scenario: string;
  readonly key: string;
  readonly seq: number;
}

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
  /** Sets a field of the selected scenario; a refused value is held as a draft, with the reason. */
  setField(key: string, raw: string): Refusal;
  /** Resets a field of the selected scenario to its default, dropping any draft. */
  resetField(key: string): void;
  /** Takes back refused typing in a field of the selected scenario (Escape). */
  clearDraft(key: string): void;
  /** Refused typing, by scenario and assumption, in the order typed. */
  readonly drafts: readonly Draft[];
  /** Values typed on CORZ Inputs that the sheets use instead of the scenarios'. */
  readonly sheetEdits: readonly SheetEdit[];
  /** A build succeeded: these are the sheet's typed values it kept (none after a reset). */
  noteSheetEdits(kept: readonly KeptInput[]): void;
  /** Selects the scenario and asks the form to open, scroll to and focus the field. */
  goToField(scenario: string, key: string): void;
  readonly fieldRequest?: FieldRequest;
  /** The requested field has been focused. */
  fieldShown(): void;
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

/** The kept sheet values recorded in the saved registry; none when it cannot be read. */
function loadSheetEdits(gateway: WorkbookGateway | undefined): SheetEdit[] {
  try {
    return gateway ? sheetEditsFromRegistry(gateway.readSetting(REGISTRY_SETTING)) : [];
  } catch {
    return [];
  }
}

/**
 * The pane state, saved to the workbook after every change (one save at a time, in order):
 * `apply` runs a pure update against the latest state and returns its refusal, if any.
 */
function useSavedState(gateway: WorkbookGateway | undefined, initial: PaneState) {
  const [state, setState] = useState<PaneState>(initial);
  const [saveError, setSaveError] = useState<string | undefined>();
  // The latest state, so that actions can validate against it and return a message at once.
  const current = useRef<PaneState>(initial);
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

  return { state, saveError, current, commit, apply };
}

export function usePaneState(gateway: WorkbookGateway | undefined): PaneStateApi {
  const [initial] = useState(() => loadPaneState(gateway));
  const { state, saveError, current, commit, apply } = useSavedState(gateway, initial.state);
  const [selected, setSelected] = useState<string>("base");
  const [loadWarning, setLoadWarning] = useState<string | undefined>(initial.warning);
  const [drafts, setDrafts] = useState<readonly Draft[]>([]);
  const [sheetEdits, setSheetEdits] = useState<readonly SheetEdit[]>(() => loadSheetEdits(gateway));
  const [fieldRequest, setFieldRequest] = useState<FieldRequest | undefined>();

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
    if (!refusal) {
      setSelected((sel) => (sel === from ? to.trim() : sel));
      setDrafts((d) => renameDrafts(d, from, to.trim()));
    }
    return refusal;
  };
  const remove = (name: string): Refusal => {
    const refusal = apply((s) => deleteScenario(s, name));
    if (!refusal) {
      setSelected((sel) => (sel === name ? "base" : sel));
      setDrafts((d) => dropDrafts(d, name));
    }
    return refusal;
  };

  const known = isBuiltIn(selected) || state.scenarios.some((s) => s.name === selected);
  const shown = known ? selected : "base";

  const setField = (key: string, raw: string): Refusal => {
    const refusal = apply((s) => setOverride(s, shown, key, raw));
    // A built-in's fields are read-only: nothing typed there is held.
    if (refusal !== undefined && !isBuiltIn(shown)) setDrafts((d) => putDraft(d, { scenario: shown, key, raw: raw.trim(), reason: refusal }));
    else setDrafts((d) => clearDraft(d, shown, key));
    return refusal;
  };
  const goToField = (scenario: string, key: string) => {
    setSelected(scenario);
    setFieldRequest((r) => ({ scenario, key, seq: (r?.seq ?? 0) + 1 }));
  };

  return {
    state,
    selected: shown,
    fields: fieldsOf(state, shown, { drafts, sheetEdits }),
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
    setField,
    resetField: (key) => {
      setDrafts((d) => clearDraft(d, shown, key));
      commit(resetField(current.current, shown, key));
    },
    clearDraft: (key) => setDrafts((d) => clearDraft(d, shown, key)),
    drafts,
    sheetEdits,
    noteSheetEdits: (kept) => setSheetEdits(kept),
    goToField,
    fieldRequest,
    fieldShown: () => setFieldRequest(undefined),
    setPeers: (patch) => apply((s) => setPeerChoices(s, patch)),
    includePeer: (id, included) => apply((s) => setPeerIncluded(s, id, included)),
  };
}
