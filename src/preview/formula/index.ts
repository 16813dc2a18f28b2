/**
 * A small formula evaluator for the preview page: the Excel double stores formulas and never
 * calculates them, so the preview computes each formula cell's value itself to show it.
 *
 * It covers what the workbook plan writes (A1 references, ranges, sheet-qualified references,
 * defined names, + - * / ^ & % and comparisons with Excel's array broadcasting, and the
 * functions in FUNCTIONS) and the CORZ custom functions through a hook. No formula engine
 * on the npm registry fits: fast-formula-parser (MIT) lacks MAX, MIN, MATCH, LARGE, MEDIAN and
 * CHOOSE, and HyperFormula is GPL. Anything else evaluates to #NAME?, never to a made-up number.
 * The tests check its results against the TypeScript model and the plan's own Checks sheet.
 *
 * The parts, each in its own file: values.ts (Excel's values and operators), parse.ts (formula
 * text to a tree), builtins.ts (the built-in functions), custom.ts (calling custom functions),
 * spill.ts (where array results spill), book.ts (the workbook it reads) and evaluate.ts (the
 * Evaluator that ties them together).
 */
export { bookOf } from "./book";
export type { Book, StoredWorkbook } from "./book";
export type { CustomFunctionHook } from "./custom";
export { Evaluator } from "./evaluate";
export { FUNCTIONS } from "./builtins";
export { parseFormula } from "./parse";
export type { Node } from "./parse";
export type { Spill } from "./spill";
export { Matrix, XlError, dateSerial, literal, toText } from "./values";
export type { Content, Scalar, Value } from "./values";
