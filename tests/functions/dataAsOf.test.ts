/**
 * CORZ.DATA_AS_OF(): the data's as-of date (src/model/asOf.ts) as an Excel date serial, checked
 * against an independent conversion through UTC milliseconds (the date 2024-11-18 is serial
 * 45614 in Excel) and read back with the model's calendar.
 */
import { dataAsOfFn } from "../../src/functions/functions";
import { DATA_AS_OF, asOfSerial } from "../../src/model/asOf";
import { fromExcelSerial, toIso } from "../../src/model/dates";

const DAY_MS = 86_400_000;
/** Independent reference: ISO date -> Excel serial through UTC milliseconds (dates after 1900-03-01). */
const serialViaUtc = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY_MS;
};

test("the reference conversion agrees with Excel: 2024-11-18 is 45614", () => {
  expect(serialViaUtc("2024-11-18")).toBe(45614);
  const r = asOfSerial("2024-11-18");
  expect(r.ok && r.value).toBe(45614);
});

test("returns the serial of DATA_AS_OF, a whole number that reads back as DATA_AS_OF", () => {
  const v = dataAsOfFn();
  expect(v).toBe(serialViaUtc(DATA_AS_OF));
  expect(Number.isInteger(v)).toBe(true);
  const back = fromExcelSerial(v);
  expect(back.ok && toIso(back.value)).toBe(DATA_AS_OF);
});

test("is the same on every call (no clock)", () => {
  expect(new Set(Array.from({ length: 5 }, () => dataAsOfFn())).size).toBe(1);
});
