/**
 * Where every number of the public record comes from. A figure enters the record only with
 * the page it was read on: title, publisher, publication date, address and a short verbatim
 * quote that contains the figure as the page writes it. Pages are graded: "filing" is an SEC
 * filing or the company's own release (Business Wire, GlobeNewswire, its investor site);
 * "secondary" is press, an aggregator or an analyst's summary of a filing or a call.
 *
 * Pure data types and small pure helpers; no dates are read from the clock.
 */
import { parseIso } from "../dates";

/** "filing": SEC filing or the issuer's own release; "secondary": press or aggregator copy. */
export type SourceGrade = "filing" | "secondary";

/** A public page a figure was read on. */
export interface PublicSource {
  /** The page's own title (or the release's headline). */
  readonly title: string;
  /** Who published the page, e.g. "Core Scientific via Business Wire". */
  readonly publisher: string;
  /** Publication date, ISO YYYY-MM-DD. */
  readonly date: string;
  /**
   * Present when the page shows no publication date of its own: says which date `date` is
   * (for example the date of the release or call the page reproduces).
   */
  readonly dateNote?: string;
  /** The page's https address. */
  readonly url: string;
  /** At most 200 characters copied verbatim from the page; contains the figure as written. */
  readonly quote: string;
  readonly grade: SourceGrade;
}

/** A page without the quote: one page usually supports several figures, each with its own quote. */
export type SourceDocument = Omit<PublicSource, "quote">;

/**
 * A value read on a public page. `asWritten` is the figure exactly as the quote writes it
 * (for "$31.3 million", "31.3"); the value is in the record's unit (USD, MW, decimal rate,
 * ISO date), so a number's value is its written number times a power of ten.
 */
export interface Sourced<T> {
  readonly value: T;
  readonly asWritten: string;
  readonly source: PublicSource;
  /** What the figure covers or how to read it, where the quote alone could mislead. */
  readonly note?: string;
}

/**
 * A number no page states, computed as the difference of two sourced numbers (for example a
 * tranche's MW as the cumulative total after it minus the total before it).
 */
export interface Derived {
  readonly value: number;
  /** In words, e.g. "382 MW contracted at 2024-08-07 minus 200 MW at 2024-06-05". */
  readonly derivation: string;
  readonly minuend: Sourced<number>;
  readonly subtrahend: Sourced<number>;
}

/** A record figure: read on a page, or derived from two that were. */
export type Figure = Sourced<number> | Derived;

/** Builds a sourced value from a page and the quote it was read in. */
export function sourced<T>(value: T, asWritten: string, doc: SourceDocument, quote: string, note?: string): Sourced<T> {
  const base = { value, asWritten, source: { ...doc, quote } };
  return note === undefined ? base : { ...base, note };
}

/** The difference of two sourced numbers, with the derivation in words. */
export function derive(minuend: Sourced<number>, subtrahend: Sourced<number>, derivation: string): Derived {
  return { value: minuend.value - subtrahend.value, derivation, minuend, subtrahend };
}

/** True for a derived figure, false for one read on a page. */
export function isDerived(f: Figure): f is Derived {
  return "derivation" in f;
}

/** The pages a figure rests on: its own, or both of a derived figure's. */
export function sourcesOf(f: Figure): readonly PublicSource[] {
  return isDerived(f) ? [f.minuend.source, f.subtrahend.source] : [f.source];
}

/**
 * The first number in a figure as written, without thousands separators; NaN when there is
 * none (a programmer's check on the data, never shown to a user).
 *
 * @example numberAsWritten("~$1,225.5 million") // 1225.5
 */
export function numberAsWritten(asWritten: string): number {
  const m = /\d[\d,]*(?:\.\d+)?|\.\d+/.exec(asWritten);
  return m ? Number(m[0].replace(/,/g, "")) : Number.NaN;
}

/**
 * True when `value` is the written number times a power of ten between 10^-3 and 10^9 (how a
 * "$31.3 million" becomes 31_300_000 USD or "26%" becomes 0.26), to 1e-9 relative.
 *
 * @example Number(scalesTo(31_300_000, "31.3")) // 1
 */
export function scalesTo(value: number, asWritten: string): boolean {
  const written = numberAsWritten(asWritten);
  if (!Number.isFinite(value) || !Number.isFinite(written)) return false;
  if (written === 0) return value === 0;
  for (let e = -3; e <= 9; e++) {
    const expected = written * 10 ** e;
    if (Math.abs(value - expected) <= 1e-9 * Math.abs(expected)) return true;
  }
  return false;
}

/** True for a valid calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && parseIso(s).ok;
}

/**
 * The latest of some ISO dates (they compare as text); "" for none.
 *
 * @example Number(latestIsoDate(["2026-03-02", "2026-05-07", "2025-10-24"]).slice(0, 4)) // 2026
 */
export function latestIsoDate(dates: readonly string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a), "");
}

/**
 * A record figure as a source a user can read and open: the page's publisher, title and date,
 * the quote, and its address in angle brackets (as sources.ts `cite` writes them). A derived
 * figure says how it was derived and cites both pages.
 *
 * @example citeFigure(sourced(120, "120", { title: "T", publisher: "P", date: "2024-10-22", url: "https://x.test/a", grade: "filing" }, "about 120 MW")).length // 54
 */
export function citeFigure(f: Figure | Sourced<unknown>): string {
  if ("derivation" in f) return `Derived: ${f.derivation}. ${citeFigure(f.minuend)}; ${citeFigure(f.subtrahend)}`;
  const s = f.source;
  const grade = s.grade === "secondary" ? ", secondary" : "";
  return `${s.publisher}, "${s.title}" (${s.date}${grade}): "${s.quote}" <${s.url}>`;
}
