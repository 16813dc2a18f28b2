/**
 * A deal library: leases (and one GPU service contract) under which a former bitcoin miner or
 * another host provides HPC / AI data-centre capacity to a tenant, read on public pages. It
 * puts Core Scientific's CoreWeave contracts beside their peers. Every figure is `Sourced`: a
 * verbatim quote of at most 200 characters that contains the figure as written, on a dated,
 * graded page. What no page gives is absent (undefined), never estimated; `LEASE_GAPS` lists
 * what was searched for and not confirmed.
 *
 * Units: money in USD over the firm (base) term, capacity in MW, term in years, rates as
 * decimals, dates ISO. Renewal options are never in the value. Pure data; no network.
 */
import { CUMULATIVE_STATEMENTS } from "../record/contracts";
import { APPLIED_DIGITAL_PF2, OPTION_3_8K, Q2_2025_RESULTS } from "../record/pages";
import { SourceDocument, Sourced, sourced } from "../record/source";

// ---- Types ---------------------------------------------------------------------------------------

/** What the MW figure measures: power for the IT equipment, power at the site, or not said. */
export type MwBasis = "critical IT" | "gross" | "unstated";

/**
 * "lease": the tenant rents powered, cooled space (whatever the page calls it: lease, colocation
 * agreement, hosting commitment); "colocation licence": Core Scientific's licence to use its
 * sites; "GPU service": the host sells compute on its own GPUs, so the value pays for the chips too.
 */
export type LeaseKind = "lease" | "colocation licence" | "GPU service";

/** Who stands behind the tenant's payments. */
export interface CreditSupport {
  /** The party that guarantees (backstops) the tenant's obligations. */
  readonly backstopParty?: string;
  /** The amount backstopped, USD, where a page gives it. */
  readonly backstopUsd?: Sourced<number>;
  /** The backstop party's credit rating, where a deal page gives it. */
  readonly backstopRating?: Sourced<string>;
  /** The tenant's credit as a page describes it (e.g. "investment grade"). */
  readonly tenantRating?: Sourced<string>;
  readonly note?: string;
}

export interface Lease {
  readonly id: string;
  readonly host: string;
  readonly site: string;
  readonly tenant: string;
  /** Who uses the capacity when the tenant is an intermediary, where a page says. */
  readonly endUser?: Sourced<string>;
  readonly creditSupport?: CreditSupport;
  readonly mw: Sourced<number>;
  readonly mwBasis: MwBasis;
  /**
   * Critical IT MW per gross MW at the site, only where a page gives both (never an assumed
   * PUE); lets a gross-only figure be put on the critical-IT basis.
   */
  readonly itShareOfGross?: { readonly itMw: Sourced<number>; readonly grossMw: Sourced<number> };
  /** Contract value over the firm term, USD (renewal options excluded). */
  readonly contractValueUsd: Sourced<number>;
  /** "lower-bound" where the page says "more than" / "over". */
  readonly valueBound: "approximate" | "lower-bound";
  readonly termYears: Sourced<number>;
  /** ISO date of the announcement: the date of one of the deal's pages (see `announcedNote`). */
  readonly announced: string;
  readonly announcedNote?: string;
  /** When service or rent starts, as written (ISO year-month or year-quarter in `value`). */
  readonly start?: Sourced<string>;
  /** Share of the contract value paid in advance (decimal). */
  readonly prepaymentRate?: Sourced<number>;
  /** Who pays for the build-out ("host", "tenant", or a short phrase), where a page says. */
  readonly capexFundedBy?: Sourced<string>;
  /** Lease structure where a page gives it ("triple-net", "modified gross"). */
  readonly structure?: Sourced<string>;
  readonly kind: LeaseKind;
  /** False for a deal that must not enter the statistics; then `notComparableReason` says why. */
  readonly comparable: boolean;
  readonly notComparableReason?: string;
  /** Sourced terms that qualify a comparison (escalators, a tenant's right to shorten the term). */
  readonly caveats?: readonly Sourced<string>[];
  /** Anything a reader must know to compare the deal (caveats, options, what the value covers). */
  readonly note?: string;
}

/** A figure searched for on public pages and not confirmed, and what was found instead. */
export interface LeaseGap {
  readonly dealId: string;
  readonly what: string;
  readonly searched: string;
}

// ---- Pages ---------------------------------------------------------------------------------------

const APLD_PF1_RFS: SourceDocument = {
  title: "Applied Digital Achieves Ready for Service for Phase 1 at Polaris Forge 1 Building 1 for CoreWeave",
  publisher: "Applied Digital via GlobeNewswire",
  date: "2025-10-27",
  url: "https://www.globenewswire.com/news-release/2025/10/27/3174518/0/en/Applied-Digital-Achieves-Ready-for-Service-for-Phase-1-at-Polaris-Forge-1-Building-1-for-CoreWeave.html",
  grade: "filing",
};

const APLD_PF1_150MW: SourceDocument = {
  title: "Applied Digital Finalizes Additional 150MW Lease with CoreWeave in North Dakota",
  publisher: "FinanzNachrichten (copy of the GlobeNewswire release)",
  date: "2025-08-29",
  url: "https://www.finanznachrichten.de/nachrichten-2025-08/66307881-applied-digital-corporation-applied-digital-finalizes-additional-150mw-lease-with-coreweave-in-north-dakota-399.htm",
  grade: "secondary",
};

const APLD_DF1_8K_SUMMARY: SourceDocument = {
  title: "Applied Digital signs $7.5B hyperscaler lease at Delta Forge 1, total contracted revenue >$23B",
  publisher: "secwatch.observer (machine summary of the Form 8-K)",
  date: "2026-04-23",
  dateNote: "the 8-K filing date the summary gives",
  url: "https://secwatch.observer/filing/0001144879-26-000036.md",
  grade: "secondary",
};

