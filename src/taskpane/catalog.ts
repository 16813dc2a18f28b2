/**
 * The custom functions as the task pane lists them. The task pane may not import
 * src/functions (lint rule), and reading functions.json at run time would add a fetch that can
 * fail, so `npm run docs` writes the catalogue to catalog.generated.json from the same metadata
 * the build generates from the JSDoc; tests/project/catalog.test.ts fails when it is stale.
 */

import catalog from "./catalog.generated.json";

import { NAMESPACE } from "./namespace";

export { NAMESPACE };

export interface FunctionParameter {
  readonly name: string;
  readonly description: string;
  readonly optional: boolean;
}

export interface FunctionInfo {
  /** The never-changing id from `@customfunction ID`; Excel shows it as NAMESPACE.ID. */
  readonly id: string;
  readonly description: string;
  readonly parameters: readonly FunctionParameter[];
}

/** Generated from the functions' JSDoc by `npm run docs` (tools/function-reference.cjs). */
export const FUNCTIONS: readonly FunctionInfo[] = catalog as FunctionInfo[];

/** How the function is typed in a cell: `=CORZ.DEAL_REVENUE(year, [scenario])`. */
export function signature(f: FunctionInfo): string {
  const args = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  return `${NAMESPACE}.${f.id}(${args})`;
}

/** The functions whose id, description or parameter names contain `query` (case-insensitive). */
export function searchFunctions(functions: readonly FunctionInfo[], query: string): readonly FunctionInfo[] {
  const q = query.trim().toLowerCase();
  if (q === "") return functions;
  return functions.filter(
    (f) =>
      f.id.toLowerCase().includes(q) ||
      f.description.toLowerCase().includes(q) ||
      f.parameters.some((p) => p.name.toLowerCase().includes(q)),
  );
}
