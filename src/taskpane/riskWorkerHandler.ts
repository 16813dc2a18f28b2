/**
 * The risk worker's side of riskRun.ts (the worker runs it from riskWorkerEntry.ts; tests run it in-process):
 *
 * - `runInChunks`: the chunked loop, pausing between chunks so a cancel message gets in;
 * - `riskWorkerHandler`: what the worker does with each message.
 */
import { Result, ok } from "../model/result";
import { DEFAULT_CHUNK, RiskInput } from "../model/risk/input";
import { RiskOutcome, prepareRisk, stepRisk, summariseRisk } from "../model/risk/montecarlo";
import { FromWorker, ToWorker, riskInput } from "./riskRun";

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Yields to the event loop once, so queued messages (a cancel) are handled. A MessageChannel
 * round trip where there is one: unlike nested setTimeout it is not clamped to 4 ms.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === "function") {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs a Monte Carlo `chunkSize` paths at a time: after each chunk it reports progress and
 * pauses; a cancellation seen before a chunk (or before the summary) ends the run as
 * "cancelled". The paths do not depend on the chunk size.
 */
export async function runInChunks(
  input: RiskInput,
  chunkSize: number,
  onProgress: (done: number, total: number) => void,
  isCancelled: () => boolean,
  pause: () => Promise<void> = nextTask,
): Promise<Result<RiskOutcome>> {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new Error(`chunkSize must be a whole number of paths, got ${chunkSize}`);
  const prepared = prepareRisk(input);
  if (!prepared.ok) return prepared;
  const run = prepared.value;
  const cancelled = (): Result<RiskOutcome> => ok({ status: "cancelled", done: run.done, total: run.total });
  while (run.done < run.total) {
    if (isCancelled()) return cancelled();
    stepRisk(run, chunkSize); // at least one path per step, so the loop ends
    onProgress(run.done, run.total);
    await pause();
  }
  if (isCancelled()) return cancelled();
  const summary = summariseRisk(run);
  return summary.ok ? ok({ status: "done", summary: summary.value }) : summary;
}

/**
 * The worker's message handler: "run" starts a run (a newer run cancels an older one; one
 * runs at a time), "cancel" stops the run with that id after its current chunk. Every run
 * ends with exactly one "done", "cancelled" or "failed" message.
 */
export function riskWorkerHandler(post: (m: FromWorker) => void, pause: () => Promise<void> = nextTask): (message: unknown) => void {
  const cancelled = new Set<number>();
  let current: number | undefined;
  return (message) => {
    if (typeof message !== "object" || message === null) return;
    const m = message as Partial<ToWorker>;
    if (typeof m.id !== "number") return;
    const id = m.id;
    if (m.type === "cancel") {
      if (id === current) cancelled.add(id);
      return;
    }
    if (m.type !== "run") return;
    const input = riskInput(m.request);
    if (!input.ok) {
      post({ type: "failed", id, message: input.error.message });
      return;
    }
    if (current !== undefined) cancelled.add(current);
    current = id;
    const chunk = typeof m.chunk === "number" && Number.isInteger(m.chunk) && m.chunk >= 1 ? m.chunk : DEFAULT_CHUNK;
    runInChunks(input.value, chunk, (done, total) => post({ type: "progress", id, done, total }), () => cancelled.has(id), pause)
      .then((r) => {
        if (!r.ok) post({ type: "failed", id, message: r.error.message });
        else if (r.value.status === "done") post({ type: "done", id, summary: r.value.summary });
        else post({ type: "cancelled", id, done: r.value.done, total: r.value.total });
      })
      .catch((e: unknown) => post({ type: "failed", id, message: `internal error: ${messageOf(e)}` }))
      .finally(() => {
        cancelled.delete(id);
        if (current === id) current = undefined;
      });
  };
}
