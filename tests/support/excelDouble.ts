/**
 * The strict Excel double lives in src/preview (the preview page runs the task pane over it);
 * tests and tools/bench.ts import it from here, unchanged.
 */
export * from "../../src/preview/excelDouble";
