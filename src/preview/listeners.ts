/** Listeners to one kind of event, for the preview's doubles (a sync, a settings save, an association). */
export class Listeners {
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` at each event from now on; returns a function that stops it. */
  add(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Calls every listener (those there when the event happened: one added meanwhile waits for the next). */
  notify(): void {
    for (const l of [...this.listeners]) l();
  }
}
