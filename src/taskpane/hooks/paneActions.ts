/**
 * The pane's actions on its scenarios and on the fields of the one shown. Each applies a pure
 * update of src/model/paneState/ through the saved state (useSavedState.ts) and returns its
 * refusal, and keeps in step what the pane holds beside that state: which scenario is selected,
 * and the refused typing it holds (drafts.ts).
 */
import type { Dispatch, SetStateAction } from "react";
import { createScenario, deleteScenario, duplicateScenario, isBuiltIn, renameScenario, resetField, setOverride } from "../../model/paneState";
import { Draft, clearDraft, dropDrafts, putDraft, renameDrafts } from "../drafts";
import type { Refusal, SavedState } from "./useSavedState";

type Setter<T> = Dispatch<SetStateAction<T>>;

/** Create, duplicate, rename and delete: a new scenario is selected; the selection and drafts follow a rename or a delete. */
export function scenarioActions(apply: SavedState["apply"], setSelected: Setter<string>, setDrafts: Setter<readonly Draft[]>) {
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
  return { create, duplicate, rename, remove };
}

/** Set, reset and take back typing in a field of the scenario `shown`: a refused value is held as a draft, with its reason. */
export function fieldActions(saved: Pick<SavedState, "apply" | "commit" | "current">, shown: string, setDrafts: Setter<readonly Draft[]>) {
  const setField = (key: string, raw: string): Refusal => {
    const refusal = saved.apply((s) => setOverride(s, shown, key, raw));
    // A built-in's fields are read-only: nothing typed there is held.
    if (refusal !== undefined && !isBuiltIn(shown)) setDrafts((d) => putDraft(d, { scenario: shown, key, raw: raw.trim(), reason: refusal }));
    else setDrafts((d) => clearDraft(d, shown, key));
    return refusal;
  };
  return {
    setField,
    resetField: (key: string) => {
      setDrafts((d) => clearDraft(d, shown, key));
      saved.commit(resetField(saved.current.current, shown, key));
    },
    clearDraft: (key: string) => setDrafts((d) => clearDraft(d, shown, key)),
  };
}
