/**
 * preloadedLazy (src/taskpane/lazyPanel.ts): the chunk starts loading at once; until it is in,
 * the Suspense fallback shows; once it is in, the component renders without suspending; a chunk
 * that fails to load reaches the error boundary.
 */
import { act, render, screen } from "@testing-library/react";
import { Suspense } from "react";
import { ErrorBoundary } from "../../src/taskpane/components/ErrorBoundary";
import { preloadedLazy } from "../../src/taskpane/lazyPanel";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
}

const Panel = ({ label }: { label: string }) => <p>{label}</p>;
const view = (C: React.ComponentType<{ label: string }>) => (
  <ErrorBoundary>
    <Suspense fallback={<p>loading</p>}>
      <C label="the panel" />
    </Suspense>
  </ErrorBoundary>
);

test("it loads at once, not at first render, and shows the fallback until the chunk is in", async () => {
  const d = deferred<React.ComponentType<{ label: string }>>();
  const load = jest.fn(() => d.promise);
  const Lazy = preloadedLazy(load);
  expect(load).toHaveBeenCalledTimes(1);
  render(view(Lazy));
  expect(screen.getByText("loading")).toBeTruthy();
  await act(async () => d.resolve(Panel));
  expect(screen.getByText("the panel")).toBeTruthy();
  expect(screen.queryByText("loading")).toBeNull();
  expect(load).toHaveBeenCalledTimes(1);
});

test("once the chunk is in, it renders in the first pass, without the fallback", async () => {
  const Lazy = preloadedLazy(() => Promise.resolve(Panel));
  await act(async () => undefined); // the load settles
  render(view(Lazy));
  expect(screen.getByText("the panel")).toBeTruthy();
  expect(screen.queryByText("loading")).toBeNull();
});

test("a chunk that fails to load is shown by the error boundary, not an empty pane", async () => {
  jest.spyOn(console, "error").mockImplementation(() => undefined); // React reports the caught error
  const d = deferred<React.ComponentType<{ label: string }>>();
  const Lazy = preloadedLazy(() => d.promise);
  render(view(Lazy));
  await act(async () => d.reject(new Error("Loading chunk panels failed.")));
  expect(screen.getByText(/Loading chunk panels failed/)).toBeTruthy();
  expect(screen.getByText("The task pane hit an error")).toBeTruthy();
});
