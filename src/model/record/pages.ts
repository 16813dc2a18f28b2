/**
 * The public pages the record was read on, one entry per page. Each figure adds its own
 * verbatim quote from the page (see `sourced` in source.ts). Grades: "filing" for SEC filings
 * and the issuers' own releases; "secondary" for press, aggregators and analysts' summaries.
 * A `dateNote` says which date is used when a page shows none of its own.
 */
import { SourceDocument } from "./source";

// ---- Core Scientific: filings and its own releases -------------------------------------------

export const MAY_2024_UPDATE: SourceDocument = {
  title: "Core Scientific Announces May 2024 Production and Operations Updates",
  publisher: "Core Scientific via Business Wire",
  date: "2024-06-05",
  dateNote: "date from the Business Wire address",
  url: "https://www.businesswire.com/news/home/20240605022520/en/Core-Scientific-Announces-May-2024-Production-and-Operations-Updates/",
  grade: "filing",
};

export const OPTION_3_8K: SourceDocument = {
  title:
    "Core Scientific Announces Exercise of Final Contract Option by CoreWeave for Delivery of Approximately 120 MW of Additional Digital Infrastructure to Host High-Performance Computing Operations",
  publisher: "Core Scientific, Form 8-K exhibit (SEC EDGAR)",
  date: "2024-10-22",
  url: "https://www.sec.gov/Archives/edgar/data/1839341/000162828024043341/corescientifichpcoption3re.htm",
  grade: "filing",
};

export const MUSKOGEE_GROUNDBREAKING: SourceDocument = {
  title: "Core Scientific and Port Muskogee Break Ground on 100 MW HPC Data Center",
  publisher: "Core Scientific via Business Wire",
  date: "2024-11-18",
  dateNote: "date from the Business Wire address",
  url: "https://www.businesswire.com/news/home/20241118256980/en/Core-Scientific-and-Port-Muskogee-Break-Ground-on-100-MW-HPC-Data-Center/",
  grade: "filing",
};

export const DENTON_LEASE_8K: SourceDocument = {
  title: "Core Scientific Announces Approval of Lease Amendments with the City of Denton to Enable High-Performance Computing Expansion",
  publisher: "Core Scientific, Form 8-K exhibit 99.1 (SEC EDGAR)",
  date: "2024-11-20",
  url: "https://www.sec.gov/Archives/edgar/data/1839341/000162828024049126/core_scientificxannouncesx.htm",
  grade: "filing",
};

export const Q2_2025_RESULTS: SourceDocument = {
  title: "Core Scientific Announces Fiscal Second Quarter 2025 Results",
  publisher: "Core Scientific via Business Wire",
  date: "2025-08-08",
  dateNote: "date from the Business Wire address",
  url: "https://secure.businesswire.com/news/home/20250808196314/en/Core-Scientific-Announces-Fiscal-Second-Quarter-2025-Results",
  grade: "filing",
};

export const Q3_2025_8K: SourceDocument = {
  title: "Core Scientific Announces Fiscal Third Quarter 2025 Results (Form 8-K, exhibit 99.1)",
  publisher: "Core Scientific investor relations (SEC filing)",
  date: "2025-10-24",
  url: "https://investors.corescientific.com/sec-filings/all-sec-filings/content/0001628280-25-046263/q32025corescientificinc-ea.htm",
  grade: "filing",
};

export const Q4_2025_RESULTS: SourceDocument = {
  title: "Core Scientific Announces Fourth Quarter Fiscal Year 2025 Results",
  publisher: "Core Scientific via Business Wire",
  date: "2026-03-02",
  url: "https://www.businesswire.com/news/home/20260302157124/en/Core-Scientific-Announces-Fourth-Quarter-Fiscal-Year-2025-Results",
  grade: "filing",
};

// ---- Other issuers' own releases -----------------------------------------------------------

export const APPLIED_DIGITAL_PF2: SourceDocument = {
  title: "Applied Digital Announces $5 Billion AI Factory Lease with U.S. Based Investment Grade Hyperscaler at Polaris Forge 2 ND Campus",
  publisher: "Applied Digital via GlobeNewswire",
  date: "2025-10-22",
  url: "https://www.globenewswire.com/news-release/2025/10/22/3171024/0/en/Applied-Digital-Announces-5-Billion-AI-Factory-Lease-with-U-S-Based-Investment-Grade-Hyperscaler-at-Polaris-Forge-2-ND-Campus.html",
  grade: "filing",
};

// ---- Secondary: copies of releases, press, summaries ----------------------------------------

