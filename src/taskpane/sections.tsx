/**
 * The pane's big sections (Sheets, Scenarios, Assumptions, Peers, Risk, Functions) fold away
 * under their headings, so the pane is a few screens tall instead of fourteen; a short list of
 * contents at the top opens a section, scrolls to it and puts the focus on its heading. Sheets
 * and Scenarios start open, the rest closed; the pane remembers what the user opened for as long
 * as it is open. A folded section stays rendered (hidden), so what was typed in it is kept.
 */
import { Link, createFocusOutlineStyle, makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { ReactNode, createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from "react";

export type SectionId = "sheets" | "scenarios" | "assumptions" | "peers" | "risk" | "functions";

/** The sections in the pane's order, with the titles the contents list shows. */
export const SECTIONS: readonly { readonly id: SectionId; readonly title: string }[] = [
  { id: "sheets", title: "Sheets" },
  { id: "scenarios", title: "Scenarios" },
  { id: "assumptions", title: "Assumptions" },
  { id: "peers", title: "Peers" },
  { id: "risk", title: "Risk (Monte Carlo)" },
  { id: "functions", title: "Functions" },
];

/** Open when the pane starts: what a first build needs. */
export const OPEN_AT_START: readonly SectionId[] = ["sheets", "scenarios"];

export interface SectionsApi {
  isOpen(id: SectionId): boolean;
  toggle(id: SectionId): void;
  /** Opens a section; with `focus`, also scrolls to it and focuses its heading. */
  open(id: SectionId, opts?: { focus?: boolean }): void;
  /** The section whose heading should take the focus once it is shown. */
  readonly focusRequest?: { readonly id: SectionId; readonly seq: number };
  focusDone(): void;
}

const SectionsContext = createContext<SectionsApi | undefined>(undefined);

export const SectionsProvider = SectionsContext.Provider;

/** The sections' open state; `wanted` (e.g. the Assumptions while "Go to field" is pending) is opened at once, in the same render. */
export function useSectionsState(wanted?: SectionId): SectionsApi {
  const [openIds, setOpenIds] = useState<readonly SectionId[]>(OPEN_AT_START);
  const [focusRequest, setFocusRequest] = useState<SectionsApi["focusRequest"]>();
  if (wanted && !openIds.includes(wanted)) setOpenIds([...openIds, wanted]);
  const open = useCallback((id: SectionId, opts: { focus?: boolean } = {}) => {
    setOpenIds((ids) => (ids.includes(id) ? ids : [...ids, id]));
    if (opts.focus) setFocusRequest((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
  }, []);
  const toggle = useCallback((id: SectionId) => setOpenIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])), []);
  const focusDone = useCallback(() => setFocusRequest(undefined), []);
  return useMemo(() => ({ isOpen: (id: SectionId) => openIds.includes(id), toggle, open, focusRequest, focusDone }), [openIds, toggle, open, focusRequest, focusDone]);
}

/** The sections' state, or undefined for a panel rendered on its own (always open). */
export function useSections(): SectionsApi | undefined {
  return useContext(SectionsContext);
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, scrollMarginTop: tokens.spacingVerticalS },
  headingRow: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  heading: { margin: 0, ...typographyStyles.subtitle2 },
  toggle: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    width: "100%",
    padding: `${tokens.spacingVerticalXXS} 0`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    background: "none",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    textAlign: "start",
    cursor: "pointer",
    ":hover": { color: tokens.colorBrandForeground1 },
    ...createFocusOutlineStyle(),
  },
  chevron: { flexShrink: 0, transitionProperty: "transform", transitionDuration: tokens.durationFaster },
  chevronOpen: { transform: "rotate(90deg)" },
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  contents: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: "none" },
});

export interface PaneSectionProps {
  readonly id: SectionId;
  /** The heading; the contents list's title when not given. */
  readonly heading?: ReactNode;
  /** Shown beside the heading while the section is open (e.g. "New scenario"). */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}

/** A section whose heading folds and unfolds it (a disclosure button inside the h2). */
export function PaneSection({ id, heading, actions, children }: PaneSectionProps) {
  const styles = useStyles();
  const sections = useSections();
  const [alone, setAlone] = useState(true);
  const open = sections ? sections.isOpen(id) : alone;
  const headingId = useId();
  const bodyId = useId();
  const section = useRef<HTMLElement>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const seq = sections?.focusRequest?.id === id ? sections.focusRequest.seq : undefined;
  useEffect(() => {
    if (seq === undefined) return;
    section.current?.scrollIntoView?.({ block: "start" });
    toggleButton.current?.focus();
    sections?.focusDone();
  }, [seq, sections]);
  const title = heading ?? SECTIONS.find((s) => s.id === id)?.title;
  return (
    <section ref={section} id={`section-${id}`} aria-labelledby={headingId} className={styles.section}>
      <div className={styles.headingRow}>
        <h2 id={headingId} className={styles.heading}>
          <button
            ref={toggleButton}
            type="button"
            className={styles.toggle}
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => (sections ? sections.toggle(id) : setAlone(!alone))}
          >
            <Chevron className={mergeClasses(styles.chevron, open && styles.chevronOpen)} />
            <span>{title}</span>
          </button>
        </h2>
        {open && actions}
      </div>
      <div id={bodyId} hidden={!open} className={open ? styles.body : undefined}>
        {children}
      </div>
    </section>
  );
}

function Chevron({ className }: { readonly className: string }) {
  return (
    <svg className={className} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M4 2.5 7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The contents list at the top of the pane: each entry opens its section, scrolls to it and focuses its heading. */
export function Contents() {
  const styles = useStyles();
  const sections = useSections();
  if (!sections) return null;
  return (
    <nav aria-label="Contents">
      <ul className={styles.contents}>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <Link as="button" onClick={() => sections.open(s.id, { focus: true })}>
              {s.title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
