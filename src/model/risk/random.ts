/**
 * A seeded pseudo-random generator for the Monte Carlo model: the same seed always gives the
 * same stream, on every machine, so a risk run can be repeated exactly.
 *
 * Generator: xoshiro128** (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 2021; reference code at https://prng.di.unimi.it/xoshiro128starstar.c):
 * 128 bits of state in four 32-bit words, period 2^128 - 1, passes BigCrush. Written here from
 * the algorithm's description, with 32-bit integer arithmetic (`Math.imul`, `>>>`).
 *
 * Seeding: the seed (a whole number) goes through SplitMix64 (Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014; the seeder Vigna recommends), whose
 * first two 64-bit outputs fill the four state words, low half first. Nearby seeds therefore
 * give unrelated streams.
 */

/** Largest seed accepted: seeds are whole numbers from 0 to 2^32 - 1. */
export const MAX_SEED = 4294967295;

const TWO_POW_32 = 4294967296;
const MASK_64 = (BigInt(1) << BigInt(64)) - BigInt(1);

/**
 * The SplitMix64 sequence from `seed`: each call advances the state by the golden-ratio
 * increment and returns the mixed value, as an unsigned 64-bit BigInt.
 *
 * @example Number(splitMix64(1234567)() >> BigInt(32)) // 1503580183 (high half of 6457827717110365317, the first output of Vigna's splitmix64.c for seed 1234567)
 */
export function splitMix64(seed: number): () => bigint {
  let x = BigInt(seed) & MASK_64;
  return () => {
    x = (x + BigInt("0x9e3779b97f4a7c15")) & MASK_64;
    let z = x;
    z = ((z ^ (z >> BigInt(30))) * BigInt("0xbf58476d1ce4e5b9")) & MASK_64;
    z = ((z ^ (z >> BigInt(27))) * BigInt("0x94d049bb133111eb")) & MASK_64;
    return z ^ (z >> BigInt(31));
  };
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/**
 * xoshiro128**: the raw generator over four 32-bit state words (which must not all be zero).
 * `next()` returns an unsigned 32-bit integer.
 */
export class Xoshiro128StarStar {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) throw new Error("xoshiro128** state must not be all zero");
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  next(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }
}

/**
 * Draws from the usual distributions, all from one xoshiro128** stream. Not thread-safe and
 * not meant to be: one generator per run.
 */
export class Rng {
  private readonly gen: Xoshiro128StarStar;
  /** The second normal deviate of the last Box–Muller pair, if not yet used. */
  private spare: number | undefined;

  /** `seed` must be a whole number from 0 to MAX_SEED; callers validate user input first. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new Error(`seed must be a whole number from 0 to ${MAX_SEED}, got ${seed}`);
    const sm = splitMix64(seed);
    const a = sm();
    const b = sm();
    const lo = (x: bigint) => Number(x & BigInt(0xffffffff));
    const hi = (x: bigint) => Number(x >> BigInt(32));
    let words = [lo(a), hi(a), lo(b), hi(b)];
    if (words.every((w) => w === 0)) words = [1, 0, 0, 0]; // never seen in practice; the all-zero state is forbidden
    this.gen = new Xoshiro128StarStar(words[0], words[1], words[2], words[3]);
  }

  /** An unsigned 32-bit integer. */
  nextUint32(): number {
    return this.gen.next();
  }

  /**
   * Uniform on [0, 1), in steps of 2^-32.
   * @example new Rng(1).uniform() // 0.3946725 (seed 1: the first word, 1695105466, over 2^32)
   */
  uniform(): number {
    return this.gen.next() / TWO_POW_32;
  }

  /** Uniform on [min, max). */
  uniformBetween(min: number, max: number): number {
    return min + (max - min) * this.uniform();
  }

  /**
   * Standard normal deviate by the Box–Muller transform (Box and Muller, 1958): two uniforms
   * give two independent deviates; the second is kept for the next call. No rejection loop.
   */
  normal(): number {
    if (this.spare !== undefined) {
      const z = this.spare;
      this.spare = undefined;
      return z;
    }
    const u1 = 1 - this.uniform(); // (0, 1]: the logarithm stays finite
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /**
   * Triangular on [min, max] with the given mode, by inverting its distribution function:
   * `F(mode) = (mode - min) / (max - min)`; below it `min + sqrt(u (max - min)(mode - min))`,
   * above it `max - sqrt((1 - u)(max - min)(max - mode))`. Requires min <= mode <= max.
   */
  triangular(min: number, mode: number, max: number): number {
    const width = max - min;
    if (width <= 0) return min;
    const u = this.uniform();
    const f = (mode - min) / width;
    return u < f ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
  }

  /** True with probability p (p <= 0 is never, p >= 1 always; neither draws). */
  bernoulli(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.uniform() < p;
  }
}
