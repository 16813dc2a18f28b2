/**
 * The distributions a Monte Carlo run draws an uncertain number from: their shapes, their
 * checks, a sampler for each, and the range and centre of each.
 */
import { Result, ok, valueError } from "../result";
import { Rng } from "./random";

/** A distribution for one uncertain number. */
export type Distribution =
  | { readonly kind: "fixed"; readonly value: number }
  | { readonly kind: "uniform"; readonly min: number; readonly max: number }
  | { readonly kind: "triangular"; readonly min: number; readonly mode: number; readonly max: number }
  /** Normal, with draws below `floor` set to `floor` and above `cap` set to `cap` (censored, not redrawn). */
  | { readonly kind: "normal"; readonly mean: number; readonly sd: number; readonly floor?: number; readonly cap?: number };

/** A finite number. */
export const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
/** A number as a message shows it (nine decimals at most), anything else as JSON. */
export const fmt = (x: unknown) => (typeof x === "number" ? String(Math.round(x * 1e9) / 1e9) : JSON.stringify(x) ?? String(x));

/** Checks a probability-like decimal in [0, 1]. */
export function checkProbability(x: unknown, what: string): Result<number> {
  if (!isNum(x) || x < 0 || x > 1) return valueError(`${what} must be a decimal from 0 to 1 (0.05 is 5%), got ${fmt(x)}`);
  return ok(x);
}

/**
 * Checks a distribution: known kind, finite parameters in order, and a support inside
 * [lo, hi] (the bounds of the assumption it stands for). A normal's floor and cap default to
 * those bounds.
 */
export function checkDistribution(d: unknown, what: string, lo: number, hi: number): Result<Distribution> {
  const range = `${fmt(lo)} to ${fmt(hi)}`;
  if (typeof d !== "object" || d === null) return valueError(`${what} needs a distribution (fixed, uniform, triangular or normal)`);
  const x = d as Record<string, unknown>;
  const params = (...names: string[]): Result<number[]> => {
    for (const n of names) if (!isNum(x[n])) return valueError(`${what}: ${n} must be a finite number, got ${fmt(x[n])}`);
    return ok(names.map((n) => x[n] as number));
  };
  const inside = (v: number, name: string): Result<number> =>
    v >= lo && v <= hi ? ok(v) : valueError(`${what}: ${name} must be from ${range}, got ${fmt(v)}`);
  switch (x.kind) {
    case "fixed": {
      const p = params("value");
      if (!p.ok) return p;
      const v = inside(p.value[0], "value");
      return v.ok ? ok({ kind: "fixed", value: v.value }) : v;
    }
    case "uniform": {
      const p = params("min", "max");
      if (!p.ok) return p;
      const [min, max] = p.value;
      if (min > max) return valueError(`${what}: uniform needs min <= max, got min ${fmt(min)} and max ${fmt(max)}`);
      for (const [v, n] of [[min, "min"], [max, "max"]] as const) {
        const c = inside(v, n);
        if (!c.ok) return c;
      }
      return ok({ kind: "uniform", min, max });
    }
    case "triangular": {
      const p = params("min", "mode", "max");
      if (!p.ok) return p;
      const [min, mode, max] = p.value;
      if (!(min <= mode && mode <= max)) {
        return valueError(`${what}: triangular needs min <= mode <= max, got ${fmt(min)}, ${fmt(mode)}, ${fmt(max)}`);
      }
      for (const [v, n] of [[min, "min"], [max, "max"]] as const) {
        const c = inside(v, n);
        if (!c.ok) return c;
      }
      return ok({ kind: "triangular", min, mode, max });
    }
    case "normal": {
      const p = params("mean", "sd");
      if (!p.ok) return p;
      const [mean, sd] = p.value;
      if (sd < 0) return valueError(`${what}: the standard deviation must be 0 or more, got ${fmt(sd)}`);
      const floor = x.floor === undefined ? lo : x.floor;
      const cap = x.cap === undefined ? hi : x.cap;
      if (!isNum(floor) || !isNum(cap)) return valueError(`${what}: floor and cap must be finite numbers, got ${fmt(floor)} and ${fmt(cap)}`);
      if (floor > cap) return valueError(`${what}: the floor (${fmt(floor)}) is above the cap (${fmt(cap)})`);
      for (const [v, n] of [[mean, "mean"], [floor, "floor"], [cap, "cap"]] as const) {
        const c = inside(v, n);
        if (!c.ok) return c;
      }
      return ok({ kind: "normal", mean, sd, floor, cap });
    }
    default:
      return valueError(`${what}: unknown distribution ${fmt(x.kind)}; use fixed, uniform, triangular or normal`);
  }
}

/** A function drawing from a checked distribution (fixed ones draw nothing from the stream). */
export type Sampler = (rng: Rng) => number;

export function sampler(d: Distribution): Sampler {
  switch (d.kind) {
    case "fixed": {
      const v = d.value;
      return () => v;
    }
    case "uniform": {
      const { min, max } = d;
      return min === max ? () => min : (rng) => rng.uniformBetween(min, max);
    }
    case "triangular": {
      const { min, mode, max } = d;
      return min === max ? () => min : (rng) => rng.triangular(min, mode, max);
    }
    case "normal": {
      const { mean, sd } = d;
      const floor = d.floor ?? -Infinity;
      const cap = d.cap ?? Infinity;
      const clamp = (v: number) => (v < floor ? floor : v > cap ? cap : v);
      return sd === 0 ? () => clamp(mean) : (rng) => clamp(mean + sd * rng.normal());
    }
  }
}

/** The smallest and largest value a checked distribution can give. */
export function support(d: Distribution): { readonly min: number; readonly max: number } {
  switch (d.kind) {
    case "fixed":
      return { min: d.value, max: d.value };
    case "uniform":
    case "triangular":
      return { min: d.min, max: d.max };
    case "normal": {
      const floor = d.floor ?? -Infinity;
      const cap = d.cap ?? Infinity;
      if (d.sd === 0) {
        const v = Math.min(cap, Math.max(floor, d.mean));
        return { min: v, max: v };
      }
      return { min: floor, max: cap };
    }
  }
}

/** The value a deterministic model would use: the fixed value, mode, midpoint or mean. */
export function central(d: Distribution): number {
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
      return d.mode;
    case "normal":
      return Math.min(d.cap ?? Infinity, Math.max(d.floor ?? -Infinity, d.mean));
  }
}