const APLD_DF1_GROUNDBREAKING: SourceDocument = {
  title: "Applied Digital Breaks Ground on Delta Forge 1, a 430 MW AI Factory Campus in a Southern U.S. State",
  publisher: "Applied Digital via GlobeNewswire",
  date: "2026-01-22",
  url: "https://www.globenewswire.com/news-release/2026/01/22/3223695/0/en/Applied-Digital-Breaks-Ground-on-Delta-Forge-1-a-430-MW-AI-Factory-Campus-in-a-Southern-U-S-State.html",
  grade: "filing",
};

const APLD_DF2_8K_SUMMARY: SourceDocument = {
  title: "Applied Digital signs 210 MW lease at Delta Forge 2; total contracted revenue reaches $36B",
  publisher: "secwatch.observer (machine summary of the Form 8-K)",
  date: "2026-06-09",
  dateNote: "the 8-K filing date the summary gives",
  url: "https://secwatch.observer/filing/0001493152-26-027984.md",
  grade: "secondary",
};

const APLD_PF3_PRESS: SourceDocument = {
  title: "Applied Digital Secures Major Hyperscaler Lease, Stocks Rally",
  publisher: "Let's Data Science (citing InsiderMonkey)",
  date: "2026-05-21",
  dateNote: "page undated; 2026-05-21 is the trading day it reports after the announcement",
  url: "https://letsdatascience.com/news/applied-digital-secures-major-hyperscaler-lease-stocks-rally-274bc829",
  grade: "secondary",
};

const APLD_PF3_TERM: SourceDocument = {
  title: "Applied Digital Secures $7.5 Billion Hyperscaler Lease for AI Expansion",
  publisher: "Industrial Briefs",
  date: "2026-05-21",
  dateNote: "page undated; 2026-05-21 is the date other pages give for the announcement",
  url: "https://www.industrialbriefs.com/applied-digital-secures-75-billion-hyperscaler-lease-for-ai-expansion/",
  grade: "secondary",
};

const GALAXY_FINANCING: SourceDocument = {
  title: "Galaxy Secures $1.4B to Expand Helios Data Center for AI and HPC",
  publisher: "CoinDesk (mirror copy)",
  date: "2025-08-15",
  url: "https://cryptonewz.pages.dev/crypto-news-coindesk.com/ja/business/2025/08/15/galaxy-secures-usd1-4b-to-expand-helios-data-center-for-ai-and-hpc",
  grade: "secondary",
};

const GALAXY_TOTAL: SourceDocument = {
  title: "15-year CoreWeave deal expected to generate $1B annually",
  publisher: "BitXJournal",
  date: "2025-08-15",
  dateNote: "page undated; it reports the financing Galaxy announced on Friday 2025-08-15",
  url: "https://bitxjournal.com/?p=17632",
  grade: "secondary",
};

const TERAWULF_CB5: SourceDocument = {
  title: "Google ups stake in Bitcoin miner TeraWulf to 14%, WULF jumps 13%",
  publisher: "Z9 News",
  date: "2025-08-18",
  dateNote: "page undated; TeraWulf's own post of the CB-5 expansion is dated 2025-08-18",
  url: "https://z9news.com/google-ups-stake-in-bitcoin-miner-terawulf-to-14-wulf-jumps-13",
  grade: "secondary",
};

const TERAWULF_INITIAL: SourceDocument = {
  title: "TeraWulf signs 10-year, 200 MW hosting deals; Google takes 8% stake",
  publisher: "Blockspace",
  date: "2025-08-14",
  dateNote: "page undated; the initial Fluidstack leases were announced 2025-08-14",
  url: "https://blockspace.media/insight/terawulf-signs-10-year-200-mw-hosting-deals-google-takes-8-stake",
  grade: "secondary",
};

const TERAWULF_ABERNATHY: SourceDocument = {
  title: "TeraWulf Expands Strategic Partnership with Fluidstack Through New 168 MW AI Compute Joint Venture",
  publisher: "TeraWulf via GlobeNewswire",
  date: "2025-10-28",
  url: "https://www.globenewswire.com/news-release/2025/10/28/3175363/0/en/TeraWulf-Expands-Strategic-Partnership-with-Fluidstack-Through-New-168-MW-AI-Compute-Joint-Venture.html",
  grade: "filing",
};

const TERAWULF_ABERNATHY_TERMS: SourceDocument = {
  title: "TeraWulf and Fluidstack Form $9.5 Billion AI Data Center Joint Venture",
  publisher: "CoinAlertNews",
  date: "2025-10-28",
  url: "https://coinalertnews.com/news/2025/10/28/bd7633d46480ff2d8dbdad9927744b2e",
  grade: "secondary",
};

const CIPHER_FLUIDSTACK: SourceDocument = {
  title: "Cipher Mining inks $3B AI hosting deal with Fluidstack",
  publisher: "Blockworks (copy on coa.news)",
  date: "2025-09-25",
  url: "https://coa.news/2025/09/25/cipher-mining-inks-3b-ai-hosting-deal-with-fluidstack",
  grade: "secondary",
};

const CIPHER_FLUIDSTACK_2: SourceDocument = {
  title: "Cipher Mining Signs Additional 56 MW, 10-Year AI Hosting Agreement with Fluidstack",
  publisher: "Stock Titan (summary of the Cipher release)",
  date: "2025-11-20",
  dateNote: "page undated; the summary dates the agreement Nov 20, 2025",
  url: "https://www.stocktitan.net/news/CIFRW/cipher-mining-signs-additional-56-mw-10-year-ai-hosting-agreement-kw6njbs5fv52.html",
  grade: "secondary",
};

