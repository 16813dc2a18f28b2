/**
 * The risk worker's entry: the script the Web Worker itself runs (riskWorkerStart.ts starts it
 * from the pane). It wires the worker's messages to riskWorkerHandler.ts, which runs Monte Carlo
 * requests off the task pane's thread, in chunks, posting progress and honouring "cancel" (the
 * protocol is in riskRun.ts).
 */
import { riskWorkerHandler } from "./riskWorkerHandler";

// Typed by hand: the project compiles against the DOM library, not the WebWorker one.
const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent) => void) | null };

const handle = riskWorkerHandler((m) => scope.postMessage(m));
scope.onmessage = (event) => handle(event.data);
