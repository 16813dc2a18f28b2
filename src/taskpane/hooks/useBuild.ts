/**
 * Building and refreshing the sheets from the pane: whether the workbook already has them
 * (the adapter's registry is in the settings), one build at a time, and the outcome to show.
 * A failed build says what the adapter left in the workbook (unchanged, restored, uncertain);
 * a build asked for while something blocks it is refused, with the reason, and never started.
 */
import { useRef, useState } from "react";
import type { BuildReport, WorkbookAfterFailure } from "../../excel/apply";
import type { WorkbookGateway } from "../../excel/gateway";
import { REGISTRY_SETTING } from "../../excel/registry";
import type { RiskSheetInput } from "../../plan/risk";
import { draftRefusal } from "../drafts";
import { PaneState, planScenarios } from "../../model/paneState";
import { sentence } from "../text";
import type { PaneStateApi } from "./usePaneState";

export type BuildOutcome =
  | { readonly kind: "done"; readonly report: BuildReport; readonly warning?: string }
  /** `workbook`: what the failure left, as the adapter reported it ("uncertain" for a throw around the build). */
  | { readonly kind: "failed"; readonly message: string; readonly workbook: WorkbookAfterFailure; readonly warning?: string }
  /** Not started: the reason it was refused (e.g. a form field holds a value the model refused). */
  | { readonly kind: "refused"; readonly message: string };

export interface BuildApi {
  /** The add-in's sheets exist (a registry is saved), so the action is a refresh. */
  readonly built: boolean;
  readonly running: boolean;
  readonly outcome?: BuildOutcome;
  /** Why building is not possible now, or undefined when it is. */
  readonly blocked?: string;
  /** Builds or refreshes; `discardEdits` writes the scenarios' values over edited input cells. */
  run(discardEdits?: boolean): Promise<void>;
}

/** What the build needs from the pane beside its state: refused typing, and where kept sheet values go. */
export type BuildLink = Pick<PaneStateApi, "drafts" | "noteSheetEdits">;

function hasRegistry(gateway: WorkbookGateway | undefined): boolean {
  if (!gateway) return false;
  try {
    const raw = gateway.readSetting(REGISTRY_SETTING);
    return raw !== undefined && raw !== null && raw !== "";
  } catch {
    // Unreadable settings: offer "Build sheets"; the adapter still never writes over a sheet it cannot prove is its own.
    return false;
  }
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useBuild(gateway: WorkbookGateway | undefined, state: PaneState, risk?: RiskSheetInput, link?: BuildLink): BuildApi {
  const [built, setBuilt] = useState(() => hasRegistry(gateway));
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<BuildOutcome | undefined>();
  const busy = useRef(false);

  const scenarios = planScenarios(state);
  const blocked = !gateway
    ? "Building sheets needs Excel: open the add-in from Excel."
    : (draftRefusal(link?.drafts ?? []) ?? (!scenarios.ok ? sentence(scenarios.error.message) : undefined));

  const run = async (discardEdits = false) => {
    if (busy.current) return;
    if (!gateway || !scenarios.ok || blocked !== undefined) {
      // The buttons are disabled while blocked; a call that gets here anyway builds nothing.
      setOutcome({ kind: "refused", message: blocked ?? "Nothing to build." });
      return;
    }
    busy.current = true;
    setRunning(true);
    setOutcome(undefined);
    try {
      const r = await gateway.build(scenarios.value, { discardEdits, peers: state.peers, ...(risk ? { risk } : {}) });
      if (r.ok) {
        setBuilt(true);
        link?.noteSheetEdits(r.report.keptInputs);
        setOutcome({ kind: "done", report: r.report, warning: r.warning });
      } else {
        setOutcome({ kind: "failed", message: r.message, workbook: r.workbook, warning: r.warning });
      }
    } catch (e) {
      // The build itself reports its failures; this is a failure around it (e.g. saving the settings).
      setOutcome({ kind: "failed", message: messageOf(e), workbook: "uncertain" });
    } finally {
      busy.current = false;
      setRunning(false);
    }
  };

  return { built, running, outcome, blocked, run };
}
