/**
 * Money as analysts type it: "3.5bn", "$725M", "1.2 billion", "USD 1.2bn", "3,500,000,000".
 * Only money assumptions (USD, USD/MW, USD/MWh) take a currency sign or a k/m/bn suffix; on MW,
 * rates, years and counts a suffix is refused with the reason. Unreadable money lists the forms.
 */
import fc from "fast-check";
import { ASSUMPTIONS, AssumptionSpec, assumptionSpec } from "../../src/model/assumptions";
import { isMoney, validateAssumption } from "../../src/model/scenarios";

const spec = (key: string): AssumptionSpec => {
  const s = assumptionSpec(key);
  if (!s) throw new Error(`no assumption ${key}`);
  return s;
};
/** Tranche 1's contract value: USD from 0 to 1e12. */
const value = spec("t1_value");
const accepted = (s: AssumptionSpec, raw: unknown): number => {
  const r = validateAssumption(s, raw);
  if (!r.ok) throw new Error(`refused ${String(raw)}: ${r.error.message}`);
  return r.value;
};
const refusal = (s: AssumptionSpec, raw: unknown): string => {
  const r = validateAssumption(s, raw);
  if (r.ok) throw new Error(`accepted ${String(raw)} as ${r.value}`);
  return r.error.message;
};

describe("money typed as analysts write it", () => {
  test.each([
    ["3.5bn", 3_500_000_000],
    ["350m", 350_000_000],
    ["$1.2B", 1_200_000_000],
    ["$725M", 725_000_000],
    ["1.2 billion", 1_200_000_000],
    ["725 million", 725_000_000],
    ["3,500,000,000", 3_500_000_000],
    ["USD 1.2bn", 1_200_000_000],
    ["usd1.2BN", 1_200_000_000],
    ["1.2bn USD", 1_200_000_000],
    ["US$ 8.7 Billion", 8_700_000_000],
    ["350k", 350_000],
    ["350 Thousand", 350_000],
    ["1.225mn", 1_225_000],
    ["2.5mm", 2_500_000],
    ["0.5tn", 500_000_000_000],
    [".5bn", 500_000_000],
    ["3,500m", 3_500_000_000],
    ["  $ 3.5 bn  ", 3_500_000_000],
    ["3500000000", 3_500_000_000],
    ["3.5e9", 3_500_000_000],
    [3_500_000_000, 3_500_000_000],
  ])("%p is %p USD", (typed, usd) => {
    expect(accepted(value, typed)).toBe(usd);
  });

  test("decimals are shifted, not multiplied: 1.001m is exactly 1,001,000 (1.001 * 1e6 is not)", () => {
    expect(1.001 * 1e6).not.toBe(1_001_000);
    expect(accepted(value, "1.001m")).toBe(1_001_000);
    expect(accepted(value, "1.003M")).toBe(1_003_000);
  });

  test("every money assumption takes the forms; the other units are not money", () => {
    const money = ASSUMPTIONS.filter(isMoney);
    expect(new Set(money.map((s) => s.unit))).toEqual(new Set(["USD", "USD/MW", "USD/MWh"]));
    for (const s of ASSUMPTIONS.filter((x) => !isMoney(x))) expect(s.unit.startsWith("USD")).toBe(false);
    expect(accepted(spec("core_capex_per_mw"), "$1.5m")).toBe(1_500_000);
    expect(accepted(spec("power_price"), "$45")).toBe(45);
  });

  test("out of bounds is refused with the bounds grouped", () => {
    expect(refusal(value, "-5m")).toBe('t1_value must be an amount in USD from 0 to 1,000,000,000,000, got "-5m"');
    expect(refusal(value, "2tn")).toBe('t1_value must be an amount in USD from 0 to 1,000,000,000,000, got "2tn"');
  });

  test.each(["3.5 bananas", "1.2.3bn", "bn", "$", "3,5bn", "1,00bn", "3.5bnbn", "$$3.5bn", "3.5 b n", "1e3bn", "5%", "", "--5m", "1e400"])(
    "%p is refused with the forms money may be typed in",
    (typed) => {
      const message = refusal(value, typed);
      expect(message).toContain(`got "${typed}"`);
      for (const form of ["3,500,000,000", "3.5bn", "$3.5B", "350m", "725 million", "USD 1.2bn", "k, m, bn: thousand, million, billion"]) expect(message).toContain(form);
    },
  );
});