const CIPHER_AWS: SourceDocument = {
  title: "Cipher Mining (CIFR) Stock: Company Signs $5.5 Billion Amazon Web Services Lease Agreement",
  publisher: "MEXC News",
  date: "2025-11-03",
  url: "https://www.mexc.fm/ms-MY/news/cipher-mining-cifr-stock-company-signs-5-5-billion-amazon-web-services-lease-agreement/152384",
  grade: "secondary",
};

const IREN_MICROSOFT: SourceDocument = {
  title: "IREN Skyrockets After Sealing $9.7 Billion AI Cloud Deal With Microsoft",
  publisher: "Benzinga",
  date: "2025-11-03",
  url: "https://www.benzinga.com/trading-ideas/movers/25/11/48586714/iren-skyrockets-after-sealing-9-7-billion-ai-cloud-deal-with-microsoft",
  grade: "secondary",
};

const HUT8_8K: SourceDocument = {
  title: "Hut 8 Signs 15-Year, 245 MW AI Data Center Lease at River Bend Campus with Total Contract Value of $7.0 Billion",
  publisher: "Hut 8, Form 8-K exhibit 99.1 (SEC EDGAR)",
  date: "2025-12-17",
  url: "https://www.sec.gov/Archives/edgar/data/1964789/000110465925122052/hut-20251217xex99d1.htm",
  grade: "filing",
};

const CIPHER_Q3_CALL: SourceDocument = {
  title: "Q3 2025 Contradictions: Power, HPC, and Infrastructure Discrepancies Revealed",
  publisher: "AInvest (machine summary of Cipher Mining's Q3 2025 call)",
  date: "2025-11-03",
  url: "https://www.ainvest.com/news/q3-2025-contradictions-power-hpc-infrastructure-discrepancies-revealed-2511",
  grade: "secondary",
};

const HUT8_RIVER_BEND: SourceDocument = {
  title: "Hut 8 Signs $7 Billion, 15-Year Data Center Lease With Fluidstack In Louisiana; Stock Up",
  publisher: "RTTNews via finanzen.at",
  date: "2025-12-17",
  url: "https://www.finanzen.at/nachrichten/aktien/hut-8-signs-$7-billion-15-year-data-center-lease-with-fluidstack-in-louisiana;-stock-up-1035652505",
  grade: "secondary",
};

const HUT8_BEACON_REUTERS: SourceDocument = {
  title: "Hut 8 signs $9.8 billion lease for Beacon Point data center campus (Reuters text, copy on a Newsfilter reader)",
  publisher: "Reuters (copy on twimm.cz)",
  date: "2026-05-06",
  url: "https://twimm.cz/socialarb/newsfilter_articles?id=58f4afa9b7f058fddc397b6b412287fe",
  grade: "secondary",
  dateNote: "Reuters says 'on Wednesday', 2026-05-06, the day Hut 8 announced the lease",
};

const HUT8_BEACON_SUMMARY: SourceDocument = {
  title: "Hut 8 Corp on May 6 announced commercialization of the first phase of its Beacon Point AI data center campus",
  publisher: "Cliff Center dockets (summary of the Hut 8 release)",
  date: "2026-05-10",
  url: "https://www.cliffcenter.com/dockets/i/2026-05-10-hut-8-corp-on-may-6-announced-commercialization",
  grade: "secondary",
};

const HUT8_ANTHROPIC: SourceDocument = {
  title: "Hut 8 signs AI data center deal with Fluidstack at River Bend",
  publisher: "DC Pulse",
  date: "2025-12-17",
  url: "https://dcpulse.com/news/hut-fluidstack-ai-data-center-deal-river-bend",
  grade: "secondary",
};

const RIOT_AMD: SourceDocument = {
  title: "Riot Announces Fee Simple Acquisition of Land and First Data Center Lease with AMD at the Rockdale Site",
  publisher: "Stock Titan (summary of the Riot release)",
  date: "2026-01-16",
  dateNote: "page undated; Riot filed the 8-K on 2026-01-16",
  url: "https://www.stocktitan.net/news/RIOT/riot-announces-fee-simple-acquisition-of-land-and-first-data-center-lifxve642vej.html",
  grade: "secondary",
};

// ---- Core Scientific's figures, from the record ------------------------------------------------

function recordFigure(id: string): Sourced<number> {
  const s = CUMULATIVE_STATEMENTS.find((c) => c.id === id);
  if (!s) throw new Error(`no cumulative statement ${id}`);
  return s.figure;
}

// ---- Deals ---------------------------------------------------------------------------------------

const FLUIDSTACK_GOOGLE = "Google (backstop of Fluidstack's lease obligations)";
const BARBER_LAKE = { host: "Cipher Mining", site: "Barber Lake, Colorado City TX", tenant: "Fluidstack" } as const;