export const Q2_2024_RESULTS: SourceDocument = {
  title: "Core Scientific Announces Fiscal Second Quarter 2024 Results",
  publisher: "Quantisnow (copy of the Business Wire release)",
  date: "2024-08-07",
  url: "https://quantisnow.com/insight/core-scientific-announces-fiscal-second-quarter-2024-results-5647481",
  grade: "secondary",
};

export const Q4_2024_SUMMARY: SourceDocument = {
  title: "Core Scientific, Inc./tx (CORZ) Q4 2024 Earnings Summary",
  publisher: "Fintool",
  date: "2025-02-26",
  dateNote: "page undated; 2025-02-26 is the date of the Q4 2024 results and call it summarises",
  url: "https://fintool.com/app/research/companies/CORZ/earnings/Q4%202024",
  grade: "secondary",
};

export const Q4_2024_CALL_SUMMARY: SourceDocument = {
  title: "2025-02-26 Q4 2024 Earnings Call (Core Scientific)",
  publisher: "Easy Market Analysis",
  date: "2025-02-26",
  url: "https://easymarketanalysis.com/newsroom-documents/2025-02-26-q4-2024-earnings-call-txt",
  grade: "secondary",
};

export const Q4_2024_CALL_METRICS: SourceDocument = {
  title: "CORZ earnings call transcript FY2024 Q4 (key metrics)",
  publisher: "Intellectia",
  date: "2025-02-26",
  dateNote: "page undated; 2025-02-26 is the call date in the page address",
  url: "https://intellectia.ai/stock/CORZ/earnings/transcript-FY2024Q4-2025-02-26",
  grade: "secondary",
};

export const Q1_2025_RESULTS_COPY: SourceDocument = {
  title: "Core Scientific Announces Fiscal First Quarter 2025 Results",
  publisher: "Daily8 (copy of the Business Wire release)",
  date: "2025-05-07",
  dateNote: "page undated; 2025-05-07 is the date of the release it reproduces",
  url: "https://www.daily8.com/en/article/835bd2b70012933168c9c08eba6e1cc2",
  grade: "secondary",
};

export const Q1_2025_HIGHLIGHTS_COPY: SourceDocument = {
  title: "Core Scientific Announces Fiscal First Quarter 2025 Results",
  publisher: "Stockhouse (copy of the Business Wire release)",
  date: "2025-05-07",
  dateNote: "date from the page address",
  url: "https://stockhouse.com/news/press-releases/2025/05/07/core-scientific-announces-fiscal-first-quarter-2025-results",
  grade: "secondary",
};

export const BUYOUT_TALKS_REPORT: SourceDocument = {
  title: "Core Scientific shares surge on report of buyout talks with CoreWeave",
  publisher: "infoprovider.site (copy of a CNBC story)",
  date: "2025-06-26",
  dateNote: "page undated; it reports the Thursday trading day after the WSJ report, 2025-06-26",
  url: "https://infoprovider.site/core-scientific-shares-surge-on-report-of-buyout-talks-with-coreweave-html",
  grade: "secondary",
};

export const Q3_2025_SUMMARY: SourceDocument = {
  title: "2025-10-24 Core Scientific Announces Fiscal Third Quarter 2025 Results",
  publisher: "Easy Market Analysis",
  date: "2025-10-24",
  url: "https://www.easymarketanalysis.com/newsroom-documents/2025-10-24-core-scientific-announces-fiscal-third-quarter-2025-results-txt",
  grade: "secondary",
};

export const Q3_2025_PRESS: SourceDocument = {
  title: "Core Scientific releases Q3 2025 earnings, reports 45% boost to AI revenue",
  publisher: "Blockspace (via beyondlink.live)",
  date: "2025-10-26",
  url: "https://beyondlink.live/?p=177121",
  grade: "secondary",
};

export const NOTES_LAUNCH_PRESS: SourceDocument = {
  title: "Core Scientific's $3.3B Shift: From Crypto Mining to AI Data-Center Expansion",
  publisher: "Brief (news digest)",
  date: "2026-04-21",
  url: "https://www.brief.news/stories/2026/4/21/core-scientific-shifts-to-ai",
  grade: "secondary",
};

export const NOTES_COLLATERAL_PRESS: SourceDocument = {
  title: "Core Scientific Seeks $3.3B Debt Refinance for AI Data Centers",
  publisher: "LolaCoin",
  date: "2026-04-21",
  url: "https://lolacoin.org/?p=3915734",
  grade: "secondary",
};

export const Q1_2026_REVIEW: SourceDocument = {
  title: "CORZ Earnings Review: Core Scientific, Inc. 2026 Q1",
  publisher: "Belcourt (machine-written earnings review)",
  date: "2026-05-07",
  url: "https://belcourt.vercel.app/CORZ/earnings/2026Q1-review-claude",
  grade: "secondary",
};

