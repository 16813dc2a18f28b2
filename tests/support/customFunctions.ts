/**
 * Every CORZ custom function as Excel sees it: read from the same metadata the build generates
 * (custom-functions-metadata over the files tools/function-files.cjs lists), each with its
 * implementation (the JSDoc function it is associated with), its parameters and whether it
 * spills. The property tests and the benchmark enumerate functions from here, so a function
 * added to any of those files is covered without being named.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const { FUNCTION_FILES } = require("../../tools/function-files.cjs") as { FUNCTION_FILES: string[] };

export interface ParameterInfo {
  readonly name: string;
  readonly optional: boolean;
  /** Excel passes a 2-D array (a range) for this parameter. */
  readonly matrix: boolean;
}

export interface CustomFunctionInfo {
  /** The id Excel shows after CORZ., e.g. DEAL_REVENUE. */
  readonly id: string;
  readonly parameters: readonly ParameterInfo[];
  /** The result is a 2-D array (it spills). */
  readonly spills: boolean;
  readonly fn: (...args: unknown[]) => unknown;
}

interface Metadata {
  functions: Array<{
    id: string;
    parameters: Array<{ name: string; optional?: boolean; dimensionality?: string }>;
    result?: { dimensionality?: string };
  }>;
}

/** The custom functions in Excel's order. Needs the CustomFunctions global (tests/setup/customFunctions.ts or a stand-in). */
export async function loadCustomFunctions(): Promise<CustomFunctionInfo[]> {
  const r = await generateCustomFunctionsMetadata(FUNCTION_FILES, true);
  if (r.errors.length > 0) throw new Error(r.errors.join("\n"));
  const meta = JSON.parse(r.metadataJson) as Metadata;
  const implementations = new Map(r.associate.map((a) => [a.id, a]));
  return meta.functions.map((f) => {
    const a = implementations.get(f.id);
    if (!a) throw new Error(`${f.id} has no implementation in the metadata`);
    const fn = (require(a.sourceFileName) as Record<string, unknown>)[a.functionName];
    if (typeof fn !== "function") throw new Error(`${f.id}: ${a.functionName} is not exported by ${a.sourceFileName}`);
    return {
      id: f.id,
      parameters: f.parameters.map((p) => ({ name: p.name, optional: p.optional === true, matrix: p.dimensionality === "matrix" })),
      spills: f.result?.dimensionality === "matrix",
      fn: fn as (...args: unknown[]) => unknown,
    };
  });
}
