/**
 * The public documents the model's data cites, each with its name, publisher, date and an
 * address anyone can open. Sheets, functions and the task pane show these strings, so a source
 * is never a path inside this repository.
 *
 * Every address below was read (the page, or a verbatim copy of it) before it was cited, and
 * points at the page where the figure stands. Where that page is a press or aggregator copy of a
 * filing or release, the name says "(secondary)". A figure that only the seed brief gives says
 * so with SEED_BRIEF, which has no address because the brief is not a public document.
 */

/** A public document: what it is (title, publisher, date) and where to open it. */
export interface PublicDoc {
  readonly name: string;
  /** An absolute http(s) address. */
  readonly url: string;
}

/**
 * A source as shown to the user: "name: detail <address>". The address is delimited by angle
 * brackets, as RFC 3986 (appendix C) recommends for addresses in plain text, so punctuation
 * around it (a "; " between two sources) never reads as part of it:
 * cite({ name: "Luxor, 2025-12", url: "https://hashrateindex.com/blog" }, "hashprice $39.82") is
 * "Luxor, 2025-12: hashprice $39.82 <https://hashrateindex.com/blog>".
 */
export function cite(doc: PublicDoc, detail?: string): string {
  return `${doc.name}${detail ? `: ${detail}` : ""} <${doc.url}>`;
}

/** The analyst brief this add-in was created from. It is not public: cite it by name only. */
export const SEED_BRIEF = "Seed brief (the analyst brief this add-in was created from; not a public document)";

// ---- Core Scientific and CoreWeave: the contracts ---------------------------------------

export const CORZ_JUNE_2024_UPDATE: PublicDoc = {
  name: "Core Scientific June 2024 production and operations update, reported by Investing.com (secondary)",
  url: "https://investing.com/news/company-news/core-scientific-secures-47-billion-in-hpc-hosting-deals-93CH-3509041",
};

export const CORZ_Q2_2024: PublicDoc = {
  name: "Core Scientific, \"Core Scientific Announces Fiscal Second Quarter 2024 Results\" (Business Wire, 2024-08-07)",
  url: "https://businesswire.com/news/home/20240807926379/en/Core-Scientific-Announces-Fiscal-Second-Quarter-2024-Results",
};

export const CORZ_OPTION3_8K: PublicDoc = {
  name: "Core Scientific, \"Core Scientific Announces Exercise of Final Contract Option by CoreWeave\" (8-K exhibit, SEC EDGAR, 2024-10-22)",
  url: "https://www.sec.gov/Archives/edgar/data/1839341/000162828024043341/corescientifichpcoption3re.htm",
};

/** The Q3 2024 results release, read in two verbatim copies: each figure cites the copy it was read in. */
export const CORZ_Q3_2024_GSN: PublicDoc = {
  name: "Core Scientific, \"Core Scientific Announces Fiscal Third Quarter 2024 Results\" (Business Wire, 2024-11-06; copy on Green Stock News)",
  url: "https://greenstocknews.com/news/nasdaq/corz/core-scientific-announces-fiscal-third-quarter-2024-results",
};

export const CORZ_Q3_2024_FT: PublicDoc = {
  name: "Core Scientific, \"Core Scientific Announces Fiscal Third Quarter 2024 Results\" (Business Wire, 2024-11-06; copy on FT Markets)",
  url: "https://markets.ft.com/data/announce/detail?dockey=600-202411061610BIZWIRE_USPRX____20241106_BW108210-1",
};

export const CORZ_MUSKOGEE_2024_11: PublicDoc = {
  name: "Core Scientific, \"Core Scientific and Port Muskogee Break Ground on 100 MW HPC Data Center\" (Business Wire, 2024-11-18)",
  url: "https://www.businesswire.com/news/home/20241118256980/en/Core-Scientific-and-Port-Muskogee-Break-Ground-on-100-MW-HPC-Data-Center",
};

export const CORZ_Q4_2024: PublicDoc = {
  name: "Core Scientific, \"Core Scientific Announces Fiscal Fourth Quarter and Full Fiscal Year 2024 Results\" (Business Wire, 2025-02-26; copy on Stock Titan)",
  url: "https://www.stocktitan.net/news/CORZ/core-scientific-announces-fiscal-fourth-quarter-and-full-fiscal-year-zhk82ouyspqh.html",
};

export const CORZ_Q4_2024_CALL: PublicDoc = {
  name: "Core Scientific Q4 2024 earnings call, 2025-02-26, summary on Intellectia (secondary)",
  url: "https://intellectia.ai/stock/CORZ/earnings/transcript-FY2024Q4-2025-02-26",
};

export const CORZ_Q4_2024_SUMMARY: PublicDoc = {
  name: "Core Scientific Q4 2024 results (2025-02-26), earnings summary on Fintool (secondary)",
  url: "https://fintool.com/app/research/companies/CORZ/earnings/Q4%202024",
};

export const CORZ_Q1_2025: PublicDoc = {
  name: "Core Scientific, \"Core Scientific Announces Fiscal First Quarter 2025 Results\" (Business Wire, 2025-05-07; Dow Jones copy on Tiger Brokers)",
  url: "https://www.itiger.com/news/2533966466",
};

export const CORZ_Q2_2025: PublicDoc = {
  name: "Core Scientific, \"Core Scientific Announces Fiscal Second Quarter 2025 Results\" (Business Wire, 2025-08-08)",
  url: "https://secure.businesswire.com/news/home/20250808196314/en/Core-Scientific-Announces-Fiscal-Second-Quarter-2025-Results",
};

