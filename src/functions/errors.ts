/**
 * The one place where a model error becomes an Excel error value. Messages reach the
 * cell on #VALUE! and #N/A, the only two error types Excel shows them on.
 */
import { ModelError, Result } from "../model/result";

function codeFor(kind: ModelError["kind"]): CustomFunctions.ErrorCode {
  switch (kind) {
    case "value":
      return CustomFunctions.ErrorCode.invalidValue;
    case "na":
      return CustomFunctions.ErrorCode.notAvailable;
    case "num":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "div0":
      return CustomFunctions.ErrorCode.divisionByZero;
  }
}

/** Converts a model error into the error object Excel shows in the cell. */
export function toExcelError(e: ModelError): CustomFunctions.Error {
  const code = codeFor(e.kind);
  return e.kind === "value" || e.kind === "na" ? new CustomFunctions.Error(code, e.message) : new CustomFunctions.Error(code);
}

/**
 * Runs a function body: its value is returned; a model error, or any exception (a bug),
 * is thrown as an Excel error value so nothing else escapes to Excel.
 */
export function cell<T>(body: () => Result<T>): T {
  let r: Result<T>;
  try {
    r = body();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw toExcelError({ kind: "value", message: `internal error: ${msg}` });
  }
  if (!r.ok) throw toExcelError(r.error);
  return r.value;
}
