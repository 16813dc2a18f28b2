import { andThen, fail, finite, isModelError, map, naError, numError, ok, valueError } from "../../src/model/result";

describe("errors are values", () => {
  test("constructors", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail("div0", "x")).toEqual({ ok: false, error: { kind: "div0", message: "x" } });
    expect(valueError("v")).toEqual({ ok: false, error: { kind: "value", message: "v" } });
    expect(naError("n")).toEqual({ ok: false, error: { kind: "na", message: "n" } });
    expect(numError("m")).toEqual({ ok: false, error: { kind: "num", message: "m" } });
  });

  test("map and andThen apply to values and pass errors through unchanged", () => {
    const e = numError<number>("bad");
    expect(map(ok(2), (x) => x * 3)).toEqual(ok(6));
    expect(map(e, (x) => x * 3)).toBe(e);
    expect(andThen(ok(2), (x) => (x > 1 ? ok(x + 1) : valueError("small")))).toEqual(ok(3));
    expect(andThen(ok(0), (x) => (x > 1 ? ok(x + 1) : valueError("small")))).toEqual(valueError("small"));
    expect(andThen(e, (x) => ok(x))).toBe(e);
  });

  test("finite turns NaN and Infinity into #NUM! with a message", () => {
    expect(finite(1.5, "x")).toEqual(ok(1.5));
    expect(finite(NaN, "the NPV")).toEqual(numError("the NPV is not a finite number"));
    expect(finite(-Infinity, "y").ok).toBe(false);
  });

  test("isModelError recognises error values only", () => {
    expect(isModelError({ kind: "num", message: "m" })).toBe(true);
    expect(isModelError(new Error("thrown"))).toBe(false);
    expect(isModelError(null)).toBe(false);
    expect(isModelError("num")).toBe(false);
    expect(isModelError({ kind: "num" })).toBe(false);
  });
});
