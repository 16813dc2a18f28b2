/**
 * A Monte Carlo run from the pane: start, cancel, progress and the result, as React state.
 * The work happens in a Web Worker (riskWorkerEntry.ts); the logic is RiskRunController in
 * riskRun.ts, which this hook only subscribes to.
 */
import { useEffect, useRef, useSyncExternalStore } from "react";
import { RiskRequest, RiskRunController, RiskRunState, WorkerFactory } from "../riskRun";

export interface RiskRunApi extends RiskRunState {
  /** Starts a run, cancelling one in progress. */
  start(request: RiskRequest): void;
  /** Stops the run after its current chunk. */
  cancel(): void;
}

/** The real worker, loaded on first use (see riskWorkerStart.ts for why it is a dynamic import). */
const defaultWorker: WorkerFactory = () => import("../riskWorkerStart").then((m) => m.startRiskWorker());

/** `createWorker` is for tests; the pane uses the real worker. */
export function useRiskRun(createWorker: WorkerFactory = defaultWorker): RiskRunApi {
  const ref = useRef<RiskRunController>();
  if (!ref.current) ref.current = new RiskRunController(createWorker);
  const controller = ref.current;
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useEffect(() => () => controller.dispose(), [controller]);
  return { ...state, start: controller.start, cancel: controller.cancel };
}
