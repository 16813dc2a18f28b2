/**
 * Running a Monte Carlo from the task pane without freezing it. Everything here is plain
 * TypeScript, so jest tests it without a real Worker (jsdom has none):
 *
 * - the request the pane sends and the messages the worker answers with;
 * - `riskInput`: the checks both sides make of a request;
 * - `RiskRunController`: start / cancel / progress / result state for the useRiskRun hook;
 * - `inputsInForce` and `runFreshness`: whether the last run's inputs are still the live ones.
 *
 * The worker's side (the chunked loop and the message handler) is riskWorkerHandler.ts, so the
 * simulation engine is not in the pane's own bundle.
 */
import { Result, valueError } from "../model/result";
// Only the checks (input.ts): the engine is the worker's and the build's, not the pane's.
import { ChangedInput, DEFAULT_CHUNK, RiskInput, changedInputs, checkRiskInput } from "../model/risk/input";
import type { RiskSummary } from "../model/risk/montecarlo";
import { RiskSpec } from "../model/risk/spec";
import { Assumptions, resolveScenario, withOverrides } from "../model/scenarios";

/** What the pane asks the worker to run. */
export interface RiskRequest {
  /** The scenario as the pane holds it: its name and assumption values (dates as Excel serials). */
  readonly scenario: { readonly name: string; readonly values: Readonly<Record<string, number>> };
  readonly spec: RiskSpec;
  readonly paths: number;
  readonly seed: number;
  /** Value threshold (present value of free cash flow), USD; default the scenario's deterministic value. */
  readonly threshold?: number;
}

export type ToWorker =
  | { readonly type: "run"; readonly id: number; readonly request: RiskRequest; readonly chunk?: number }
  | { readonly type: "cancel"; readonly id: number };

export type FromWorker =
  | { readonly type: "progress"; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: "done"; readonly id: number; readonly summary: RiskSummary }
  | { readonly type: "cancelled"; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: "failed"; readonly id: number; readonly message: string };

/**
 * Turns a request (which crossed a thread boundary, so it is checked as untrusted) into the
 * model's input: every assumption value is validated as the scenario forms validate them, and
 * the paths, seed and distributions as the model does.
 */
