/**
 * Building and refreshing the sheets from the pane: whether the workbook already has them
 * (the adapter's registry is in the settings), one build at a time, and the outcome to show.
 * The adapter leaves the workbook unchanged when it reports a failure.
 */
import { useRef, useState } from "react";
import type { BuildReport } from "../../excel/apply";
import type { WorkbookGateway } from "../../excel/gateway";
import { REGISTRY_SETTING } from "../../excel/registry";
import { PaneState, planScenarios } from "../scenarioState";
import { sentence } from "../text";
import type { RiskSheetInput } from "../../plan/risk";

export type BuildOutcome =
  | { readonly kind: "done"; readonly report: BuildReport; readonly warning?: string }
  /** `unchanged`: the adapter reported the failure, so the workbook is as it was. */
  | { readonly kind: "failed"; readonly message: string; readonly unchanged: boolean; readonly warning?: string };

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

export function useBuild(gateway: WorkbookGateway | undefined, state: PaneState, risk?: RiskSheetInput): BuildApi {
  const [built, setBuilt] = useState(() => hasRegistry(gateway));
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<BuildOutcome | undefined>();
  const busy = useRef(false);

  const scenarios = planScenarios(state);
  const blocked = !gateway ? "Building sheets needs Excel: open the add-in from Excel." : !scenarios.ok ? sentence(scenarios.error.message) : undefined;

  const run = async (discardEdits = false) => {
    if (!gateway || !scenarios.ok || busy.current) return;
    busy.current = true;
    setRunning(true);
    setOutcome(undefined);
    try {
      const r = await gateway.build(scenarios.value, { discardEdits, peers: state.peers, ...(risk ? { risk } : {}) });
      if (r.ok) {
        setBuilt(true);
        setOutcome({ kind: "done", report: r.report, warning: r.warning });
      } else {
        setOutcome({ kind: "failed", message: r.message, unchanged: true, warning: r.warning });
      }
    } catch (e) {
      // The build itself reports its failures; this is a failure around it (e.g. saving the settings).
      setOutcome({ kind: "failed", message: e instanceof Error ? e.message : String(e), unchanged: false });
    } finally {
      busy.current = false;
      setRunning(false);
    }
  };

  return { built, running, outcome, blocked, run };
}
