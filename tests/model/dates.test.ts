import fc from "fast-check";
import {
  EXCEL_SERIAL_MAX,
  addMonths,
  civilFromDays,
  compareDates,
  daysFromCivil,
  daysInMonth,
  fromExcelSerial,
  isLeapYear,
  parseIso,
  toExcelSerial,
  toIso,
  yearFraction,
} from "../../src/model/dates";
import { unwrap } from "./helpers";

const civil = (iso: string) => unwrap(parseIso(iso));
const DAY_MS = 86_400_000;

/** An independent reference: Excel serial -> ISO date through UTC milliseconds. */
const isoViaUtc = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * DAY_MS).toISOString().slice(0, 10);

describe("Excel serials", () => {
  test("known serials", () => {
    expect(toExcelSerial(civil("2025-01-01"))).toBe(45658);
    expect(toIso(unwrap(fromExcelSerial(45658)))).toBe("2025-01-01");
    expect(toExcelSerial(civil("2008-01-01"))).toBe(39448); // Excel's XNPV documentation example
    expect(toExcelSerial(civil("9999-12-31"))).toBe(EXCEL_SERIAL_MAX);
    expect(toExcelSerial(civil("1970-01-01"))).toBe(25569);
  });

  test("the 60/61 boundary: 61 is 1900-03-01 and 60 (Excel's non-existent 1900-02-29) is refused", () => {
    expect(toIso(unwrap(fromExcelSerial(61)))).toBe("1900-03-01");
    expect(toExcelSerial(civil("1900-03-01"))).toBe(61);
    const r = fromExcelSerial(60);
    expect(r).toEqual({
      ok: false,
      error: { kind: "value", message: "a date serial must be between 61 (1900-03-01) and 2958465 (9999-12-31), got 60" },
    });
    // Before the phantom leap day Excel's serials are one lower than days since 1899-12-30.
    expect(toExcelSerial(civil("1900-02-28"))).toBe(59);
    expect(toExcelSerial(civil("1900-01-01"))).toBe(1);
  });

  test("a time of day is dropped, also on the last day Excel knows", () => {
    expect(toIso(unwrap(fromExcelSerial(45658.99)))).toBe("2025-01-01");
    expect(toIso(unwrap(fromExcelSerial(EXCEL_SERIAL_MAX + 0.5)))).toBe("9999-12-31");
    expect(fromExcelSerial(60.5).ok).toBe(false);
  });

  test.each([0, -1, 2958466, NaN, Infinity, -Infinity])("serial %p is a #VALUE! error, never a date", (s) => {
    const r = fromExcelSerial(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("value");
  });

  test("property: serial -> civil -> serial round-trips over Excel's whole range, and agrees with UTC dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: EXCEL_SERIAL_MAX }), (s) => {
        const d = unwrap(fromExcelSerial(s));
        expect(toExcelSerial(d)).toBe(s);
        expect(toIso(d)).toBe(isoViaUtc(s));
        expect(toIso(unwrap(parseIso(toIso(d))))).toBe(toIso(d));
      }),
      { numRuns: 2000 },
    );
  });

  test("property: days <-> civil round-trips, and consecutive days are consecutive dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 3_000_000 }), (n) => {
        const d = civilFromDays(n);
        expect(daysFromCivil(d.year, d.month, d.day)).toBe(n);
        expect(d.day).toBeGreaterThanOrEqual(1);
        expect(d.day).toBeLessThanOrEqual(daysInMonth(d.year, d.month));
        expect(compareDates(civilFromDays(n + 1), d)).toBe(1);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("ISO dates", () => {
  test("parses and pads", () => {
    expect(civil(" 2025-05-01 ")).toEqual({ year: 2025, month: 5, day: 1 });
    expect(toIso({ year: 987, month: 3, day: 4 })).toBe("0987-03-04");
  });

  test.each([
    ["2025-02-30", '"2025-02-30" is not a calendar date'],
    ["2023-02-29", '"2023-02-29" is not a calendar date'],
    ["2025-13-01", '"2025-13-01" is not a calendar date'],
    ["1 May 2025", 'date must be written YYYY-MM-DD, got "1 May 2025"'],
    ["2025-5-1", 'date must be written YYYY-MM-DD, got "2025-5-1"'],
  ])("%p is refused with a message", (s, message) => {
    expect(parseIso(s)).toEqual({ ok: false, error: { kind: "value", message } });
  });

  test("leap years", () => {
    expect([1900, 2000, 2024, 2025, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(civil("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe("addMonths", () => {
  test.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-03-31", 1, "2025-04-30"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2026-07-01", 9, "2027-04-01"],
    ["2027-03-31", 9, "2027-12-31"],
    ["2027-06-30", 9, "2028-03-30"],
    ["2025-11-15", 14, "2027-01-15"],
    ["2025-01-15", -13, "2023-12-15"],
    ["2025-05-01", 0, "2025-05-01"],
  ])("%s + %i months = %s", (from, months, to) => {
    expect(toIso(addMonths(civil(from), months))).toBe(to);
  });

  test("property: adding more months never gives an earlier date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 61, max: 2_900_000 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        (s, m1, extra) => {
          const d = unwrap(fromExcelSerial(s));
          expect(compareDates(addMonths(d, m1 + extra), addMonths(d, m1))).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("yearFraction", () => {
  test("hand-checked values", () => {
    expect(yearFraction(civil("2025-01-01"))).toBe(2025);
    expect(yearFraction(civil("2026-01-01"))).toBe(2026);
    expect(yearFraction(civil("2024-07-02"))).toBe(2024.5); // day 183 of 366
    expect(yearFraction(civil("2025-07-02"))).toBeCloseTo(2025 + 182 / 365, 12);
    expect(yearFraction(civil("2025-05-01"))).toBeCloseTo(2025 + 120 / 365, 12); // 31 + 28 + 31 + 30 days
    expect(yearFraction(civil("2024-12-31"))).toBeCloseTo(2024 + 365 / 366, 12);
  });

  test("property: strictly increasing with the date and within [year, year + 1)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: EXCEL_SERIAL_MAX - 1 }), (s) => {
        const d = unwrap(fromExcelSerial(s));
        const y = yearFraction(d);
        expect(y).toBeGreaterThanOrEqual(d.year);
        expect(y).toBeLessThan(d.year + 1);
        expect(yearFraction(unwrap(fromExcelSerial(s + 1)))).toBeGreaterThan(y);
      }),
      { numRuns: 1000 },
    );
  });
});

test("no function reads the machine's clock or time zone: the same answers under any TZ", () => {
  // This file also runs under TZ=Pacific/Chatham (UTC+12:45/+13:45); these would shift a day there.
  expect(toIso(unwrap(fromExcelSerial(46023)))).toBe("2026-01-01");
  expect(toExcelSerial(civil("2026-03-02"))).toBe(46083);
});
