/**
 * How current the data is, at the top of the pane: the data's as-of date and a collapsed list
 * of the defaults older than 12 months, each with its value, as-of date and source. It lives in
 * a small chunk of its own (App.tsx loads it lazily), because the list of defaults reads the
 * mining model, which the pane's first chunk does not otherwise need. Today comes from the
 * user's clock unless a test passes one.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { DATA_AS_OF, SourcedDefault, staleDefaults } from "../../model/asOf";
import { sentence } from "../text";

/** How old a default may be before the pane lists it. */
export const STALE_MONTHS = 12;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-05-10" as "10 May 2026", "2024-11" as "Nov 2024", "2024" as "2024"; anything else as written. */
export function asOfText(asOf: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(asOf.trim());
  const month = m?.[2] === undefined ? undefined : MONTHS[Number(m[2]) - 1];
  if (!m || (m[2] !== undefined && month === undefined)) return asOf;
  if (month === undefined) return m[1];
  return m[3] === undefined ? `${month} ${m[1]}` : `${Number(m[3])} ${month} ${m[1]}`;
}

const compact = (x: number, digits = 4) => Number(x.toPrecision(digits)).toLocaleString("en-US", { maximumFractionDigits: 6 });

/** A default's value with its unit: "$3.5B", "77.5%", "6.8x", "198 MW", "2027", "2025-05-01". */
export function valueText(d: Pick<SourcedDefault, "value" | "unit">): string {
  const { value: v, unit } = d;
  if (typeof v === "string") return v;
  if (unit === "USD") {
    const a = Math.abs(v);
    return a >= 1e9 ? `$${compact(v / 1e9)}B` : a >= 1e6 ? `$${compact(v / 1e6)}M` : `$${compact(v, 6)}`;
  }
  if (unit === "rate") return `${compact(v * 100, 6)}%`;
  if (unit === "x") return `${compact(v, 6)}x`;
  if (unit === "year" || unit === "count") return String(v);
  return `${compact(v, 6)} ${unit}`.trim();
}

/** The user's calendar date today, "YYYY-MM-DD" (local, not UTC: staleness is in their days). */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column" },
  source: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground3 },
});

export function DataAsOf({ today = localToday() }: { readonly today?: string }) {
  const styles = useStyles();
  const stale = staleDefaults(today, STALE_MONTHS);
  const title = `Defaults older than ${STALE_MONTHS} months`;
  return (
    <>
      <Caption1>
        Data as of <time dateTime={DATA_AS_OF}>{asOfText(DATA_AS_OF)}</time>: the latest date of the sources behind the defaults.
      </Caption1>
      {!stale.ok ? (
        <Caption1>Could not tell which defaults are old: {sentence(stale.error.message)}</Caption1>
      ) : stale.value.length === 0 ? (
        <Caption1>No default is older than {STALE_MONTHS} months.</Caption1>
      ) : (
        <Accordion collapsible>
          <AccordionItem value="stale">
            <AccordionHeader size="small">
              {title} ({stale.value.length})
            </AccordionHeader>
            <AccordionPanel>
              <ul aria-label={title} className={styles.list}>
                {stale.value.map((d) => (
                  <li key={d.where} className={styles.item}>
                    <Body1Strong>{d.label}</Body1Strong>
                    <Caption1>
                      {valueText(d)} · as of {asOfText(d.asOf)} · <code>{d.where}</code>
                    </Caption1>
                    <Caption1 className={styles.source}>{d.source}</Caption1>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </>
  );
}