export function riskInput(request: unknown): Result<RiskInput> {
  if (typeof request !== "object" || request === null) return valueError("the risk request is missing");
  const r = request as Partial<RiskRequest>;
  const sc = r.scenario;
  if (typeof sc !== "object" || sc === null || typeof sc.name !== "string" || typeof sc.values !== "object" || sc.values === null) {
    return valueError("the risk request needs a scenario with a name and its assumption values");
  }
  const resolved = resolveScenario("base", Object.entries(sc.values));
  if (!resolved.ok) return resolved;
  return checkRiskInput({
    scenario: { name: sc.name, values: resolved.value.values },
    spec: r.spec as RiskSpec,
    paths: r.paths as number,
    seed: r.seed as number,
    threshold: r.threshold,
  });
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

// ---- is the last run still on the live inputs? ----------------------------------------

/** A value typed on CORZ Inputs that the sheets keep over the scenario's (the build report's keptInputs). */
export interface SheetValue {
  readonly scenario: string;
  readonly key: string;
  readonly value: number;
}

/**
 * A scenario's inputs as the sheets use them: the pane's values, with the values typed on CORZ
 * Inputs for that scenario (kept by a refresh) in their place. A run on these is up to date
 * with the Risk sheet's live links.
 */
export function inputsInForce(values: Assumptions, sheetValues: readonly SheetValue[], scenario: string): Assumptions {
  const typed = sheetValues.filter((e) => e.scenario === scenario);
  if (typed.length === 0) return values;
  // As the sheet settles them: a typed spread moves the discount rate built from it.
  const settled = withOverrides({ name: scenario, values }, typed.map((e) => [e.key, e.value] as const));
  return settled.ok ? settled.value.values : { ...values, ...Object.fromEntries(typed.map((e) => [e.key, e.value])) };
}

/**
 * The last run against the live inputs: `current` when it used them, `changed` with what
 * differs (registry order), `gone` when its scenario is no longer among those to build.
 */
export type RunFreshness = { readonly kind: "current" } | { readonly kind: "changed"; readonly changes: readonly ChangedInput[] } | { readonly kind: "gone" };

export function runFreshness(summary: Pick<RiskSummary, "inputs">, live: Assumptions | undefined): RunFreshness {
  if (live === undefined) return { kind: "gone" };
  const changes = changedInputs(summary.inputs, live);
  return changes.length === 0 ? { kind: "current" } : { kind: "changed", changes };
}

// ---- the pane's side ----------------------------------------------------------------

/** The part of a Worker the controller uses (a real Worker, or a test double). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { readonly data: FromWorker }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
  terminate(): void;
}

export type WorkerFactory = () => WorkerLike | Promise<WorkerLike>;

export type RiskRunStatus = "idle" | "running" | "cancelling" | "done" | "cancelled" | "failed";

/** Whether a run is under way: running, or asked to stop and not yet stopped. */
export function isBusy(state: Pick<RiskRunState, "status">): boolean {
  return state.status === "running" || state.status === "cancelling";
}

export interface RiskRunState {
  readonly status: RiskRunStatus;
  /** Paths simulated so far and in all. */
  readonly done: number;
  readonly total: number;
  /** The request of the current or last run (its seed and path count go beside the results). */
  readonly request?: RiskRequest;
  readonly summary?: RiskSummary;
  /** Why the run failed. */
  readonly message?: string;
}

export const IDLE: RiskRunState = { status: "idle", done: 0, total: 0 };

/**
 * Start / cancel / progress / result for one pane, over one worker made on first use. Runs
 * are numbered; messages about an older run are ignored. Listeners are told of every change.
 */
export class RiskRunController {
  private state: RiskRunState = IDLE;
  private readonly listeners = new Set<() => void>();
  private worker: Promise<WorkerLike> | undefined;
  private runId = 0;

  constructor(
    private readonly create: WorkerFactory,
    private readonly chunk: number = DEFAULT_CHUNK,
  ) {}

  readonly getState = (): RiskRunState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts a run (cancelling one in progress). A request the model refuses fails at once, without the worker. */
  readonly start = (request: RiskRequest): void => {
    if (isBusy(this.state)) this.postCancel(this.runId); // the worker would also drop it for the new run
    const id = ++this.runId;
    const checked = riskInput(request);
    if (!checked.ok) {
      this.set({ status: "failed", done: 0, total: 0, request, message: checked.error.message });
      return;
    }
    this.set({ status: "running", done: 0, total: request.paths, request });
    this.workerPromise()
      .then((w) => {
        if (id === this.runId) w.postMessage({ type: "run", id, request, chunk: this.chunk });
      })
      .catch((e: unknown) => this.fail(id, `the Monte Carlo simulation could not start: ${messageOf(e)}`));
  };

  /** Asks the worker to stop after its current chunk; the state says "cancelling" until it has. */
  readonly cancel = (): void => {
    if (this.state.status !== "running") return;
    this.set({ ...this.state, status: "cancelling" });
    this.postCancel(this.runId);
  };

  private postCancel(id: number): void {
    this.worker?.then((w) => w.postMessage({ type: "cancel", id })).catch(() => undefined); // start() reports a worker that cannot start
  }

  /** Stops the worker (the pane is closing); a later start makes a new one. */
  readonly dispose = (): void => {
    const w = this.worker;
    this.worker = undefined;
    this.runId++;
    if (isBusy(this.state)) this.set({ ...this.state, status: "cancelled" });
    w?.then((x) => x.terminate()).catch(() => undefined);
  };

  private workerPromise(): Promise<WorkerLike> {
    if (!this.worker) {
      const made = Promise.resolve().then(this.create);
      this.worker = made;
      made
        .then((w) => {
          w.onmessage = (e) => this.receive(e.data);
          w.onerror = (e) => {
            // The worker itself broke (e.g. its script did not load): drop it, fail the run.
            if (this.worker === made) this.worker = undefined;
            this.fail(this.runId, `the Monte Carlo simulation stopped: ${e.message ?? "unknown error"}`);
          };
        })
        .catch(() => {
          if (this.worker === made) this.worker = undefined;
        });
    }
    return this.worker;
  }

  private receive(m: FromWorker): void {
    if (m.id !== this.runId) return;
    const s = this.state;
    if (!isBusy(this.state)) return;
    switch (m.type) {
      case "progress":
        this.set({ ...s, done: m.done, total: m.total });
        break;
      case "done":
        this.set({ status: "done", done: m.summary.paths, total: m.summary.paths, request: s.request, summary: m.summary });
        break;
      case "cancelled":
        this.set({ status: "cancelled", done: m.done, total: m.total, request: s.request });
        break;
      case "failed":
        this.set({ status: "failed", done: s.done, total: s.total, request: s.request, message: m.message });
        break;
    }
  }

  private fail(id: number, message: string): void {
    if (id !== this.runId || !isBusy(this.state)) return;
    const s = this.state;
    this.set({ status: "failed", done: s.done, total: s.total, request: s.request, message });
  }

  private set(next: RiskRunState): void {
    this.state = next;
    for (const l of [...this.listeners]) l();
  }
}