export const MUSKOGEE_EXPANSION_PRESS: SourceDocument = {
  title: "Core Scientific Strengthens AI Push With Polaris Acquisition",
  publisher: "CoinLaw",
  date: "2026-05-07",
  url: "https://coinlaw.io/core-scientific-polaris-acquisition.md",
  grade: "secondary",
};

// ---- Secondary: valuation inputs (segment data, debt, tax, market, peers) --------------------

export const CORZ_SEGMENTS_AGGREGATOR: SourceDocument = {
  title: "Core Scientific, Inc. CORZ Business Segments",
  publisher: "Open Capital (data aggregator of the company's filed segment data)",
  date: "2026-05-06",
  dateNote: "page undated; its latest column is Q1 2026, reported 2026-05-06",
  url: "https://www.opencapital.sh/stocks/corz/metrics/segments?change=qoq&detail=detailed",
  grade: "secondary",
};

export const CORZ_FINANCIALS_AGGREGATOR: SourceDocument = {
  title: "CORZ financials (income statement by year)",
  publisher: "VCP Scanner (data aggregator)",
  date: "2026-05-06",
  dateNote: "page undated; it reports 2026Q1, released 2026-05-06",
  url: "https://vcpscanner.com/stock/corz/financials",
  grade: "secondary",
};

export const Q1_2025_CALL_METRICS: SourceDocument = {
  title: "CORZ earnings call transcript FY2025 Q1 (key metrics)",
  publisher: "Intellectia",
  date: "2025-05-07",
  dateNote: "page undated; 2025-05-07 is the call date in the page address",
  url: "https://intellectia.ai/stock/CORZ/earnings/transcript-FY2025Q1-2025-05-07",
  grade: "secondary",
};

export const COREWEAVE_2031_NOTES_8K: SourceDocument = {
  title: "8-K: CoreWeave Inc reports material event",
  publisher: "viralles.com (copy of CoreWeave's Form 8-K)",
  date: "2025-07-25",
  dateNote: "page undated; 2025-07-25 is the issue date the 8-K reports",
  url: "https://viralles.com/sec-filings/CRWV/8-k-core-weave-inc-reports-material-event-cf6f4d9220a4.html",
  grade: "secondary",
};

export const COREWEAVE_CONVERTIBLE_PRICING: SourceDocument = {
  title: "CoreWeave Prices $2.25B Convertible Note Offering to Fund Growth and Buy Optional Upsize",
  publisher: "Benzinga via Webull (copy of CoreWeave's pricing release)",
  date: "2025-12-09",
  url: "https://www.webull.com.my/news-detail/13996781813867520",
  grade: "secondary",
};

export const TREASURY_10Y_2026_05_26: SourceDocument = {
  title: "US Treasury Yields Slide as Markets Weigh Iran De-escalation Prospects",
  publisher: "EL7.AI (market news digest)",
  date: "2026-05-26",
  url: "https://el7.ai/en/news/2026-05-26-us-treasury-yields-slide-as-markets-weigh-iran-de-escalation-prospects",
  grade: "secondary",
};

export const IRS_CORPORATE_RATE: SourceDocument = {
  title: "2017 fiscal tax year filers must use blended corporate tax rates",
  publisher: "Internal Revenue Service (IRS.gov)",
  date: "2018-04-13",
  dateNote: "page undated in the stored copy; 2018-04-13 is the date it gives for the revised forms it lists",
  url: "https://www.irs.gov/forms-pubs/2017-fiscal-tax-year-filers-must-use-blended-corporate-tax-rates",
  grade: "secondary",
};

export const TEXAS_FRANCHISE_RATES_2026: SourceDocument = {
  title: "US Texas issues new franchise tax rates, threshold caps for 2026-27",
  publisher: "RegFollower (summary of the Texas Comptroller's rate table)",
  date: "2026-01-01",
  dateNote: "page undated; 2026-01-01, the start of the 2026 report year whose rates it gives, is used",
  url: "https://regfollower.com/us-texas-issues-new-franchise-tax-rates-threshold-caps-for-2026-27",
  grade: "secondary",
};

export const EQUINIX_Q4_2025_SUMMARY: SourceDocument = {
  title: "Equinix Q4 2025 results (Zacks summary)",
  publisher: "Reportify (copy of a Zacks summary)",
  date: "2026-02-11",
  dateNote: "page undated; 2026-02-11 is the date of the Equinix results it summarises",
  url: "https://reportify.ai/news/1219504629038190592",
  grade: "secondary",
};
