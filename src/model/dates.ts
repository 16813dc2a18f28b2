/**
 * Calendar arithmetic without `Date`: results never depend on the machine's time zone.
 * Dates are ISO strings "YYYY-MM-DD" in the data; Excel hands them to functions as serial
 * numbers (days since 1899-12-30, the 1900 leap-year bug included), which we accept too.
 */
import { Result, ok, valueError } from "./result";

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

/** Excel's date range: serial 1 (1900-01-01) to 2958465 (9999-12-31). */
export const EXCEL_SERIAL_MAX = 2958465;
const SERIAL_EPOCH_DAYS = daysFromCivil(1899, 12, 30); // serial 0 for serials >= 61

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Days in month `m` (1..12) of year `y`.
 * @example daysInMonth(2024, 2) // 29 days
 */
export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Days from 1970-01-01 to the given civil date (proleptic Gregorian). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date `days` days after 1970-01-01. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function toIso(d: CivilDate): string {
  const p = (n: number, w: number) => String(n).padStart(w, "0");
  return `${p(d.year, 4)}-${p(d.month, 2)}-${p(d.day, 2)}`;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD"; rejects impossible dates such as 2025-02-30. */
export function parseIso(s: string): Result<CivilDate> {
  const m = ISO_RE.exec(s.trim());
  if (!m) return valueError(`date must be written YYYY-MM-DD, got "${s}"`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return valueError(`"${s}" is not a calendar date`);
  }
  return ok({ year, month, day });
}

/** An Excel date serial (whole days; a time of day is dropped) as a civil date. */
export function fromExcelSerial(serial: number): Result<CivilDate> {
  // The time of day is dropped before the range check, so 9999-12-31 12:00 (2958465.5) is accepted.
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 61 || day > EXCEL_SERIAL_MAX) {
    return valueError(`a date serial must be between 61 (1900-03-01) and ${EXCEL_SERIAL_MAX} (9999-12-31), got ${serial}`);
  }
  return ok(civilFromDays(SERIAL_EPOCH_DAYS + day));
}

/**
 * The Excel date serial of a civil date. From 1900-03-01 on this is days since 1899-12-30;
 * 1900-01-01 to 1900-02-28 are serials 1 to 59 as in Excel (serial 60 is Excel's
 * non-existent 1900-02-29). Dates before 1900 have no Excel serial and give 0 or less.
 *
 * @example toExcelSerial({ year: 2025, month: 1, day: 1 }) // 45658
 */
export function toExcelSerial(d: CivilDate): number {
  const n = daysFromCivil(d.year, d.month, d.day) - SERIAL_EPOCH_DAYS;
  return n < 61 ? n - 1 : n;
}

/**
 * The date as a decimal calendar year: `year + (days since 1 January) / (days in the year)`.
 * 2025-01-01 is 2025.0, 2025-07-02 is 2025 + 182/365 (about 2025.4986) and 2026-01-01 is
 * 2026.0. The model's time axis is in these units.
 *
 * @example yearFraction({ year: 2024, month: 7, day: 2 }) // 2024.5 (day 183 of a 366-day year)
 */
export function yearFraction(d: CivilDate): number {
  const start = daysFromCivil(d.year, 1, 1);
  const len = isLeapYear(d.year) ? 366 : 365;
  return d.year + (daysFromCivil(d.year, d.month, d.day) - start) / len;
}

/** Adds whole months; the day is clamped to the end of the target month (Jan 31 + 1 = Feb 28/29). */
export function addMonths(d: CivilDate, months: number): CivilDate {
  const total = d.year * 12 + (d.month - 1) + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return daysFromCivil(a.year, a.month, a.day) - daysFromCivil(b.year, b.month, b.day);
}
