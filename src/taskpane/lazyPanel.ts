/**
 * Components that live in a chunk of their own but start loading as soon as the pane's first
 * chunk runs, not when first rendered: the first paint waits only for the sections at the top,
 * and the rest arrive a moment later without a click. Once the chunk is in, the component
 * renders at once (React.lazy is handed an already-settled thenable, so it does not suspend
 * again); until then its Suspense fallback shows. A chunk that fails to load is a render error
 * the nearest error boundary shows.
 */
import { ComponentType, LazyExoticComponent, lazy } from "react";

type Module<P> = { default: ComponentType<P> };

/** `load` runs now; the returned component renders what it resolves to. */
export function preloadedLazy<P>(load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  let loaded: Module<P> | undefined;
  const loading: Promise<Module<P>> = load().then((c) => (loaded = { default: c }));
  loading.catch(() => undefined); // reported by lazy() when rendered, not as an unhandled rejection here
  // A thenable that calls back synchronously: React.lazy then treats the component as resolved.
  const settled = (m: Module<P>) => ({ then: (onDone: (m: Module<P>) => unknown) => onDone(m) }) as unknown as Promise<Module<P>>;
  return lazy(() => (loaded ? settled(loaded) : loading));
}
