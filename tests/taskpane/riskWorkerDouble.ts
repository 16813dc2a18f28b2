/**
 * A Web Worker double for the risk tests (not a test file): the real message handler of
 * riskWorkerHandler.ts running in-process, every message copied (as postMessage's structured clone
 * would) and delivered on a later task.
 */
import { FromWorker, ToWorker, WorkerLike } from "../../src/taskpane/riskRun";
import { riskWorkerHandler } from "../../src/taskpane/riskWorkerHandler";

const copy = <T>(x: T): T => (typeof structuredClone === "function" ? structuredClone(x) : (JSON.parse(JSON.stringify(x)) as T));
const later = (f: () => void) => setTimeout(f, 0);

export class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike["onmessage"] = null;
  onerror: WorkerLike["onerror"] = null;
  terminated = false;
  /** Messages the worker received, as copies. */
  readonly received: ToWorker[] = [];
  private readonly handle = riskWorkerHandler((m: FromWorker) => {
    const data = copy(m);
    later(() => {
      if (!this.terminated) this.onmessage?.({ data });
    });
  });

  postMessage(message: ToWorker): void {
    if (this.terminated) return;
    const data = copy(message);
    this.received.push(data);
    later(() => {
      if (!this.terminated) this.handle(data);
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** Resolves once `pred` holds, checking on each task; rejects after `ms`. */
export async function waitFor(pred: () => boolean, ms = 10000): Promise<void> {
  const start = Date.now();
  while (!pred()) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 1));
  }
}