/** Every deal: Core Scientific's (the reference row) first, then oldest announcement first. */
export const LEASES: readonly Lease[] = [
  {
    id: "corz-coreweave",
    host: "Core Scientific",
    site: "six Core Scientific sites (Denton TX and others)",
    tenant: "CoreWeave",
    mw: recordFigure("2025-02-denton-mw"),
    mwBasis: "critical IT",
    contractValueUsd: recordFigure("2025-06-press-usd"),
    valueBound: "approximate",
    termYears: sourced(12, "12", OPTION_3_8K, "Increases Potential Cumulative Revenue to $8.7 Billion over 12 Year Contract Terms"),
    announced: "2025-02-26",
    announcedNote:
      "the contracts grew in tranches from 2024-06 to 2025-02; 2025-02-26 is when the total reached ~590 MW and 'exceeds $10 billion'",
    capexFundedBy: sourced(
      "tenant (CoreWeave funds most of the build-out at its sites)",
      "funded by CoreWeave",
      Q2_2025_RESULTS,
      "Capital expenditures were $121.3 million, with $90.3 million funded by CoreWeave under the previously announced contractual agreements.",
    ),
    kind: "colocation licence",
    comparable: true,
    note:
      "Uses the company's ~590 MW of critical IT under the 12-year contracts with $10.2B (press; the company says 'exceeds $10 billion'). The tranche sum the model's base uses, 572 MW, would give $1.486M per MW-year instead of $1.441M; the separate 16 MW Austin contract is not included. Two five-year renewal options per contract are not in the value.",
  },
  {
    id: "galaxy-helios-coreweave",
    host: "Galaxy Digital",
    site: "Helios, Dickens County TX",
    tenant: "CoreWeave",
    mw: sourced(
      800,
      "800 megawatts",
      GALAXY_FINANCING,
      "The deal follows a lease agreement with AI cloud provider CoreWeave (CRWV), which has now committed to all 800 megawatts of approved power capacity at Helios.",
    ),
    mwBasis: "gross",
    contractValueUsd: sourced(
      15e9,
      "$15 billion",
      GALAXY_TOTAL,
      "Galaxy expects to generate over $1 billion per year from the deal — about $15 billion in total revenue over the contract term.",
      "the page's own multiplication of 'over $1 billion per year' by 15 years; Galaxy said 'more than $1 billion in average annual revenue'",
    ),
    valueBound: "lower-bound",
    termYears: sourced(
      15,
      "15 years",
      GALAXY_FINANCING,
      "The firm, led by Mike Novogratz, projected its deal with AI cloud firm CoreWeave could generate $1 billion in annual revenue over 15 years.",
    ),
    announced: "2025-08-15",
    announcedNote: "CoreWeave's leases were signed in stages during 2025; 2025-08-15 is when Galaxy said it had committed to all 800 MW",
    capexFundedBy: sourced(
      "host (Galaxy, with a $1.4B project loan)",
      "$1.4 billion",
      GALAXY_FINANCING,
      "Galaxy, the Nasdaq-listed digital asset investment firm, said on Friday it has secured $1.4 billion in funding to expand its Helios data center in West Texas",
    ),
    kind: "lease",
    comparable: true,
    note:
      "800 MW is approved (gross) power, not critical IT; the critical-IT total under the leases was not confirmed (pages give 133 MW and 260 MW tranches but disagree on the rest), so per-MW metrics are n/a.",
  },
  {
    id: "wulf-lake-mariner-fluidstack",
    host: "TeraWulf",
    site: "Lake Mariner, NY (CB-3, CB-4, CB-5)",
    tenant: "Fluidstack",
    creditSupport: {
      backstopParty: FLUIDSTACK_GOOGLE,
      backstopUsd: sourced(
        3.2e9,
        "$3.2 billion",
        TERAWULF_CB5,
        "This raises Google’s total backstop commitment to $3.2 billion and boosts its pro forma ownership stake in TeraWulf to 14%.",
      ),
      note: "Google also holds warrants for about 14% of TeraWulf",
    },
    mw: sourced(
      360,
      "360 MW",
      TERAWULF_CB5,
      "The expansion increases Fluidstack’s total contracted critical IT load at Lake Mariner to approximately 360 MW, representing $6.7 billion in contracted revenue",
    ),
    mwBasis: "critical IT",
    contractValueUsd: sourced(
      6.7e9,
      "$6.7 billion",
      TERAWULF_CB5,
      "The expansion increases Fluidstack’s total contracted critical IT load at Lake Mariner to approximately 360 MW, representing $6.7 billion in contracted revenue",
    ),
    valueBound: "approximate",
    termYears: sourced(
      10,
      "10-year",
      TERAWULF_INITIAL,
      "TeraWulf announced in a press release that it had signed two 10-year HPC colocation agreements with AI cloud platform Fluidstack",
      "CB-5 is on the same economic terms as the initial CB-3 and CB-4 leases",
    ),
    announced: "2025-08-18",
    announcedNote: "initial 200+ MW on 2025-08-14; CB-5 (+160 MW) on 2025-08-18 brought the total to ~360 MW",
    structure: sourced(
      "modified gross",
      "modified gross leases",
      TERAWULF_INITIAL,
      "The contracts are structured as modified gross leases with annual escalators.",
    ),
    kind: "lease",
    comparable: true,
  },
  {
    id: "apld-pf1-coreweave",
    host: "Applied Digital",
    site: "Polaris Forge 1, Ellendale ND",
    tenant: "CoreWeave",
    mw: sourced(
      400,
      "400 MW",
      APLD_PF1_RFS,
      "marks the initial delivery of a fully leased 400 MW critical IT load deployment for CoreWeave under approximately 15-year lease agreements, representing an estimated $11 billion",
    ),
    mwBasis: "critical IT",
    contractValueUsd: sourced(
      11e9,
      "$11 billion",
      APLD_PF1_RFS,
      "marks the initial delivery of a fully leased 400 MW critical IT load deployment for CoreWeave under approximately 15-year lease agreements, representing an estimated $11 billion",
    ),
    valueBound: "approximate",
    termYears: sourced(
      15,
      "15-year",
      APLD_PF1_RFS,
      "marks the initial delivery of a fully leased 400 MW critical IT load deployment for CoreWeave under approximately 15-year lease agreements, representing an estimated $11 billion",
    ),
    announced: "2025-08-29",
    announcedNote: "three leases: two (250 MW, ~$7B) in May/June 2025 and the third (150 MW) on 2025-08-29, which brought the total to 400 MW and ~$11B",
    start: sourced(
      "2025-Q4",
      "Q4 of 2025",
      APLD_PF1_150MW,
      "the first 100MW data center for CoreWeave is scheduled to be ready for service in Q4 of 2025",
    ),
    kind: "lease",
    comparable: true,
  },
  {
    id: "cifr-barber-lake-fluidstack",
    ...BARBER_LAKE,
    creditSupport: {
      backstopParty: FLUIDSTACK_GOOGLE,
      backstopUsd: sourced(
        1.4e9,
        "$1.4 billion",
        CIPHER_FLUIDSTACK,
        "Google will guarantee $1.4 billion of Fluidstack’s lease obligations to support debt financing",
      ),
    },
    mw: sourced(
      168,
      "168 megawatts",
      CIPHER_FLUIDSTACK,
      "will deliver 168 megawatts of critical IT load at its Barber Lake site in Colorado City, Texas",
    ),
    mwBasis: "critical IT",
    contractValueUsd: sourced(
      3e9,
      "$3 billion",
      CIPHER_FLUIDSTACK,
      "Cipher Mining Inc. has signed a 10-year high-performance computing (HPC) colocation agreement with Fluidstack, securing approximately $3 billion in contracted revenue.",
    ),
    valueBound: "approximate",
    termYears: sourced(
      10,
      "10-year",
      CIPHER_FLUIDSTACK,
      "Cipher Mining Inc. has signed a 10-year high-performance computing (HPC) colocation agreement with Fluidstack, securing approximately $3 billion in contracted revenue.",
    ),
    announced: "2025-09-25",
    start: sourced("2026-09", "September 2026", CIPHER_FLUIDSTACK, "with expected completion by September 2026"),
    capexFundedBy: sourced(
      "host (Cipher)",
      "Cipher will retain full ownership",
      CIPHER_FLUIDSTACK,
      "Cipher will retain full ownership of the project and may tap capital markets to finance its build-out.",
    ),
    kind: "lease",
    comparable: true,
  },
  {
    id: "apld-pf2-hyperscaler",
    host: "Applied Digital",
    site: "Polaris Forge 2, Harwood ND",
    tenant: "U.S. investment-grade hyperscaler (unnamed)",
    creditSupport: {
      tenantRating: sourced(
        "investment grade",
        "Investment Grade",
        APPLIED_DIGITAL_PF2,
        "entered into a lease agreement with a U.S. Based Investment Grade Hyperscaler",
      ),
    },
    mw: sourced(200, "200", APPLIED_DIGITAL_PF2, "covers 200 megawatts (MW) of critical IT load"),
    mwBasis: "critical IT",
    contractValueUsd: sourced(
      5e9,
      "$5 billion",
      APPLIED_DIGITAL_PF2,
      "This lease represents approximately $5 billion in total contracted revenue over an estimated 15-year lease term",
    ),
    valueBound: "approximate",
    termYears: sourced(
      15,
      "15-year",
      APPLIED_DIGITAL_PF2,
      "This lease represents approximately $5 billion in total contracted revenue over an estimated 15-year lease term",
    ),
    announced: "2025-10-22",
    kind: "lease",
    comparable: true,
  },
  {
    id: "wulf-abernathy-fluidstack",
    host: "TeraWulf–Fluidstack JV (TeraWulf 51%)",
    site: "Abernathy TX",
    tenant: "Fluidstack",
    creditSupport: {
      backstopParty: FLUIDSTACK_GOOGLE,
      backstopUsd: sourced(
        1.3e9,
        "$1.3 billion",
        TERAWULF_ABERNATHY,
        "Google backstops $1.3 billion of Fluidstack’s long-term lease obligations in support of project debt",
      ),
    },
    mw: sourced(
      168,
      "168 MW",
      TERAWULF_ABERNATHY,
      "Under the agreement, the parties will develop and deliver 168 MW of critical IT load at the Abernathy, Texas campus",
    ),
    mwBasis: "critical IT",
    contractValueUsd: sourced(
      9.5e9,
      "$9.5 billion",
      TERAWULF_ABERNATHY,
      "25-year lease agreement represents approximately $9.5 billion in contracted revenue",
    ),
    valueBound: "approximate",
    termYears: sourced(
      25,
      "25-year",
      TERAWULF_ABERNATHY,
      "25-year lease agreement represents approximately $9.5 billion in contracted revenue",
    ),
    announced: "2025-10-28",
    kind: "lease",
    comparable: true,
    caveats: [
      sourced(
        "the tenant may shorten the term to 20 or 15 years",
        "20 or 15 years",
        TERAWULF_ABERNATHY_TERMS,
        "the lease term is set for 25 years, though it could be shortened to 20 or 15 years at Fluidstack's discretion",
      ),
    ],
    note:
      "The tenant owns 49% of the host JV. $/MW-year uses the 25-year term and its $9.5B; no page gives the value of a shortened term.",
  },
  {
    id: "cifr-aws",
    host: "Cipher Mining",
    site: "Black Pearl TX (per a call summary)",
    tenant: "Amazon Web Services",
    mw: sourced(
      300,
      "300 MW gross capacity",
      CIPHER_Q3_CALL,
      "AWS: 300 MW gross capacity; approx $5.5B contract revenue over initial 15-year term; delivered in 2 phases beginning July 2026 with rent commencing August 2026.",
      "the release copies say '300 megawatts of capacity'; this call summary says gross",
    ),
    mwBasis: "gross",
    contractValueUsd: sourced(
      5.5e9,
      "$5.5 billion",
      CIPHER_AWS,
      "Cipher Mining signed a $5.5 billion, 15-year lease agreement with Amazon Web Services to provide space and power for AI workloads",
    ),
    valueBound: "approximate",
    termYears: sourced(
      15,
      "15-year",
      CIPHER_AWS,
      "Cipher Mining signed a $5.5 billion, 15-year lease agreement with Amazon Web Services to provide space and power for AI workloads",
    ),
    announced: "2025-11-03",
    start: sourced("2026-08", "August 2026", CIPHER_AWS, "Rent payments from AWS will start in August 2026."),
    kind: "lease",
    comparable: true,
    note: "300 MW is gross capacity (call summary) and no page gives the site's IT/gross split, so per-MW metrics are n/a.",
  },
  {
    id: "iren-microsoft",
    host: "IREN",
    site: "Childress TX (Horizon 1-4)",
    tenant: "Microsoft",
    mw: sourced(
      200,
      "200 megawatts",
      IREN_MICROSOFT,
      "The site will feature new liquid-cooled data centers supporting up to 200 megawatts of critical IT load.",
    ),
    mwBasis: "critical IT",
    contractValueUsd: sourced(
      9.7e9,
      "$9.7 billion",
      IREN_MICROSOFT,
      "the company announced a multi-year, $9.7 billion GPU cloud services contract with Microsoft Corp.",
    ),
    valueBound: "approximate",
    termYears: sourced(
      5,
      "five-year",
      IREN_MICROSOFT,
      "Under the five-year agreement, IREN will supply Microsoft with access to NVIDIA Corp. (NASDAQ:NVDA) GB300 GPUs, including a 20% prepayment.",
    ),
    announced: "2025-11-03",
    prepaymentRate: sourced(
      0.2,
      "20%",
      IREN_MICROSOFT,
      "Under the five-year agreement, IREN will supply Microsoft with access to NVIDIA Corp. (NASDAQ:NVDA) GB300 GPUs, including a 20% prepayment.",
    ),
    capexFundedBy: sourced(
      "host (IREN buys the GPUs, about $5.8 billion from Dell, and builds the data centres)",
      "$5.8 billion",
      IREN_MICROSOFT,
      "IREN has also partnered with Dell Technologies Inc. (NYSE:DELL) to purchase the GPUs and related equipment for about $5.8 billion.",
    ),
    kind: "GPU service",
    comparable: false,
    notComparableReason:
      "a GPU cloud service: the $9.7B pays for IREN's GPUs (about $5.8B of equipment), their operation and the data centres over five years, not for powered space alone",
  },
  {
    id: "cifr-barber-lake-fluidstack-2",
    ...BARBER_LAKE,
    creditSupport: {
      backstopParty: FLUIDSTACK_GOOGLE,
      backstopUsd: sourced(
        333e6,
        "$333 million",
        CIPHER_FLUIDSTACK_2,
        "Google expanded its backstop by $333 million, increasing total backstop to $1.73 billion.",
        "the increase for this expansion; $1.73 billion in total with the first Barber Lake lease",
      ),
    },
    mw: sourced(39, "39 MW", CIPHER_FLUIDSTACK_2, "to deliver an additional 39 MW of critical IT load (supported by up to 56 MW gross capacity)"),
    mwBasis: "critical IT",
    contractValueUsd: sourced(
      830e6,
      "$830 million",
      CIPHER_FLUIDSTACK_2,
      "The deal represents roughly $830 million of contracted revenue over the initial 10-year term",
    ),
    valueBound: "approximate",
    termYears: sourced(10, "10-year", CIPHER_FLUIDSTACK_2, "The deal represents roughly $830 million of contracted revenue over the initial 10-year term"),
    announced: "2025-11-20",
    itShareOfGross: {
      itMw: sourced(39, "39 MW", CIPHER_FLUIDSTACK_2, "to deliver an additional 39 MW of critical IT load (supported by up to 56 MW gross capacity)"),
      grossMw: sourced(56, "56 MW", CIPHER_FLUIDSTACK_2, "to deliver an additional 39 MW of critical IT load (supported by up to 56 MW gross capacity)"),
    },
    kind: "lease",
    comparable: true,
    note: "An expansion of the Barber Lake lease (Fluidstack then leases the whole 300 MW site).",
  },
  {
    id: "hut-river-bend-fluidstack",
    host: "Hut 8",
    site: "River Bend, West Feliciana Parish LA",
    tenant: "Fluidstack",
    endUser: sourced(
      "Anthropic",
      "Anthropic",
      HUT8_ANTHROPIC,
      "marking the first tranche of a broader, multi-gigawatt partnership aligned with Anthropic’s rapidly expanding compute requirements",
    ),
    creditSupport: {
      backstopParty: "Google (backstop of lease payments and pass-through obligations)",
      backstopRating: sourced(
        "S&P AA+, Moody's Aa2 (Alphabet)",
        "S&P: AA+",
        HUT8_8K,
        "Google, a subsidiary of Alphabet Inc. (S&P: AA+, Moody’s: Aa2), is providing a financial backstop, which covers the lease payments and related pass-through obligations.",
      ),
      note: "no amount given; the backstop covers the 15-year base term",
    },
    mw: sourced(245, "245 MW", HUT8_8K, "15-year 245 MW IT lease valued at $7.0 billion over the base term and up to $17.7 billion if all renewal options are exercised", "'IT', read as critical IT; about 330 MW of utility power supports it (other pages)"),
    mwBasis: "critical IT",
    contractValueUsd: sourced(7e9, "$7.0 billion", HUT8_8K, "15-year 245 MW IT lease valued at $7.0 billion over the base term and up to $17.7 billion if all renewal options are exercised"),
    valueBound: "approximate",
    termYears: sourced(15, "15-year", HUT8_8K, "15-year 245 MW IT lease valued at $7.0 billion over the base term and up to $17.7 billion if all renewal options are exercised"),
    announced: "2025-12-17",
    start: sourced(
      "2027-Q2",
      "second quarter of 2027",
      HUT8_RIVER_BEND,
      "The first data hall at the River Bend campus is scheduled to be commissioned in the second quarter of 2027",
    ),
    structure: sourced("triple-net", "Triple net (NNN) lease", HUT8_8K, "Lease Structure: Triple net (NNN) lease."),
    kind: "lease",
    comparable: true,
    caveats: [
      sourced(
        "3.0% annual base rent escalator, inside the $7.0B",
        "3.0%",
        HUT8_8K,
        "Total contract value of $7.0 billion over a 15-year base lease term, inclusive of a 3.0% annual base rent escalator.",
      ),
    ],
    note: "Triple-net: the tenant pays most running costs; the others are modified gross or unstated, so the rent here covers less of the host's costs.",
  },
  {
    id: "riot-rockdale-amd",
    host: "Riot Platforms",
    site: "Rockdale TX",
    tenant: "AMD",
    mw: sourced(
      25,
      "25 MW",
      RIOT_AMD,
      "signed a Data Center Lease with AMD for an initial 25 MW of critical IT load to be delivered in two phases from January 2026 to May 2026",
    ),
    mwBasis: "critical IT",
    contractValueUsd: sourced(
      311e6,
      "$311.0 million",
      RIOT_AMD,
      "The AMD lease has a 10-year initial term with estimated contract revenue of $311.0 million",
    ),
    valueBound: "approximate",
    termYears: sourced(10, "10-year", RIOT_AMD, "The AMD lease has a 10-year initial term with estimated contract revenue of $311.0 million"),
    announced: "2026-01-16",
    start: sourced(
      "2026-01",
      "January 2026",
      RIOT_AMD,
      "signed a Data Center Lease with AMD for an initial 25 MW of critical IT load to be delivered in two phases from January 2026 to May 2026",
    ),
    capexFundedBy: sourced("host (Riot, retrofit of existing buildings)", "$89.8 million", RIOT_AMD, "Retrofit capex of $89.8 million (~$3.6M per MW) increases near-term capital spend"),
    kind: "lease",
    comparable: true,
    note: "A small retrofit of existing mining buildings, not a new build.",
  },
  {
    id: "apld-df1-hyperscaler",
    host: "Applied Digital",
    site: "Delta Forge 1, a southern U.S. state",
    tenant: "U.S. investment-grade hyperscaler (unnamed)",
    creditSupport: {
      tenantRating: sourced(
        "investment grade",
        "US investment-grade",
        APLD_DF1_8K_SUMMARY,
        "New 15-year lease with US investment-grade hyperscaler for 300 MW IT load at Delta Forge 1 campus.",
      ),
    },
    mw: sourced(
      300,
      "300 MW",
      APLD_DF1_8K_SUMMARY,
      "New 15-year lease with US investment-grade hyperscaler for 300 MW IT load at Delta Forge 1 campus.",
      "critical IT: the groundbreaking release says 430 MW of utility power enables up to 300 MW of critical IT load",
    ),
    mwBasis: "critical IT",
    itShareOfGross: {
      itMw: sourced(300, "300 MW", APLD_DF1_GROUNDBREAKING, "enabling up to 300 MW of critical IT load"),
      grossMw: sourced(430, "430 MW", APLD_DF1_GROUNDBREAKING, "Delta Forge 1 is designed to support an initial 430 MW of total utility power"),
    },
    contractValueUsd: sourced(
      7.5e9,
      "$7.5B",
      APLD_DF1_8K_SUMMARY,
      "Applied Digital signs $7.5B hyperscaler lease at Delta Forge 1, total contracted revenue >$23B",
    ),
    valueBound: "approximate",
    termYears: sourced(
      15,
      "15-year",
      APLD_DF1_8K_SUMMARY,
      "New 15-year lease with US investment-grade hyperscaler for 300 MW IT load at Delta Forge 1 campus.",
    ),
    announced: "2026-04-23",
    kind: "lease",
    comparable: true,
  },
  {
    id: "hut-beacon-point-ig",
    host: "Hut 8",
    site: "Beacon Point, Nueces County TX",
    tenant: "undisclosed high investment-grade tenant",
    creditSupport: {
      tenantRating: sourced(
        "high investment grade (not named)",
        "high-investment-grade",
        HUT8_BEACON_REUTERS,
        "\"We have a 15-year obligation from a high-investment-grade counterparty and the contract is structured on a take-or-pay, triple-net basis with no termination for convenience,\"",
      ),
      note: "no backstop: the tenant's own credit",
    },
    mw: sourced(352, "352 MW", HUT8_BEACON_SUMMARY, "15-year IT lease for 352 MW of capacity with an undisclosed high-investment-grade tenant", "'IT lease', read as critical IT"),
    mwBasis: "critical IT",
    contractValueUsd: sourced(9.8e9, "$9.8 billion", HUT8_BEACON_REUTERS, "Hut 8 (HUT.O) said on Wednesday it had signed a 15-year lease worth $9.8 billion for its Beacon Point data center campus in Texas"),
    valueBound: "approximate",
    termYears: sourced(15, "15-year", HUT8_BEACON_REUTERS, "Hut 8 (HUT.O) said on Wednesday it had signed a 15-year lease worth $9.8 billion for its Beacon Point data center campus in Texas"),
    announced: "2026-05-06",
    structure: sourced(
      "triple-net, take-or-pay",
      "triple-net",
      HUT8_BEACON_REUTERS,
      "\"We have a 15-year obligation from a high-investment-grade counterparty and the contract is structured on a take-or-pay, triple-net basis with no termination for convenience,\"",
    ),
    kind: "lease",
    comparable: true,
    note: "Three five-year renewal options (up to $25.1B in all, per the same pages) are not in the value. Triple-net, like River Bend.",
  },
  {
    id: "apld-pf3-hyperscaler",
    host: "Applied Digital",
    site: "Polaris Forge 3, a northern U.S. state",
    tenant: "U.S. high investment-grade hyperscaler (unnamed; the Delta Forge 1 tenant)",
    creditSupport: {
      tenantRating: sourced(
        "high investment grade",
        "high investment-grade",
        APLD_PF3_TERM,
        "Applied Digital has inked a monumental 15-year lease agreement valued at $7.5 billion with a U.S.-based high investment-grade hyperscaler",
      ),
    },
    mw: sourced(
      300,
      "300 MW",
      APLD_PF3_PRESS,
      "InsiderMonkey reports Polaris Forge 3 is designed to deliver 300 MW of critical IT load supported by about 430 MW of grid-connected utility power.",
    ),
    mwBasis: "critical IT",
    itShareOfGross: {
      itMw: sourced(300, "300 MW", APLD_PF3_PRESS, "Polaris Forge 3 is designed to deliver 300 MW of critical IT load supported by about 430 MW of grid-connected utility power."),
      grossMw: sourced(430, "430 MW", APLD_PF3_PRESS, "Polaris Forge 3 is designed to deliver 300 MW of critical IT load supported by about 430 MW of grid-connected utility power."),
    },
    contractValueUsd: sourced(
      7.5e9,
      "$7.5 billion",
      APLD_PF3_PRESS,
      "with Polaris Forge 3 carrying $18.2 billion in potential revenues if all renewal options are exercised and a $7.5 billion base contract",
    ),
    valueBound: "approximate",
    termYears: sourced(
      15,
      "15-year",
      APLD_PF3_TERM,
      "Applied Digital has inked a monumental 15-year lease agreement valued at $7.5 billion with a U.S.-based high investment-grade hyperscaler",
    ),
    announced: "2026-05-21",
    announcedNote: "the pages date the share move 2026-05-21; the release may be of the evening before",
    kind: "lease",
    comparable: true,
  },
  {
    id: "apld-df2-hyperscaler",
    host: "Applied Digital",
    site: "Delta Forge 2, a southern U.S. state",
    tenant: "U.S. investment-grade hyperscaler (unnamed)",
    creditSupport: {
      tenantRating: sourced(
        "investment grade",
        "U.S. investment-grade",
        APLD_DF2_8K_SUMMARY,
        "New 15-year take-or-pay lease with U.S. investment-grade hyperscaler for 210 MW critical IT load.",
      ),
    },
    mw: sourced(
      210,
      "210 MW",
      APLD_DF2_8K_SUMMARY,
      "New 15-year take-or-pay lease with U.S. investment-grade hyperscaler for 210 MW critical IT load.",
    ),
    mwBasis: "critical IT",
    contractValueUsd: sourced(
      5.2e9,
      "~$5.2B",
      APLD_DF2_8K_SUMMARY,
      "Base-term contracted revenue ~$5.2B; ~$12.7B if all renewal options exercised over 30 years.",
    ),
    valueBound: "approximate",
    termYears: sourced(
      15,
      "15-year",
      APLD_DF2_8K_SUMMARY,
      "New 15-year take-or-pay lease with U.S. investment-grade hyperscaler for 210 MW critical IT load.",
    ),
    announced: "2026-06-09",
    start: sourced("2028-Q1", "Q1 2028", APLD_DF2_8K_SUMMARY, "Initial operations at Delta Forge 2 expected to commence Q1 2028."),
    kind: "lease",
    comparable: true,
  },
];

