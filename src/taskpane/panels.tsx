/**
 * The pane's sections below the fold, loaded as one chunk of their own (App.tsx imports this
 * module dynamically): the assumptions form, the Peers and Monte Carlo panels and the function
 * browser with its catalogue. They and what only they use (dropdowns, the search box, info
 * popovers, the risk settings, the catalogue) stay out of the pane's first chunk.
 */
import { FUNCTIONS } from "./catalog";
import { FunctionBrowser } from "./components/FunctionBrowser";
import type { InsertApi } from "./hooks/useInsertFormula";

export { AssumptionsForm } from "./components/AssumptionsForm";
export { PeersPanel } from "./components/PeersPanel";
export { RiskPanel } from "./components/RiskPanel";

/** The function browser over the generated catalogue of every CORZ function. */
export function CatalogBrowser({ insert }: { readonly insert: InsertApi }) {
  return <FunctionBrowser functions={FUNCTIONS} insert={insert} />;
}
