/** Runs a custom function and returns the Excel error it produced, or fails the test. */
export function excelError(f: () => unknown): { code: string; message: string } {
  try {
    const v = f();
    throw new Error(`expected an Excel error, got ${JSON.stringify(v)}`);
  } catch (e) {
    if (e instanceof CustomFunctions.Error) return { code: String(e.code), message: e.message ?? "" };
    throw e;
  }
}

/** Excel's awkward inputs for a scalar argument, with the error code each must give. */
export const AWKWARD_YEAR: ReadonlyArray<[label: string, value: unknown, code: string]> = [
  ["blank", null, "#VALUE!"],
  ["empty text", "", "#VALUE!"],
  ["text", "next year", "#VALUE!"],
  ["boolean", true, "#VALUE!"],
  ["2-D range", [[2026, 2027]], "#VALUE!"],
  ["error value", { type: "Error", code: "#N/A" }, "#VALUE!"],
  ["negative", -2027, "#NUM!"],
  ["huge", 1e308, "#NUM!"],
  ["fraction", 2027.5, "#VALUE!"],
  ["NaN", Number.NaN, "#NUM!"],
];