export const CORZ_Q3_2025_8K: PublicDoc = {
  name: "Core Scientific, \"Core Scientific Announces Fiscal Third Quarter 2025 Results\" (8-K exhibit, 2025-10-24, Core Scientific investor site)",
  url: "https://investors.corescientific.com/sec-filings/all-sec-filings/content/0001628280-25-046263/q32025corescientificinc-ea.htm",
};

export const CORZ_Q4_2025: PublicDoc = {
  name: "Core Scientific, \"Core Scientific Announces Fourth Quarter Fiscal Year 2025 Results\" (Business Wire, 2026-03-02)",
  url: "https://www.businesswire.com/news/home/20260302157124/en/Core-Scientific-Announces-Fourth-Quarter-Fiscal-Year-2025-Results",
};

export const CORZ_MARCH_2024_UPDATE: PublicDoc = {
  name: "Core Scientific, \"Core Scientific Announces March 2024 Production and Operations Updates\" (Business Wire, 2024-04; copy on Stock Titan)",
  url: "https://www.stocktitan.net/news/CORZ/core-scientific-announces-march-2024-production-and-operations-pw7le1i6g3no.html",
};

// ---- Inputs that are not Core Scientific's own ------------------------------------------

export const STATISTA_PUE_2024: PublicDoc = {
  name: "Uptime Institute Global Data Center Survey 2024, charted by Statista, \"Global data center average annual PUE 2007-2024\"",
  url: "https://www.statista.com/statistics/1229367/data-center-average-annual-pue-worldwide/",
};

export const STATISTA_EIA_INDUSTRIAL_2023: PublicDoc = {
  name: "US EIA, average retail electricity price for industrial consumers 1970-2023, charted by Statista (2024-03-18)",
  url: "https://www.statista.com/statistics/190680/us-industrial-consumer-price-estimates-for-retail-electricity-since-1970/",
};

export const FITCH_COREWEAVE_2025_05: PublicDoc = {
  name: "Fitch Ratings, first-time 'BB-' rating for CoreWeave, senior unsecured notes 'RR4' (2025-05-19; copy on CreditRiskMonitor)",
  url: "https://info.creditriskmonitor.com/NewsStory.aspx?NewsId=53703712",
};

export const MOODYS_COREWEAVE_2025_05: PublicDoc = {
  name: "Moody's Ba3 corporate family rating for CoreWeave (May 2025), reported by Investing.com (Vietnamese edition, secondary)",
  url: "https://vn.investing.com/news/stock-market-news/coreweave-nhan-xep-hang-ba3-cfr-tu-moodys-trai-phieu-khong-dam-bao-15-ty-usd-xep-hang-b1-93CH-2372529",
};

export const CBRE_NA_DC_TRENDS_H2_2024: PublicDoc = {
  name: "CBRE, \"North America Data Center Trends H2 2024\" (2025-02-26)",
  url: "https://www.cbre.com/insights/reports/north-america-data-center-trends-h2-2024",
};

export const FACILITIES_DIVE_CBRE_2025_02: PublicDoc = {
  name: "Facilities Dive on CBRE's North America Data Center Trends H2 2024 (2025-02)",
  url: "https://facilitiesdive.com/news/data-center-supply-construction-surg-2024-ai-boom-cbre-vertiv-Tecogen/741654",
};

// ---- Bitcoin mining ------------------------------------------------------------------------

export const HRI_2022_REVIEW: PublicDoc = {
  name: "Hashrate Index (Luxor), 2022 Bitcoin Mining Year in Review (2023-01-11), reported by Investing.com (secondary)",
  url: "https://investing.com/news/cryptocurrency-news/hashrate-index-releases-2022-bitcoin-mining-year-in-review-2980525",
};

export const HRI_2023_REVIEW: PublicDoc = {
  name: "Hashrate Index (Luxor), 2023 Bitcoin Mining Year in Review, reported by No BS Bitcoin (secondary)",
  url: "https://www.nobsbitcoin.com/hashrate-index-2023-bitcoin-mining-year-in-review/",
};

export const HRI_ROUNDUP_2024_12_23: PublicDoc = {
  name: "Hashrate Index Roundup (Luxor, 2024-12-23)",
  url: "https://hashrateindex.com/blog/hashrate-index-roundup-december-23-2024",
};

export const LUXOR_LOOKBACK_2025_11: PublicDoc = {
  name: "Luxor Hashrate Lookback Series, November 2025 (Hashrate Index, 2025-12)",
  url: "https://hashrateindex.com/blog/luxor-hashrate-lookback-series-november-2025",
};

// ---- Published multiples (Peers sheet notes) ----------------------------------------------

export const DATACENTRES_INVESTMENT_GUIDE: PublicDoc = {
  name: "Datacentres.com, \"Data Centre Investment Guide: REITs, Private Equity, and Valuation Frameworks\" (undated)",
  url: "https://www.datacentres.com/guides/data-centre-investment-guide",
};

export const AIRTRUNK_SALE_2024_09: PublicDoc = {
  name: "Bloomberg via Data Center Knowledge, \"Blackstone to Buy Australia's AirTrunk in $16B Deal\" (2024-09-05)",
  url: "https://datacenterknowledge.com/deals/blackstone-to-buy-australia-s-airtrunk-in-16b-deal",
};
