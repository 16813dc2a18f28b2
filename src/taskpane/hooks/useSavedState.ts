/**
 * The pane's scenarios as saved in the workbook: read once from the workbook's settings (under
 * PANE_SETTING), and saved after every change, one save at a time and in order. A payload that
 * cannot be read, or a read that fails, gives the defaults and a warning; a failed save is
 * reported until the next one succeeds.
 */
import { useCallback, useRef, useState } from "react";
import type { WorkbookGateway } from "../../excel/gateway";
import { DEFAULT_PANE_STATE, PANE_SETTING, PaneState, parsePaneState, serialisePaneState } from "../../model/paneState";
import type { Result } from "../../model/result";

/** A refusal to show next to the control, or undefined when the change was made. */
export type Refusal = string | undefined;

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

export interface SavedState {
  readonly state: PaneState;
  /** Why the last save failed (cleared by the next successful save). */
  readonly saveError?: string;
  /** The latest state, so that actions validate against it and return their message at once. */
  readonly current: { readonly current: PaneState };
  /** Shows and saves `next`. */
  commit(next: PaneState): void;
  /** Runs a pure update against the latest state: commits its result, or returns its refusal. */
  apply(update: (s: PaneState) => Result<PaneState>): Refusal;
}

/** The pane state, saved to the workbook after every change (one save at a time, in order). */
export function useSavedState(gateway: WorkbookGateway | undefined, initial: PaneState): SavedState {
  const [state, setState] = useState<PaneState>(initial);
  const [saveError, setSaveError] = useState<string | undefined>();
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
