/**
 * Running the Monte Carlo from the pane, without a real Worker (jsdom and node have none): the
 * chunked loop, the worker's message handler, and the controller behind useRiskRun, wired to
 * the handler through an in-process double that copies every message as postMessage would.
 */
import { runRisk } from "../../src/model/risk/montecarlo";
import { certainSpec, defaultRiskSpec } from "../../src/model/risk/spec";
import { resolveScenario } from "../../src/model/scenarios";
import { FromWorker, RiskRequest, RiskRunController, RiskRunState, ToWorker, WorkerLike, inputsInForce, riskInput, runFreshness } from "../../src/taskpane/riskRun";
import { riskWorkerHandler, runInChunks } from "../../src/taskpane/riskWorkerHandler";
import { InProcessWorker, waitFor } from "./riskWorkerDouble";

const base = (() => {
  const r = resolveScenario("base");
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

function request(paths: number, seed = 1, patch: Partial<RiskRequest> = {}): RiskRequest {
  return { scenario: { name: "base", values: base.values }, spec: defaultRiskSpec(base.values), paths, seed, ...patch };
}

function inputOf(r: RiskRequest) {
  const i = riskInput(r);
  if (!i.ok) throw new Error(i.error.message);
  return i.value;
}

const noPause = () => Promise.resolve();

describe("runInChunks", () => {
  test("gives exactly what runRisk gives, reporting progress after each chunk", async () => {
    const progress: number[] = [];
    let pauses = 0;
    const r = await runInChunks(inputOf(request(2500, 5)), 1000, (done) => progress.push(done), () => false, async () => void pauses++);
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(pauses).toBe(3);
    const direct = runRisk(inputOf(request(2500, 5)));
    expect(r).toEqual(direct);
    expect(r.ok && r.value.status).toBe("done");
  });

  test("the result does not depend on the chunk size", async () => {
    const a = await runInChunks(inputOf(request(1200, 8)), 7, () => undefined, () => false, noPause);
    const b = await runInChunks(inputOf(request(1200, 8)), 5000, () => undefined, () => false, noPause);
    expect(a).toEqual(b);
  });

  test("a cancellation seen during a pause stops the run before the next chunk", async () => {
    let cancelled = false;
    let pauses = 0;
    const progress: number[] = [];
    const r = await runInChunks(inputOf(request(100000)), 1000, (d) => progress.push(d), () => cancelled, async () => {
      if (++pauses === 2) cancelled = true; // a "cancel" message handled while the loop yields
    });
    expect(r).toEqual({ ok: true, value: { status: "cancelled", done: 2000, total: 100000 } });
    expect(progress).toEqual([1000, 2000]);
  });

  test("a cancellation after the last chunk still cancels (no summary is made)", async () => {
    let cancelled = false;
    const r = await runInChunks(inputOf(request(500)), 1000, () => (cancelled = true), () => cancelled, noPause);
    expect(r.ok && r.value.status).toBe("cancelled");
  });

  test("bad input is an error value; a bad chunk size is a programmer mistake", async () => {
    const bad = await runInChunks({ ...inputOf(request(10)), paths: 0 }, 10, () => undefined, () => false, noPause);
    expect(bad.ok ? "" : bad.error.message).toMatch(/^paths must be a whole number from 1 to 1,000,000/);
    await expect(runInChunks(inputOf(request(10)), 0, () => undefined, () => false)).rejects.toThrow(/chunkSize/);
  });
});

describe("riskInput (the request crossed a thread boundary)", () => {
  test.each<[string, unknown, RegExp]>([
    ["nothing", null, /request is missing/],
    ["no scenario", { ...request(10), scenario: undefined }, /needs a scenario with a name/],
    ["a bad assumption value", request(10, 1, { scenario: { name: "mine", values: { ...base.values, licence_margin: 2 } } }), /licence_margin must be a rate from 0 to 1/],
    ["an unknown assumption", request(10, 1, { scenario: { name: "mine", values: { ...base.values, moon: 1 } } }), /unknown assumption "moon"/],
    ["a bad probability", request(10, 1, { spec: { ...defaultRiskSpec(base.values), renewalProbability: 1.5 } }), /renewal probability must be a decimal from 0 to 1/],
    ["a bad seed", request(10, -3), /seed must be a whole number/],
  ])("%s is refused with a message", (_, r, message) => {
    const i = riskInput(r);
    expect(i.ok ? "" : i.error.message).toMatch(message);
  });

  test("a good request keeps the pane's scenario name and values", () => {
    const i = inputOf(request(10, 1, { scenario: { name: "My case", values: { ...base.values, delay_months: 4 } } }));
    expect(i.scenario.name).toBe("My case");
    expect(i.scenario.values.delay_months).toBe(4);
  });
});

describe("the worker's message handler", () => {
  function handler() {
    const out: FromWorker[] = [];
    let release: (() => void) | undefined;
    const gate = { held: false };
    // A pause the test can hold, to deliver a message "while the worker yields".
    const pause = () => (gate.held ? new Promise<void>((r) => (release = r)) : Promise.resolve());
    const handle = riskWorkerHandler((m) => out.push(m), pause);
    return { out, handle, gate, release: () => release?.() };
  }

  test("a run posts progress and then exactly one result", async () => {
    const h = handler();
    h.handle({ type: "run", id: 7, request: request(2500, 2), chunk: 1000 } satisfies ToWorker);
    await waitFor(() => h.out.some((m) => m.type !== "progress"));
    expect(h.out.map((m) => [m.type, m.id, m.type === "progress" ? m.done : -1])).toEqual([
      ["progress", 7, 1000],
      ["progress", 7, 2000],
      ["progress", 7, 2500],
      ["done", 7, -1],
    ]);
    const done = h.out[3];
    expect(done.type === "done" && done.summary).toEqual((runRisk(inputOf(request(2500, 2))) as { value: { summary: unknown } }).value.summary);
  });

  test("a cancel message stops the run after its current chunk", async () => {
    const h = handler();
    h.gate.held = true;
    h.handle({ type: "run", id: 1, request: request(50000), chunk: 1000 });
    await waitFor(() => h.out.length === 1);
    h.handle({ type: "cancel", id: 1 });
    h.gate.held = false;
    h.release();
    await waitFor(() => h.out.some((m) => m.type === "cancelled"));
    expect(h.out).toEqual([
      { type: "progress", id: 1, done: 1000, total: 50000 },
      { type: "cancelled", id: 1, done: 1000, total: 50000 },
    ]);
  });

  test("a cancel for another id is ignored", async () => {
    const h = handler();
    h.gate.held = true;
    h.handle({ type: "run", id: 1, request: request(3000), chunk: 1000 });
    await waitFor(() => h.out.length === 1);
    h.handle({ type: "cancel", id: 99 });
    h.gate.held = false;
    h.release();
    await waitFor(() => h.out.some((m) => m.type !== "progress"));
    expect(h.out.map((m) => m.type)).toEqual(["progress", "progress", "progress", "done"]);
  });

  test("a new run cancels the one in progress", async () => {
    const h = handler();
    h.gate.held = true;
    h.handle({ type: "run", id: 1, request: request(50000), chunk: 1000 });
    await waitFor(() => h.out.length === 1);
    h.gate.held = false;
    h.handle({ type: "run", id: 2, request: request(300), chunk: 1000 });
    h.release();
    await waitFor(() => h.out.some((m) => m.id === 2 && m.type === "done") && h.out.some((m) => m.id === 1 && m.type === "cancelled"));
    expect(h.out.filter((m) => m.id === 1).map((m) => m.type)).toEqual(["progress", "cancelled"]);
  });

  test("a bad request fails with the model's message; garbage is ignored", async () => {
    const h = handler();
    h.handle({ type: "run", id: 3, request: request(0) });
    h.handle(null);
    h.handle({ type: "explode", id: 4 });
    h.handle("run");
    await waitFor(() => h.out.length > 0);
    expect(h.out).toEqual([{ type: "failed", id: 3, message: "paths must be a whole number from 1 to 1,000,000, got 0" }]);
  });
});

describe("RiskRunController (what useRiskRun shows)", () => {
  function controller(chunk = 1000) {
    const workers: InProcessWorker[] = [];
    const c = new RiskRunController(() => {
      const w = new InProcessWorker();
      workers.push(w);
      return w;
    }, chunk);
    const states: RiskRunState[] = [];
    c.subscribe(() => states.push(c.getState()));
    return { c, workers, states };
  }

  test("start: running with progress, then done with the summary; one worker serves every run", async () => {
    const { c, workers, states } = controller();
    expect(c.getState().status).toBe("idle");
    c.start(request(3000, 4));
    expect(c.getState()).toMatchObject({ status: "running", done: 0, total: 3000 });
    await waitFor(() => c.getState().status === "done");
    const s = c.getState();
    expect(s.summary?.paths).toBe(3000);
    expect(s.summary?.seed).toBe(4);
    expect(s.request?.seed).toBe(4);
    expect(states.filter((x) => x.status === "running").map((x) => x.done)).toEqual([0, 1000, 2000, 3000]);
    c.start(request(500, 5));
    await waitFor(() => c.getState().status === "done" && c.getState().summary?.seed === 5);
    expect(workers).toHaveLength(1);
  });

  test("cancel: cancelling until the worker confirms, then cancelled with the paths done", async () => {
    const { c } = controller(500);
    c.start(request(200000));
    await waitFor(() => c.getState().done > 0);
    c.cancel();
    expect(c.getState().status).toBe("cancelling");
    await waitFor(() => c.getState().status === "cancelled");
    expect(c.getState().done).toBeGreaterThan(0);
    expect(c.getState().done).toBeLessThan(200000);
  });

  test("starting again while running drops the old run: only the new run's result is shown", async () => {
    const { c, workers } = controller(500);
    c.start(request(200000, 1));
    await waitFor(() => c.getState().done > 0);
    c.start(request(800, 2));
    await waitFor(() => c.getState().status === "done");
    expect(c.getState().summary?.seed).toBe(2);
    expect(workers[0].received.filter((m) => m.type === "cancel")).toEqual([{ type: "cancel", id: 1 }]);
  });

  test("a request the model refuses fails at once, without starting a worker", () => {
    const { c, workers } = controller();
    c.start(request(10, 1, { spec: { ...certainSpec(base.values), default: { annualProbability: 1.5, recovery: 0 } } }));
    expect(c.getState()).toMatchObject({ status: "failed", message: "the annual default probability must be a decimal from 0 to 1 (0.05 is 5%), got 1.5" });
    expect(workers).toHaveLength(0);
  });

  test("a worker that cannot start, or that breaks, fails the run; the next run makes a new worker", async () => {
    const broken = new RiskRunController(() => {
      throw new Error("no Worker here");
    });
    broken.start(request(10));
    await waitFor(() => broken.getState().status === "failed");
    expect(broken.getState().message).toBe("the Monte Carlo simulation could not start: no Worker here");

    const { c, workers } = controller(500);
    c.start(request(200000));
    await waitFor(() => c.getState().done > 0);
    workers[0].onerror?.({ message: "script error" });
    expect(c.getState()).toMatchObject({ status: "failed", message: "the Monte Carlo simulation stopped: script error" });
    c.start(request(100));
    await waitFor(() => c.getState().status === "done");
    expect(workers).toHaveLength(2);
  });

  test("dispose terminates the worker and ignores whatever it still sends", async () => {
    const { c, workers } = controller(500);
    c.start(request(200000));
    await waitFor(() => c.getState().done > 0);
    c.dispose();
    await waitFor(() => workers[0].terminated);
    expect(c.getState().status).toBe("cancelled");
    const late: FromWorker = { type: "done", id: 1, summary: {} as never };
    workers[0].onmessage?.({ data: late });
    expect(c.getState().status).toBe("cancelled");
  });

  test("the double is a faithful worker: messages are copied, so nothing is shared by reference", async () => {
    const w: WorkerLike = new InProcessWorker();
    const got: FromWorker[] = [];
    w.onmessage = (e) => got.push(e.data);
    const r = request(50);
    w.postMessage({ type: "run", id: 1, request: r });
    await waitFor(() => got.some((m) => m.type === "done"));
    expect(got.at(-1)?.type).toBe("done");
    expect((w as InProcessWorker).received[0]).not.toBe(r);
  });
});

describe("is the last run on the live inputs?", () => {
  const typed = [
    { scenario: "base", key: "licence_margin", value: 0.7 },
    { scenario: "bull", key: "t1_mw", value: 150 },
  ];

  test("inputsInForce: the pane's values with the values typed on the sheet for that scenario, inputs untouched", () => {
    const values = Object.freeze({ ...base.values });
    expect(inputsInForce(values, typed, "base")).toEqual({ ...base.values, licence_margin: 0.7 });
    expect(inputsInForce(values, typed, "bear")).toBe(values);
    expect(values.licence_margin).toBe(0.825); // base's, untouched by the typed 0.7
  });

  test("inputsInForce: a spread typed on the sheet moves the discount rate built from it, as the sheet does", () => {
    const live = inputsInForce(base.values, [{ scenario: "base", key: "discount_spread", value: 0.02 }], "base");
    expect(live.discount_spread).toBe(0.02);
    expect(live.discount_rate).toBe(0.11);
    expect(runFreshness({ inputs: base.values }, live)).toMatchObject({ kind: "changed", changes: expect.arrayContaining([expect.objectContaining({ key: "discount_rate", live: 0.11 })]) });
  });

  test("runFreshness: current when the run used them, changed naming each, gone without the scenario", () => {
    const summary = { inputs: base.values };
    expect(runFreshness(summary, base.values)).toEqual({ kind: "current" });
    expect(runFreshness(summary, { ...base.values, licence_margin: 0.825 * (1 + 1e-13) })).toEqual({ kind: "current" });
    expect(runFreshness(summary, inputsInForce(base.values, typed, "base"))).toEqual({ kind: "changed", changes: [{ key: "licence_margin", used: 0.825, live: 0.7 }] });
    expect(runFreshness(summary, undefined)).toEqual({ kind: "gone" });
  });

  test("a finished run records the inputs it simulated, after the worker's checks", async () => {
    const c = new RiskRunController(() => new InProcessWorker(), 500);
    c.start(request(800, 4, { scenario: { name: "base", values: { ...base.values, licence_margin: 0.7 } } }));
    await waitFor(() => c.getState().status === "done");
    expect(c.getState().summary?.inputs).toEqual({ ...base.values, licence_margin: 0.7 });
    c.dispose();
  });
});
