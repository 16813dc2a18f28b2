/**
 * Errors are values inside the model. A model function returns either its value or a
 * `ModelError`; it never returns NaN and never throws for bad user input (it throws only
 * for programmer mistakes). Only `src/functions/errors.ts` turns a `ModelError` into an
 * Excel error.
 */

/** The kinds of error Excel can show. `value` and `na` carry their message to the cell. */
export type ErrorKind = "value" | "num" | "na" | "div0";

export interface ModelError {
  readonly kind: ErrorKind;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ModelError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(kind: ErrorKind, message: string): Result<T> {
  return { ok: false, error: { kind, message } };
}

/** Wrong type or unknown name: "#VALUE!" with the message. */
export const valueError = <T = never>(message: string): Result<T> => fail<T>("value", message);
/** Not available (unknown scenario, unknown assumption): "#N/A" with the message. */
export const naError = <T = never>(message: string): Result<T> => fail<T>("na", message);
/** A number that cannot be computed (no convergence, out of range): "#NUM!". */
export const numError = <T = never>(message: string): Result<T> => fail<T>("num", message);

export function isModelError(x: unknown): x is ModelError {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as ModelError).kind === "string" &&
    typeof (x as ModelError).message === "string"
  );
}

/** Applies `f` to a successful result; passes an error through unchanged. */
export function map<T, U>(r: Result<T>, f: (v: T) => U): Result<U> {
  return r.ok ? ok(f(r.value)) : r;
}

/** Chains a computation that may itself fail. */
export function andThen<T, U>(r: Result<T>, f: (v: T) => Result<U>): Result<U> {
  return r.ok ? f(r.value) : r;
}

/** The value type a `Result` carries. */
export type ValueOf<R> = R extends { readonly ok: true; readonly value: infer T } ? T : never;

/**
 * The values of several results, in order, or the first error among them: a function's
 * arguments coerced one after another read as one flat list instead of nested `andThen`s.
 * @example all(ok(2), ok(3)).value[1] // 3
 */
export function all<const T extends readonly Result<unknown>[]>(...results: T): Result<{ [K in keyof T]: ValueOf<T[K]> }> {
  for (const r of results) if (!r.ok) return r;
  return ok(results.map((r) => (r as { value: unknown }).value) as { [K in keyof T]: ValueOf<T[K]> });
}

/**
 * Guards a number computed by the model: a non-finite value becomes `#NUM!` with the
 * message, so NaN and Infinity never leave the model.
 */
export function finite(x: number, what: string): Result<number> {
  return Number.isFinite(x) ? ok(x) : numError(`${what} is not a finite number`);
}