/** What was searched for on public pages and not confirmed (so it is absent from LEASES). */
export const LEASE_GAPS: readonly LeaseGap[] = [
  {
    dealId: "galaxy-helios-coreweave",
    what: "critical IT MW under CoreWeave's Helios leases, and an IT/gross split for the site",
    searched: "Galaxy and press pages give 800 MW of approved power and tranches of 133 MW and 260 MW of critical IT; no page read gives the total critical IT load, so no $/MW-year",
  },
  {
    dealId: "cifr-aws",
    what: "the critical IT MW under the AWS lease (or the site's IT/gross split)",
    searched: "press copies of the 2025-11-03 release say '300 megawatts of capacity'; a call summary says '300 MW gross capacity'; no IT figure found",
  },
  {
    dealId: "hut-river-bend-fluidstack",
    what: "the amount of Google's backstop",
    searched: "pages say Google backstops lease payments and pass-through obligations over the base term, without an amount",
  },
  {
    dealId: "hut-beacon-point-ig",
    what: "the tenant's name, a filing-grade page, and whether the $9.8B is rent or the net operating income it yields",
    searched:
      "a Reuters copy, a release summary and press pages: all say an undisclosed high investment-grade tenant and $9.8B over the 15-year base term; some call the $9.8B cumulative net operating income (the lease is triple-net); no 8-K or release page was found",
  },
  {
    dealId: "corz-coreweave",
    what: "a filed total contract value at ~590 MW",
    searched: "the company says 'exceeds $10 billion'; $10.2 billion appears in press only",
  },
  {
    dealId: "*",
    what: "tenant credit ratings (agency and grade) for CoreWeave, Fluidstack, AWS, AMD and Microsoft",
    searched: "no deal page read states a tenant's rating; Applied Digital's pages say 'investment grade' only; Hut 8's 8-K rates the backstop party (Alphabet)",
  },
  {
    dealId: "*",
    what: "who funds capex and any prepayment for the Applied Digital, TeraWulf and Hut 8 leases",
    searched: "release copies describe project financing (e.g. up to 85% loan-to-cost at River Bend) but not a tenant contribution; left absent",
  },
  {
    dealId: "*",
    what: "filing-grade pages for most deals",
    searched:
      "filing-grade pages were found for Core Scientific (8-K, release), Applied Digital (PF1, PF2 and DF1 site releases), TeraWulf (Abernathy release) and Hut 8 (8-K exhibit); the rest are press or summary copies (graded secondary)",
  },
];
