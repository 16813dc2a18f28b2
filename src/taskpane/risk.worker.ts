/**
 * The risk worker: runs Monte Carlo requests off the task pane's thread, in chunks, posting
 * progress and honouring "cancel" (the protocol is in riskRun.ts, the logic in riskWorkerHandler.ts).
 */
import { riskWorkerHandler } from "./riskWorkerHandler";

// Typed by hand: the project compiles against the DOM library, not the WebWorker one.
const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent) => void) | null };

const handle = riskWorkerHandler((m) => scope.postMessage(m));
scope.onmessage = (event) => handle(event.data);