describe("a suffix or currency sign on anything but money is refused with the reason", () => {
  test("350m on a MW field: MW are plain numbers", () => {
    expect(refusal(spec("t1_mw"), "350m")).toBe('t1_mw must be a number of MW from 0 to 5000, got "350m"; MW are plain numbers; m, bn and $ are only for amounts of money');
    expect(refusal(spec("t1_mw"), "$350")).toMatch(/MW are plain numbers; m, bn and \$ are only for amounts of money$/);
  });

  test("on rates, years, counts and ratios", () => {
    expect(refusal(spec("escalator"), "2m")).toMatch(/^escalator must be a rate .*, got "2m"; m, bn and \$ are only for amounts of money$/);
    expect(refusal(spec("term_years"), "12m")).toMatch(/; years are plain whole numbers; m, bn and \$ are only for amounts of money$/);
    expect(refusal(spec("pue"), "1.3k")).toMatch(/; a ratio is a plain number such as 1\.3; m, bn and \$ are only for amounts of money$/);
    const year = ASSUMPTIONS.find((s) => s.unit === "year");
    if (year) expect(refusal(year, "2k")).toMatch(/; a year is a plain number such as 2027; /);
  });

  test("percent handling for rates and plain numbers elsewhere are as before", () => {
    expect(accepted(spec("escalator"), "5%")).toBeCloseTo(0.05, 15);
    expect(accepted(spec("escalator"), "0.05")).toBe(0.05);
    expect(accepted(spec("t1_mw"), "1,000")).toBe(1000);
    expect(refusal(spec("t1_mw"), "lots")).toBe('t1_mw must be a number of MW from 0 to 5000, got "lots"');
  });
});

describe("properties", () => {
  /** Whole dollars up to the contract value's bound, and cents below a million. */
  const usd = fc.oneof(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e8 }).map((c) => c / 100));
  const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

  test("a grouped amount (3,500,000,000) or a plain one reads back exactly", () => {
    fc.assert(
      fc.property(usd, (v) => {
        expect(accepted(value, grouped.format(v))).toBe(v);
        expect(accepted(value, String(v))).toBe(v);
      }),
    );
  });

  test('"$X.XXbn" and "X.XXXm" read back within their rounding', () => {
    fc.assert(
      fc.property(usd, fc.boolean(), (v, upper) => {
        const bn = `$${(v / 1e9).toFixed(2)}${upper ? "BN" : "bn"}`;
        const m = `${(v / 1e6).toFixed(3)}${upper ? "M" : "m"}`;
        expect(Math.abs(accepted(value, bn) - v)).toBeLessThanOrEqual(0.005e9 * (1 + 1e-12));
        expect(Math.abs(accepted(value, m) - v)).toBeLessThanOrEqual(500 * (1 + 1e-9));
      }),
    );
  });

  test("any text, on any numeric assumption: a finite number or a refusal with a reason; never NaN, never a throw", () => {
    const numeric = ASSUMPTIONS.filter((s) => s.kind !== "date");
    const moneyish = fc
      .array(fc.constantFrom(..."0123456789.,$ -+ekmbnKMBNUSDusdthousandmillionbillion%"), { maxLength: 14 })
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.constantFrom(...numeric), fc.oneof(fc.string(), moneyish), (s, typed) => {
        const r = validateAssumption(s, typed);
        if (r.ok) {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(Number(s.min));
          expect(r.value).toBeLessThanOrEqual(Number(s.max));
        } else {
          expect(r.error.message).toMatch(new RegExp(`^${s.key} must be .+, got `));
        }
      }),
    );
  });

  test("suffixes are read in any case; on MW the same text is refused", () => {
    const words = fc.constantFrom("k", "thousand", "m", "mn", "million", "bn", "billion");
    const scale: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), words, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.boolean(), (n, w, caps, space) => {
        const cased = [...w].map((c, i) => (caps[i] ? c.toUpperCase() : c)).join("");
        const typed = `${n}${space ? " " : ""}${cased}`;
        expect(accepted(value, typed)).toBe(n * scale[w]);
        expect(refusal(spec("t1_mw"), typed)).toMatch(/MW are plain numbers/);
      }),
    );
  });
});
