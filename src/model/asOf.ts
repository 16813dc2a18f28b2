/**
 * How current the model's data is: every default the model ships with its source and as-of
 * date, the data's as-of date (the latest of them) and the defaults that have gone stale.
 *
 * The defaults are the assumption registry's base values, the mining defaults, every peer
 * figure and published multiple, and the customer categories with their illustrative pipeline.
 * Reference tables that are history by design (hashprice levels, Core Scientific's own mining
 * scale) are not defaults and are left out.
 *
 * As-of dates are written "YYYY-MM-DD", "YYYY-MM" or "YYYY". A month stands for its FIRST day
 * and a year for 1 January: the earliest day the source can have said it, so the data is never
 * shown as fresher than it is (the data's as-of date is never later than a source's, and a
 * default is called stale no later than it really is).
 */
import { ASSUMPTIONS } from "./assumptions";
import { CATEGORIES, CATEGORIES_AS_OF, CATEGORIES_SOURCE, defaultPipeline } from "./customers/data";
import { CivilDate, addMonths, compareDates, daysFromCivil, parseIso, toExcelSerial, toIso } from "./dates";
import { MINING_DEFAULTS } from "./mining/data";
import { METRICS, PEERS } from "./peers/data";
import { Result, ok, valueError } from "./result";

/** One default the model ships, with where it lives, its source and when the source said it. */
export interface SourcedDefault {
  /** Where it lives: "assumptions.t1_mw", "mining.hashprice", "peers.coreweave.revenue", "customers.pipeline". */
  readonly where: string;
  readonly label: string;
  /** The default in its unit (dates as ISO text); text where the default is a table. */
  readonly value: number | string;
  /** "MW", "USD", "rate", "x", ...; "" when the value says it. */
  readonly unit: string;
  /** As written in the data: "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
  readonly asOf: string;
  readonly source: string;
}

const AS_OF_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * An as-of date as a calendar date: "YYYY-MM-DD" as written, "YYYY-MM" as the first of the
 * month, "YYYY" as 1 January. Anything else is a #VALUE! error.
 */
export function asOfDate(asOf: string): Result<CivilDate> {
  const m = AS_OF_RE.exec(asOf.trim());
  if (!m) return valueError(`an as-of date must be written YYYY-MM-DD, YYYY-MM or YYYY, got "${asOf}"`);
  return parseIso(`${m[1]}-${m[2] ?? "01"}-${m[3] ?? "01"}`);
}

/**
 * An as-of date as an Excel date serial (days since 1899-12-30), read as asOfDate reads it.
 *
 * @example asOfSerial("2024-11") // 45597 (2024-11-01: a month counts as its first day)
 * @example asOfSerial("2024-11-18") // 45614
 */
export function asOfSerial(asOf: string): Result<number> {
  const d = asOfDate(asOf);
  return d.ok ? ok(toExcelSerial(d.value)) : d;
}

const MINING_LABELS: Readonly<Record<string, string>> = {
  hashprice: "Mining: hashprice",
  efficiency: "Mining: fleet efficiency",
  powerPrice: "Mining: power price",
  uptime: "Mining: uptime",
};

const PUBLISHED_LABELS: Readonly<Record<string, string>> = {
  ev_revenue: "EV / Revenue (published multiple)",
  ev_ebitda: "EV / EBITDA (published multiple)",
};

function assumptionDefaults(): SourcedDefault[] {
  return ASSUMPTIONS.map((a) => ({ where: `assumptions.${a.key}`, label: a.label, value: a.base, unit: a.unit, asOf: a.asOf, source: a.source }));
}

function miningDefaults(): SourcedDefault[] {
  return Object.entries(MINING_DEFAULTS).map(([key, f]) => ({
    where: `mining.${key}`,
    label: MINING_LABELS[key] ?? `Mining: ${key}`,
    value: f.value,
    unit: f.unit,
    asOf: f.asOf,
    source: f.source,
  }));
}

function peerDefaults(): SourcedDefault[] {
  return PEERS.flatMap((p) => [
    ...METRICS.flatMap((m) => {
      const f = p.figures[m.key];
      return f ? [{ where: `peers.${p.id}.${m.key}`, label: `${p.name}: ${m.label}, ${f.period}`, value: f.value, unit: m.unit, asOf: f.asOf, source: f.source }] : [];
    }),
    ...Object.entries(p.published ?? {}).flatMap(([key, f]) =>
      f ? [{ where: `peers.${p.id}.${key}`, label: `${p.name}: ${PUBLISHED_LABELS[key] ?? key}, ${f.period}`, value: f.value, unit: "x", asOf: f.asOf, source: f.source }] : [],
    ),
  ]);
}

function customerDefaults(): SourcedDefault[] {
  const pipeline = defaultPipeline(0);
  const mw = pipeline.reduce((s, r) => s + r.mw, 0);
  return [
    {
      where: "customers.pipeline",
      label: "Customer categories and the illustrative HPC pipeline",
      value: `${CATEGORIES.length} categories; ${pipeline.length} illustrative prospects, ${mw} MW`,
      unit: "",
      asOf: CATEGORIES_AS_OF,
      source: CATEGORIES_SOURCE,
    },
  ];
}

/** Every default the model ships: assumptions, mining, peers, customers, in that order. */
export const SHIPPED_DEFAULTS: readonly SourcedDefault[] = [...assumptionDefaults(), ...miningDefaults(), ...peerDefaults(), ...customerDefaults()];

/**
 * The latest as-of date among `defaults`, as ISO "YYYY-MM-DD" (a month counts as its first
 * day). As-of dates that cannot be read are skipped (tests keep the shipped data readable);
 * a list with none readable is a programmer mistake and throws.
 *
 * @example asOfSerial(latestAsOf([{ where: "a", label: "A", value: 1, unit: "", asOf: "2024-11", source: "s" }, { where: "b", label: "B", value: 2, unit: "", asOf: "2024-06-03", source: "s" }])) // 45597 (2024-11-01)
 */
export function latestAsOf(defaults: readonly SourcedDefault[]): string {
  let latest: CivilDate | undefined;
  for (const d of defaults) {
    const r = asOfDate(d.asOf);
    if (r.ok && (latest === undefined || compareDates(r.value, latest) > 0)) latest = r.value;
  }
  if (latest === undefined) throw new Error("no default has a readable as-of date");
  return toIso(latest);
}

/**
 * The data's as-of date, ISO "YYYY-MM-DD": the latest as-of date of any default the model ships
 * (SHIPPED_DEFAULTS), a month counting as its first day. `CORZ.DATA_AS_OF()` returns it as an
 * Excel date (asOfSerial); the task pane shows it.
 */
export const DATA_AS_OF: string = latestAsOf(SHIPPED_DEFAULTS);

/**
 * The defaults whose as-of date is more than `months` calendar months before `today`
 * (today "YYYY-MM-DD", e.g. from the user's clock), oldest first; ties keep SHIPPED_DEFAULTS'
 * order. A default exactly `months` old is not stale; one whose as-of date cannot be read is,
 * since nothing shows it is current. A month-only as-of date counts as its first day.
 * `today` that is not a date, or `months` that is not a whole number from 0, is #VALUE!.
 */
export function staleDefaults(today: string, months = 12, defaults: readonly SourcedDefault[] = SHIPPED_DEFAULTS): Result<readonly SourcedDefault[]> {
  const t = parseIso(today);
  if (!t.ok) return valueError(`today: ${t.error.message}`);
  if (!Number.isInteger(months) || months < 0) return valueError(`months must be a whole number from 0, got ${months}`);
  const cutoff = addMonths(t.value, -months);
  const cutoffDays = daysFromCivil(cutoff.year, cutoff.month, cutoff.day);
  const age = (d: SourcedDefault): number => {
    const r = asOfDate(d.asOf);
    return r.ok ? daysFromCivil(r.value.year, r.value.month, r.value.day) : Number.NEGATIVE_INFINITY;
  };
  const stale = defaults.map((d) => ({ d, days: age(d) })).filter((x) => x.days < cutoffDays);
  return ok(stale.sort((a, b) => (a.days === b.days ? 0 : a.days < b.days ? -1 : 1)).map((x) => x.d));
}
