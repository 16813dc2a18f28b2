/**
 * How an assumption reads in the form: its unit with how to type it, its default in the hint
 * (large numbers grouped, rates also as a percentage), and the value in the box. Money is shown
 * grouped (3,500,000,000) and read as the model reads it (readMoney: "3.5bn", "$725M",
 * "USD 1.2bn"). The pane holds values as formatValue's text (formFields.ts).
 */
import type { AssumptionSpec } from "../model/assumptions";
import { isMoney, readMoney } from "../model/scenarios";
import type { FieldView } from "./formFields";

/** The unit as the form shows it, with how to type it where that is not obvious. */
export function unitLabel(spec: AssumptionSpec): string {
  switch (spec.kind) {
    case "rate":
      return "rate: 0.05 or 5%";
    case "date":
      return "date: YYYY-MM-DD";
    default:
      return spec.unit;
  }
}

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** A number the pane holds as text (formatValue's "3500000000"), else undefined. */
function held(text: string): number | undefined {
  const v = Number(text);
  return text.trim() === "" || !Number.isFinite(v) ? undefined : v;
}

/** A default as the hint shows it: large numbers grouped (money as the box shows it), rates also as a percentage; years as they are. */
export function shownDefault(spec: AssumptionSpec, text: string): string {
  const v = held(text);
  if (spec.kind === "date" || spec.unit === "year" || v === undefined) return text;
  if (spec.kind === "rate") return `${text} (${grouped.format(v * 100)}%)`;
  return isMoney(spec) ? shownValue(spec, text) : grouped.format(v);
}

/** A value in force as the box shows it: money grouped (3,500,000,000, which reads back as typed), anything else as held. */
export function shownValue(spec: AssumptionSpec, text: string): string {
  // Commas put into the digits the pane holds, not a reformatted number: what is shown is exactly what is held.
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim());
  return isMoney(spec) && m ? `${m[1]}${m[2].replace(/\B(?=(\d{3})+$)/g, ",")}${m[3] ?? ""}` : text;
}

/** Whether typing stands for the value the pane holds: the same text, or for money the same amount ("3.5bn" for 3500000000). */
export function sameValue(spec: AssumptionSpec, typed: string, text: string): boolean {
  if (typed.trim() === text) return true;
  const v = held(text);
  return isMoney(spec) && v !== undefined && readMoney(typed)?.value === v;
}

/** What the box shows when nothing is being typed: refused typing, else the value in force. */
export function boxValue(field: FieldView): string {
  if (field.draft) return field.draft.raw;
  return inForce(field);
}

/** The value in force as the box shows it: on a read-only field, a value typed on the sheet wins. */
export function inForce(field: FieldView): string {
  return shownValue(field.spec, field.readOnly && field.sheet ? field.sheet.text : field.text);
}
