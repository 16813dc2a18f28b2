/**
 * The pane's scenarios as React state: read once from the workbook and saved after every change
 * (useSavedState.ts), changed only through the pure updates of src/model/paneState/ (applied
 * by paneActions.ts). Every action returns the message to show when the change was refused, or
 * undefined when it was made.
 *
 * Beside the saved state it holds, for this session: the scenario selected; typing the model
 * refused (drafts.ts), which blocks building until fixed; the values typed on CORZ Inputs that
 * the last refresh kept (sheetEdits.ts); and a request to bring one field into view.
 */
import { useState } from "react";
import type { KeptInput } from "../../excel/apply";
import type { WorkbookGateway } from "../../excel/gateway";
import { REGISTRY_SETTING } from "../../excel/registry";
import { PaneState, PeerChoices, freeScenarioName, isBuiltIn, setBuild, setPeerChoices, setPeerIncluded } from "../../model/paneState";
import type { Draft } from "../drafts";
import { FieldView, fieldsOf } from "../formFields";
import { SheetEdit, sheetEditsFromRegistry } from "../sheetEdits";
import { fieldActions, scenarioActions } from "./paneActions";
import { Refusal, loadPaneState, useSavedState } from "./useSavedState";

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

/** The kept sheet values recorded in the saved registry; none when it cannot be read. */
function loadSheetEdits(gateway: WorkbookGateway | undefined): SheetEdit[] {
  try {
    return gateway ? sheetEditsFromRegistry(gateway.readSetting(REGISTRY_SETTING)) : [];
  } catch {
    return [];
  }
}

/** The scenario the form shows: the one selected while it exists, else base. */
function shownScenario(state: PaneState, selected: string): string {
  return isBuiltIn(selected) || state.scenarios.some((s) => s.name === selected) ? selected : "base";
}

export function usePaneState(gateway: WorkbookGateway | undefined): PaneStateApi {
  const [initial] = useState(() => loadPaneState(gateway));
  const saved = useSavedState(gateway, initial.state);
  const { state, current, commit, apply } = saved;
  const [loadWarning, setLoadWarning] = useState<string | undefined>(initial.warning);
  const [selected, setSelected] = useState<string>("base");
  const [drafts, setDrafts] = useState<readonly Draft[]>([]);
  const [sheetEdits, setSheetEdits] = useState<readonly SheetEdit[]>(() => loadSheetEdits(gateway));
  const [fieldRequest, setFieldRequest] = useState<FieldRequest | undefined>();
  const shown = shownScenario(state, selected);

  return {
    state,
    selected: shown,
    fields: fieldsOf(state, shown, { drafts, sheetEdits }),
    loadWarning,
    saveError: saved.saveError,
    select: setSelected,
    dismissLoadWarning: () => setLoadWarning(undefined),
    suggestName: (wanted) => freeScenarioName(current.current, wanted),
    ...scenarioActions(apply, setSelected, setDrafts),
    setBuild: (name, on) => commit(setBuild(current.current, name, on)),
    ...fieldActions(saved, shown, setDrafts),
    drafts,
    sheetEdits,
    noteSheetEdits: (kept) => setSheetEdits(kept),
    goToField: (scenario, key) => {
      setSelected(scenario);
      setFieldRequest((r) => ({ scenario, key, seq: (r?.seq ?? 0) + 1 }));
    },
    fieldRequest,
    fieldShown: () => setFieldRequest(undefined),
    setPeers: (patch) => apply((s) => setPeerChoices(s, patch)),
    includePeer: (id, included) => apply((s) => setPeerIncluded(s, id, included)),
  };
}
