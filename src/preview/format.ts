/**
 * Shows a cell's value the way its number format asks, for the preview grid: the formats the
 * plan uses (sections for positive;negative;zero, quoted text, $, %, thousands separators,
 * scaling by trailing commas, decimals, scientific 0.00E+00, yyyy-mm-dd dates, @ for text). A format it cannot read
 * falls back to General.
 */
import { fromExcelSerial } from "../model/dates";
import { Scalar, XlError, toText } from "./formula";

function date(serial: number, pattern: string): string {
  const d = fromExcelSerial(serial);
  if (!d.ok) return general(serial);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return pattern
    .replace(/yyyy/i, String(d.value.year))
    .replace(/mm/i, pad(d.value.month))
    .replace(/dd/i, pad(d.value.day));
}

/** Scientific notation as Excel writes it: "0.00E+00" shows 1234.5 as 1.23E+03. */
function scientific(x: number, section: string): string | undefined {
  const m = /^([^E]*?)(0(?:\.0+)?)E([+-])(0+)(.*)$/i.exec(section);
  if (!m) return undefined;
  const decimals = /\.(0+)/.exec(m[2])?.[1].length ?? 0;
  const [mantissa, exp] = Math.abs(x).toExponential(decimals).split("e");
  const e = Number(exp);
  const sign = e < 0 ? "-" : m[3] === "+" ? "+" : "";
  return `${m[1]}${mantissa}E${sign}${String(Math.abs(e)).padStart(m[4].length, "0")}${m[5]}`;
}

function numberSection(x: number, section: string): string {
  const sci = scientific(x, section);
  if (sci !== undefined) return sci;
  // Literal text: "quoted", \c, and the characters Excel shows as they are.
  const literals: string[] = [];
  const body = section.replace(/"([^"]*)"|\\(.)/g, (_, q: string | undefined, c: string | undefined) => {
    literals.push(q ?? c ?? "");
    return `\u0000${literals.length - 1}\u0000`;
  });
  const m = /[#0,]*[0#](?:\.[0#]+)?,*/.exec(body);
  if (!m) return body.replace(/\u0000(\d+)\u0000/g, (_, i) => literals[Number(i)]);
  const digits = m[0];
  const scale = /,+$/.exec(digits)?.[0].length ?? 0;
  const decimals = /\.([0#]+)/.exec(digits)?.[1].length ?? 0;
  const grouped = /[0#],[0#]/.test(digits);
  let v = Math.abs(x) / Math.pow(1000, scale);
  if (body.includes("%")) v *= 100;
  const shown = v.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouped });
  const out = body.slice(0, m.index) + shown + body.slice(m.index + digits.length);
  return out.replace(/\u0000(\d+)\u0000/g, (_, i) => literals[Number(i)]);
}

/** The text a cell shows for `value` under `numberFormat` (Excel's General when absent). */
export function formatValue(value: Scalar, numberFormat?: string): string {
  if (value === null) return "";
  if (value instanceof XlError) return value.code;
  if (typeof value !== "number" || !numberFormat || numberFormat === "General" || numberFormat === "@") {
    return typeof value === "number" ? general(value) : toText(value);
  }
  if (/y{2,4}|d{1,2}/i.test(numberFormat.replace(/"[^"]*"/g, ""))) return date(value, numberFormat);
  const sections = numberFormat.split(";");
  if (value < 0 && sections.length > 1) return numberSection(value, sections[1]);
  if (value === 0 && sections.length > 2) return numberSection(value, sections[2]);
  const shown = numberSection(value, sections[0]);
  return value < 0 ? `-${shown}` : shown;
}

/** General: up to 11 significant digits, as a narrow Excel column shows them. */
function general(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e11) return String(x);
  return String(Number(x.toPrecision(11)));
}
