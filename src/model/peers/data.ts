/**
 * The relative-value peer set: every company the seed names, CoreWeave and Core Scientific
 * themselves, and HPC hosts that signed similar leases. Each number carries its source, its
 * period and its as-of date; what no source gives is left out (n/a), never guessed.
 * Market values move daily: the Peers sheet lets the user type current values over these.
 *
 * Business-model and relative-value notes paraphrase the seed brief. Every source names a
 * public document and its address (secondary copies say so); none is a path in this repository.
 */
import { CORZ_OPTION3_8K, CORZ_Q4_2024_SUMMARY, CORZ_Q1_2025, CORZ_Q2_2025, CORZ_Q3_2025_8K, CORZ_Q4_2025, PublicDoc, cite } from "../sources";

export type PeerGroup = "hyperscaler" | "gpu-cloud" | "ai-silicon-cloud" | "colocation-reit" | "hpc-host";

export const PEER_GROUPS: readonly PeerGroup[] = ["hyperscaler", "gpu-cloud", "ai-silicon-cloud", "colocation-reit", "hpc-host"];

export const GROUP_LABELS: Readonly<Record<PeerGroup, string>> = {
  hyperscaler: "Hyperscaler cloud",
  "gpu-cloud": "GPU cloud",
  "ai-silicon-cloud": "AI silicon cloud",
  "colocation-reit": "Colocation / data-centre REIT",
  "hpc-host": "HPC host (powered shell for GPU clouds)",
};

/** A sourced number. Money in USD, capacity in MW. */
export interface Figure {
  readonly value: number;
  /** What the number covers, e.g. "FY2025", "Q4 2025", "2025-12-31". */
  readonly period: string;
  readonly source: string;
  /** When the source published it (YYYY-MM-DD or YYYY-MM). */
  readonly asOf: string;
  readonly note?: string;
}

/** A third party's multiple: who published it and when are part of what the user sees. */
export interface PublishedMultiple extends Figure {
  /** The publisher and the date of its market data, e.g. "Top Tier Strategy, 2026-05-10". */
  readonly publisher: string;
}

/**
 * The one period every HPC host's revenue is taken for: the calendar quarter ended 2026-03-31,
 * annualised (x4). Where a host's fiscal quarter ends on another date, its figure's period says
 * which quarter was used (Applied Digital: the quarter ended 2026-02-28).
 */
export const MATCHED_PERIOD = { label: "quarter ended 2026-03-31, annualised (x4)", short: "Q1 2026 x4", quarterEnd: "2026-03-31" } as const;

export type MetricKey = "revenue" | "ebitda" | "ev" | "market_cap" | "debt" | "cash" | "mw_active" | "mw_contracted" | "backlog";

/**
 * The metrics, in the Peers sheet's column order. Enterprise value is derived (market value +
 * debt - cash, each a dated input), never typed: it comes last, after the inputs.
 */
export const METRICS: readonly { key: MetricKey; label: string; unit: "USD" | "MW"; derived?: true }[] = [
  { key: "market_cap", label: "Market value (market capitalisation)", unit: "USD" },
  { key: "debt", label: "Debt", unit: "USD" },
  { key: "cash", label: "Cash", unit: "USD" },
  { key: "revenue", label: `Revenue (annual; HPC hosts: ${MATCHED_PERIOD.short})`, unit: "USD" },
  { key: "ebitda", label: "EBITDA (annual)", unit: "USD" },
  { key: "mw_contracted", label: "MW contracted", unit: "MW" },
  { key: "mw_active", label: "MW energised", unit: "MW" },
  { key: "backlog", label: "Backlog (contracted revenue)", unit: "USD" },
  { key: "ev", label: "Enterprise value (market value + debt - cash)", unit: "USD", derived: true },
];

/** The metrics a source gives or a user types (all but the derived enterprise value). */
export const INPUT_METRICS = METRICS.filter((m) => !m.derived);

export interface Peer {
  readonly id: string;
  readonly name: string;
  /** Other names it is looked up by (case and spacing are forgiven anyway). */
  readonly aliases: readonly string[];
  readonly group: PeerGroup;
  /** For a segment of a larger company: the parent, which alone has a market value. */
  readonly segmentOf?: string;
  readonly businessModel: string;
  readonly relativeValue: string;
  /** Sourced inputs. Enterprise value is never one (it is market value + debt - cash): no "ev" here. */
  readonly figures: Partial<Readonly<Record<MetricKey, Figure>>>;
  /** Third-party published multiples, with publisher and date; used only where we have no EV. */
  readonly published?: Partial<Readonly<Record<"ev_revenue" | "ev_ebitda", PublishedMultiple>>>;
  /** Facts kept for the reader that are not annual figures (quarters, partial years). */
  readonly notes?: readonly string[];
}

const doc = (name: string, url: string): PublicDoc => ({ name, url });

const CRWV_S1 = cite(
  doc("CoreWeave IPO prospectus (424B4, SEC EDGAR, March 2025)", "https://www.sec.gov/Archives/edgar/data/1769628/000119312525067651/d899798d424b4.htm"),
  "FY2024 revenue",
);
const CRWV_Q4 = cite(
  doc(
    "CoreWeave Q4 2025 results, reported by Zacks on Nasdaq.com (2026-03-06, secondary)",
    "https://www.nasdaq.com/articles/coreweaves-668b-backlog-boosts-long-term-growth-outlook",
  ),
  "backlog $66.8B; more than 850 MW active and more than 3.1 GW contracted at the end of 2025",
);
const CRWV_FY2025 = cite(
  doc("Bakshi Finance, CoreWeave (CRWV) company page (2026-04, secondary)", "https://www.bakshi-finance.co.il/stocks/crwv.en.html"),
  "FY2025 revenue $5.13B (FY2024 $1.92B)",
);
const CORZ_Q4 = cite(CORZ_Q4_2025, "~590 MW to CoreWeave by early 2027");
const CORZ_FY2025 = `FY2025 revenue is the sum of the four 2025 quarterly releases: ${[
  cite(CORZ_Q1_2025, "Q1 $79.5M"),
  cite(CORZ_Q2_2025, "Q2 $78.6M"),
  cite(CORZ_Q3_2025_8K, "Q3 $81.1M"),
  cite(CORZ_Q4_2025, "Q4 $79.8M"),
].join("; ")}`;
const CORZ_CONTRACT = `${cite(CORZ_OPTION3_8K, "~$8.7B over 12-year terms for ~500 MW")}; ${cite(
  CORZ_Q4_2024_SUMMARY,
  "raised to more than $10B with ~590 MW in February 2025, hence \"at least\"",
)}`;
const DOCN_FY2025 = cite(
  doc("DigitalOcean Q4 2025 earnings call (2026-02-26), reported by The Markets Daily (secondary)", "https://www.themarketsdaily.com/2026/02/26/digitalocean-q4-earnings-call-highlights.html"),
  "FY2025 revenue $901M, adjusted EBITDA $375M",
);
const APLD_PF2 = cite(
  doc(
    "Applied Digital, \"Applied Digital Announces $5 Billion AI Factory Lease with U.S.-Based Investment Grade Hyperscaler at Polaris Forge 2\" (GlobeNewswire, 2025-10-22)",
    "https://www.globenewswire.com/news-release/2025/10/22/3171024/0/en/Applied-Digital-Announces-5-Billion-AI-Factory-Lease-with-U-S-Based-Investment-Grade-Hyperscaler-at-Polaris-Forge-2-ND-Campus.html",
  ),
  "200 MW for ~$5B over ~15 years; 600 MW leased in total",
);
const APLD_COREWEAVE = cite(
  doc("Benzinga, Applied Digital's Polaris Forge 2 lease (2025-10-22, secondary)", "https://www.benzinga.com/trading-ideas/movers/25/10/48354016/applied-digitals-polaris-forge-2-campus-secures-15-year-5-billion-contract"),
  "the CoreWeave lease expanded to 400 MW, ~$11B",
);
/** Stock Analysis statistics pages: market value on a date (secondary market data). */
const STOCK_ANALYSIS = (company: string, date: string, url: string): PublicDoc => doc(`Stock Analysis, ${company} statistics (market data of ${date}, secondary)`, url);
const CORZ_Q4_2024_PR = doc(
  "Core Scientific, \"Core Scientific Announces Fiscal Fourth Quarter and Full Fiscal Year 2024 Results\" (2025-02-26; copy on Stock Titan)",
  "https://www.stocktitan.net/news/CORZ/core-scientific-announces-fiscal-fourth-quarter-and-full-fiscal-year-zhk82ouyspqh.html",
);
const CORZ_Q1_2026_REVIEW = doc("Belcourt, Core Scientific Q1 2026 earnings review (2026-05-06, AI-generated, secondary)", "https://belcourt.vercel.app/CORZ/earnings/2026Q1-review-claude");
const APLD_TIPRANKS = doc("TipRanks, Applied Digital Q2 FY2026 earnings (2026-01, secondary)", "https://fastly.tipranks.com/stocks/APLD/earnings");
const IREN_Q1_FY26 = doc("IREN, \"IREN Reports Q1 FY26 Results\" (GlobeNewswire, 2025-11-06; copy on Live News)", "https://livenews.co.nz/2025/11/07/nz-au-iren-reports-q1-fy26-results");
const IREN_Q2_FY26 = doc("Zacks on Nasdaq.com, IREN's Q2 FY2026 results (2026-02, secondary)", "https://www.nasdaq.com/articles/irens-q2-loss-wider-expected-revenues-decline-q-q");
const CIFR_Q3_2025 = doc("Fintool, Cipher Mining Q3 2025 earnings (secondary)", "https://fintool.com/app/research/companies/CIFR/earnings/Q3%202025");
const CIFR_FLUIDSTACK = cite(
  doc("Quiver Quantitative, Cipher Mining's 10-year HPC agreement with Fluidstack (2025-09, secondary)", "https://www.quiverquant.com/news/Cipher+Mining+Secures+%243+Billion+in+Revenue+with+10-Year+HPC+Agreement+and+Google+Investment"),
  "Fluidstack 168 MW of critical IT, 10 years, ~$3B",
);
const CIFR_ADDON = cite(
  doc("BeyondSPX, Cipher Mining's $830M add-on with Fluidstack (2025-11, secondary)", "https://beyondspx.com/quote/CIFR/news/cipher-mining-secures-830-million-ai-hosting-deal-with-fluidstack-expanding-to-full-300-mw-site"),
  "+39 MW of critical IT, ~$830M",
);
const WULF_Q3_2025 = doc("TeraWulf, \"TeraWulf Reports Third Quarter 2025 Results\" (2025-11; copy on MENAFN)", "https://menafn.com/1110323255/Terawulf-Reports-Third-Quarter-2025-Results");
const WULF_FY2025 = doc("TeraWulf, \"TeraWulf Reports Fourth Quarter and Full Year 2025 Results\" (2026-02-26; copy on Investing News)", "https://investingnews.com/terawulf-reports-fourth-quarter-and-full-year-2025-results/");
const HUT_10Q = doc("Hut 8 10-Q for the quarter to 2026-03-31, summary on Stock Titan (secondary)", "https://www.stocktitan.net/sec-filings/HUT/10-q-hut-8-corp-quarterly-earnings-report-dbcfba973171.html");
const HUT_BEACON = cite(
  doc("Reuters, Hut 8's $9.8B Beacon Point lease (2026-05-06; text on Twimm, secondary)", "https://twimm.cz/socialarb/newsfilter_articles?id=58f4afa9b7f058fddc397b6b412287fe"),
  "597 MW and ~$16.8B contracted in all",
);
const GLXY_Q3_2025 = doc("Galaxy, \"Galaxy Announces Third Quarter 2025 Financial Results\" (2025-10)", "https://investor.galaxy.com/news-releases/news-release-details/galaxy-announces-third-quarter-2025-financial-results");
const GLXY_Q1_2026 = doc("Galaxy, first quarter 2026 results (2026-04-28; on FT Markets)", "https://markets.ft.com/data/announce/full?dockey=600-202604280700CANADANWCANADAPR_C8781-1");
const RIOT_AMD = doc("Riot Platforms, fee-simple land acquisition and first data centre lease with AMD (2026-01-16), on Stock Titan (secondary)", "https://www.stocktitan.net/news/RIOT/riot-announces-fee-simple-acquisition-of-land-and-first-data-center-lifxve642vej.html");
const RIOT_10Q = doc("Riot Platforms 10-Q for the quarter to 2025-09-30, summary on Stock Titan (secondary)", "https://www.stocktitan.net/sec-filings/RIOT/10-q-riot-platforms-inc-quarterly-earnings-report-80dcf961df3b.html");
/** Third-party multiples on one date: each is a market snapshot, not a filing. */
const TOP_TIER = "Top Tier Strategy, 2026-05-10";
const published = (name: string, url: string, detail: string) =>
  cite(doc(`Top Tier Strategy, ${name} (market data of 2026-05-10, third party)`, url), detail);

export const PEERS: readonly Peer[] = [
  {
    id: "aws",
    name: "AWS",
    aliases: ["Amazon Web Services", "Amazon"],
    group: "hyperscaler",
    segmentOf: "Amazon.com, Inc.",
    businessModel: "The largest public cloud; sells GPU capacity (EC2 accelerated instances) and managed ML (SageMaker) inside a broad service catalogue.",
    relativeValue: "The high-end reference: far broader than CoreWeave, which competes as a GPU-only specialist for particular workloads.",
    figures: {
      revenue: {
        value: 128.7e9,
        period: "FY2025",
        source: cite(doc("Amazon Q4 2025 results (2026-02-05), summary on Filmogaz (secondary)", "https://www.filmogaz.com/135558"), "AWS FY2025 sales $128.7B"),
        asOf: "2025-12-31",
      },
      backlog: {
        value: 244e9,
        period: "2025-12-31",
        source: cite(
          doc("Amazon Q4 2025 earnings call (2026-02-05), transcript on The Motley Fool", "https://www.fool.com/earnings/call-transcripts/2026/02/05/amazon-amzn-q4-2025-earnings-call-transcript/"),
          "AWS backlog $244B",
        ),
        asOf: "2025-12-31",
      },
    },
    notes: ["FY2024 revenue $107.6B; Q4 2025 operating income $12.5B (a quarter, and operating income, not EBITDA)."],
  },
  {
    id: "dgx-cloud",
    name: "NVIDIA DGX Cloud",
    aliases: ["DGX Cloud", "NVIDIA", "NVDA"],
    group: "gpu-cloud",
    segmentOf: "NVIDIA Corporation",
    businessModel: "On-demand NVIDIA AI supercomputing, run on partners' data centres (CoreWeave among them).",
    relativeValue: "A close peer in AI compute and a CoreWeave partner; NVIDIA's hardware sales dominate its numbers, so only the service commitments are comparable.",
    figures: {
      backlog: {
        value: 26e9,
        period: "2025-10-26",
        source: cite(
          doc("NVIDIA 10-Q for the quarter to 2025-10-26, reported by QNC News (secondary)", "https://www.qncnews.com/nvidia-signs-26-billion-in-multi%e2%80%91year-cloud-server-deals"),
          "$26B of multi-year cloud service agreements",
        ),
        asOf: "2025-10-26",
        note: "Multi-year cloud service commitments (NVIDIA buying cloud capacity), not DGX Cloud revenue backlog.",
      },
    },
    notes: ["DGX Cloud revenue is not disclosed separately."],
  },
  {
    id: "google-cloud",
    name: "Google Cloud",
    aliases: ["GCP", "Google", "Alphabet"],
    group: "hyperscaler",
    segmentOf: "Alphabet Inc.",
    businessModel: "Top-three public cloud with GPU instances and its own TPUs for deep learning.",
    relativeValue: "Larger and broader; comparable on AI infrastructure, with TPUs an alternative to the GPU-only offer.",
    figures: {
      revenue: {
        value: 58.7e9,
        period: "FY2025",
        source: cite(
          doc("Alphabet 10-K for 2025, segment information (SEC EDGAR, accession 0001652044-26-000018)", "https://www.sec.gov/Archives/edgar/data/1652044/000165204426000018/R42.htm"),
          "Google Cloud revenue $58,705M, operating income $13,910M",
        ),
        asOf: "2025-12-31",
      },
      backlog: {
        value: 240e9,
        period: "2025-12-31",
        source: cite(
          doc("Alphabet Q4 2025 results (2026-02-04), reported by DQ India (secondary)", "https://www.dqindia.com/news/alphabet-surpasses-usd-400-billion-annual-revenue-as-ai-and-cloud-demand-soar-11080092"),
          "Google Cloud backlog $240B",
        ),
        asOf: "2025-12-31",
      },
    },
    notes: ["FY2025 operating income $13.9B (operating income, not EBITDA)."],
  },
  {
    id: "azure",
    name: "Microsoft Azure",
    aliases: ["Azure", "MSFT Azure", "Microsoft"],
    group: "hyperscaler",
    segmentOf: "Microsoft Corporation",
    businessModel: "Public cloud with ND-series GPU and FPGA services, sold into Microsoft's enterprise base.",
    relativeValue: "A formidable competitor for enterprise AI at much larger scale.",
    figures: {
      revenue: {
        value: 75e9,
        period: "FY2025 (to June 2025)",
        source: cite(
          doc("Microsoft FY2025 results (2025-07-30), reported by Rolling Out (secondary)", "https://rollingout.com/2025/07/30/microsoft-just-exposed-its-biggest-money/"),
          "Azure surpassed $75B of annual revenue",
        ),
        asOf: "2025-06-30",
        note: "Reported as more than $75B: a lower bound.",
      },
    },
  },
  {
    id: "lambda",
    name: "Lambda",
    aliases: ["Lambda Labs"],
    group: "gpu-cloud",
    businessModel: "GPU cloud for AI research and ML, plus GPU hardware for on-premises clusters.",
    relativeValue: "Among the most direct comparisons to CoreWeave: the same GPU-cloud focus at smaller scale.",
    figures: {},
    notes: ["Private: revenue and EBITDA are not disclosed."],
  },
  {
    id: "paperspace",
    name: "Paperspace (DigitalOcean)",
    aliases: ["Paperspace", "DigitalOcean", "DOCN"],
    group: "gpu-cloud",
    segmentOf: "DigitalOcean Holdings (figures are DigitalOcean's)",
    businessModel: "GPU cloud platform for developers and ML teams, owned by DigitalOcean.",
    relativeValue: "A close, smaller GPU/AI peer; its figures here are the whole of DigitalOcean.",
    figures: {
      revenue: { value: 901e6, period: "FY2025", source: DOCN_FY2025, asOf: "2025-12-31" },
      ebitda: { value: 375e6, period: "FY2025 (adjusted)", source: DOCN_FY2025, asOf: "2025-12-31" },
    },
  },
  {
    id: "cerebras",
    name: "Cerebras",
    aliases: ["Cerebras Systems"],
    group: "ai-silicon-cloud",
    businessModel: "Wafer-scale AI processors sold as systems and as cloud capacity for large-model training.",
    relativeValue: "Different architecture, same AI training buyers; still scaling and concentrated on one customer.",
    figures: {
      revenue: {
        value: 78.7e6,
        period: "FY2023",
        source: cite(
          doc(
            "Cerebras S-1 (September 2024), reported by CNBC (copy on Newsio, 2024-10-11, secondary)",
            "https://newsio.com/2024/10/11/cerebras-ipo-has-too-much-hair-as-ai-chipmaker-tries-to-sell-wall-street-on-nvidia-alternative",
          ),
          "2023 revenue $78.7M; H1 2024 $136.4M, 87% from G42",
        ),
        asOf: "2024-09",
      },
    },
    notes: ["H1 2024 revenue $136.4M, 87% from G42 (a half-year: not used in multiples)."],
  },
  {
    id: "digital-realty",
    name: "Digital Realty",
    aliases: ["DLR", "Digital Realty Trust"],
    group: "colocation-reit",
    businessModel: "Data-centre REIT leasing space, power and interconnection, increasingly to AI and HPC tenants.",
    relativeValue: "Much larger landlord; hosts GPU clouds rather than competing with them, the closest model to Core Scientific's hosting.",
    figures: {},
    notes: [
      `Q4 2025 revenue $1.6B and adjusted EBITDA $857M (a quarter: not used in multiples): ${cite(
        doc("Digital Realty, \"Digital Realty Reports Fourth Quarter 2025 Results\" (GlobeNewswire, 2026-02-05; copy on Finviz)", "https://finviz.com/news/302077/digital-realty-reports-fourth-quarter-2025-results"),
      )}`,
      `310 data centres at 2025-12-31: ${cite(
        doc("Digital Realty Q4 2025 financial supplement (8-K exhibit 99.1, SEC EDGAR, 2026-02-05)", "https://www.sec.gov/Archives/edgar/data/1297996/000110465926010887/dlr-20260205xex99d1.htm"),
      )}`,
    ],
  },
  {
    id: "equinix",
    name: "Equinix",
    aliases: ["EQIX"],
    group: "colocation-reit",
    businessModel: "Global colocation and interconnection REIT.",
    relativeValue: "Infrastructure host and partner to specialised compute providers, at far larger scale.",
    figures: {
      revenue: {
        value: 9.217e9,
        period: "FY2025",
        source: cite(
          doc(
            "Equinix, \"Equinix Provides Robust 2026 Outlook Driven by Strong Fourth-Quarter Results\" (2026-02-11)",
            "https://investor.equinix.com/news-events/press-releases/detail/1096/equinix-provides-robust-2026-outlook-driven-by-strong",
          ),
          "2025 revenues $9.217B",
        ),
        asOf: "2025-12-31",
      },
    },
    notes: [
      `Q4 2025 adjusted EBITDA $1.19B (a quarter: not used in multiples): ${cite(
        doc("Equinix Q4 2025 results, Zacks summary on Reportify (secondary)", "https://reportify.ai/news/1219504629038190592"),
      )}`,
    ],
  },
  {
    id: "coreweave",
    name: "CoreWeave",
    aliases: ["CRWV"],
    group: "gpu-cloud",
    businessModel: "GPU cloud for AI, ML and visual effects; Core Scientific's tenant for ~500 MW of hosting.",
    relativeValue: "The subject's customer and the reference valuation for AI infrastructure.",
    figures: {
      revenue: { value: 5.13e9, period: "FY2025", source: CRWV_FY2025, asOf: "2025-12-31", note: "Matched to the end-2025 MW and backlog beside it (FY2024 was $1.92B)." },
      mw_active: { value: 850, period: "2025-12-31", source: CRWV_Q4, asOf: "2025-12-31", note: "Reported as more than 850 MW." },
      mw_contracted: { value: 3100, period: "2025-12-31", source: CRWV_Q4, asOf: "2025-12-31", note: "Reported as more than 3.1 GW." },
      backlog: { value: 66.8e9, period: "2025-12-31", source: CRWV_Q4, asOf: "2025-12-31" },
    },
    published: {
      ev_revenue: {
        value: 6.8,
        period: "2026-05-10",
        source: published("\"Nebius vs CoreWeave valuation 2026\"", "https://toptierstrategy.com/blog/nebius-vs-coreweave-valuation-2026", "CoreWeave EV/sales 6.80x"),
        asOf: "2026-05-10",
        publisher: TOP_TIER,
        note: "Used only while CoreWeave has no market value, debt and cash of ours to make an EV from.",
      },
    },
    notes: ["End-2024: 360 MW active, 250k+ GPUs.", `FY2024 revenue $1.92B: ${CRWV_S1}`],
  },
  {
    id: "core-scientific",
    name: "Core Scientific",
    aliases: ["CORZ"],
    group: "hpc-host",
    businessModel: "Former bitcoin miner hosting CoreWeave's GPUs under 12-year contracts (the subject).",
    relativeValue: "The company being valued; shown for reference, left out of its own peer statistics.",
    figures: {
      market_cap: {
        value: 5.61e9,
        period: "close of 2026-01-22",
        source: cite(STOCK_ANALYSIS("Core Scientific (CORZ)", "2026-01-22", "https://stockanalysis.com/stocks/corz/statistics"), "market cap $5.61B at $18.08, 310.06M shares"),
        asOf: "2026-01-22",
      },
      debt: {
        value: 460e6 + 625e6 + 3.3e9,
        period: "instruments at issue, 2024-08 to 2026-04",
        source: [
          cite(doc("Core Scientific 8-K (August 2024), on Futu News (secondary)", "https://news.futunn.com/notice/300793209/8-k-current-report"), "$460M 3.00% convertible senior notes due 2029"),
          cite(CORZ_Q4_2024_PR, "$625M 0% convertible notes offering"),
          cite(
            doc("Newscord, \"Core Scientific seeks $3.3 billion junk bond sale to build AI data centers\" (2026-04-21, secondary)", "https://newscord.org/article/core-scientific-seeks-33-billion-junk-bond-sale-to-build-ai-data-centers--Story_20260421_CoreScientifictooffe21174af2"),
            "~$3.3B senior secured notes due 2031",
          ),
        ].join("; "),
        asOf: "2026-04-21",
        note: "Face value of the instruments listed: $460M 3.00% convertible notes due 2029 + $625M 0% convertible notes due 2031 (amounts at issue; outstanding amounts not found) + ~$3.3B senior secured notes due 2031 (launched 2026-04-21; coupon and closing not confirmed in a filing). Total debt at a balance-sheet date was not found.",
      },
      cash: {
        value: 1.04e9,
        period: "after the notes closed (Q1 2026 results, 2026-05-06)",
        source: cite(CORZ_Q1_2026_REVIEW, "liquidity ~$1.04B"),
        asOf: "2026-05-06",
        note: "Liquidity as the review reports it (may include more than cash); the only 2026 figure found.",
      },
      revenue: {
        value: 115.2e6 * 4,
        period: `Q1 2026 (quarter ended 2026-03-31) x4`,
        source: `${cite(CORZ_Q1_2026_REVIEW, "Q1 2026 revenue $115.2M, colocation $77.5M")}; ${cite(
          doc("Dexalot blog, Core Scientific's Q1 2026 (secondary)", "https://dexalot-aws.com/en/blog/core-scientific-bitcoin-ai-transition-q1-2026"),
          "revenue split",
        )}`,
        asOf: "2026-05-06",
        note: "Quarter revenue $115.2M annualised x4.",
      },
      mw_contracted: { value: 590, period: "2025-12-31", source: CORZ_Q4, asOf: "2026-03-02", note: "About 590 MW contracted to CoreWeave." },
      mw_active: { value: 350, period: "to 2026-03-02", source: cite(CORZ_Q4_2025, "energized ~350 MW of power for CoreWeave to date"), asOf: "2026-03-02", note: "Energised, not all billing (243 MW billing in May 2026 per a secondary review)." },
      backlog: { value: 10.2e9, period: "contract (12-year terms)", source: `${CORZ_CONTRACT}; ${cite(CORZ_Q1_2026_REVIEW, "~$10.2B over 12 years")}`, asOf: "2026-05-06", note: "About $10.2B over 12 years." },
    },
    notes: [`FY2025 revenue $319.0M (the sum of the four quarters): ${CORZ_FY2025}`, "FY2024 revenue $510.7M. ~1.3 GW portfolio. CoreWeave's all-stock offer (~$9B, 2025-07) was voted down on 2025-10-30."],
  },
  {
    id: "applied-digital",
    name: "Applied Digital",
    aliases: ["APLD"],
    group: "hpc-host",
    businessModel: "Builds and leases HPC data centres: 400 MW to CoreWeave (~$11B, ~15 years) and 200 MW to a hyperscaler (~$5B).",
    relativeValue: "The closest listed peer to Core Scientific's hosting model.",
    figures: {
      market_cap: {
        value: 10.71e9,
        period: "close of 2026-01-26",
        source: cite(STOCK_ANALYSIS("Applied Digital (APLD)", "2026-01-26", "https://stockanalysis.com/stocks/apld/statistics"), "market cap $10.71B at $38.29, 279.59M shares"),
        asOf: "2026-01-26",
      },
      debt: {
        value: 2.35e9 + 2.15e9,
        period: "instruments at issue, 2025-11 to 2026-03",
        source: [
          cite(APLD_TIPRANKS, "$2.35B 9.25% senior secured notes due 2030 (APLD ComputeCo)"),
          cite(doc("Applied Digital 8-K (2026-03-04), summary on SEC Watch (secondary)", "https://secwatch.observer/filing/0001493152-26-008772.md"), "$2.15B 6.750% senior secured notes due 2031 (Polaris Forge 2)"),
        ].join("; "),
        asOf: "2026-03-10",
        note: "Face value of the instruments listed: $2.35B 9.25% notes due 2030 + $2.15B 6.750% notes due 2031. Leaves out the $1.59B 7.000% notes of June 2026 (after the other dates), $900M drawn on the Macquarie preferred facility and older balance-sheet debt. Total debt at a balance-sheet date was not found.",
      },
      cash: { value: 2.3e9, period: "2025-11-30", source: cite(APLD_TIPRANKS, "liquidity $2.3B of cash, cash equivalents and restricted cash"), asOf: "2026-01", note: "Includes restricted cash." },
      revenue: {
        value: 126.6e6 * 4,
        period: "Q3 FY2026 (quarter ended 2026-02-28) x4",
        source: cite(doc("Applied Digital Q3 FY2026 results, 8-K summary on SEC Watch (secondary)", "https://secwatch.observer/filing/0001144879-26-000029.md"), "revenue $126.6M (+139% y/y)"),
        asOf: "2026-04",
        note: "Fiscal quarter to 2026-02-28 (its nearest to the matched quarter) annualised x4.",
      },
      mw_contracted: { value: 600, period: "2025", source: APLD_PF2, asOf: "2025" },
      mw_active: { value: 100, period: "Q2 FY2026 (to 2025-11-30)", source: cite(APLD_TIPRANKS, "Polaris Forge 1's first building ready for service, 100 MW"), asOf: "2026-01" },
      backlog: { value: 16e9, period: "2025", source: `${APLD_COREWEAVE}; ${APLD_PF2}`, asOf: "2025", note: "~$11B (CoreWeave, 400 MW) + ~$5B (hyperscaler, 200 MW)." },
    },
    notes: [
      `FY2025 (to May 2025) revenue $144.2M: ${cite(doc("Applied Digital 10-K for the year to 2025-05-31, summary on Reportify (secondary)", "https://reportify.ai/financials/1148163898231361536"))}`,
    ],
  },
  {
    id: "iren",
    name: "IREN",
    aliases: ["Iris Energy"],
    group: "hpc-host",
    businessModel: "Bitcoin miner turned AI cloud and HPC host, with 2.9 GW of secured power.",
    relativeValue: "A converted-miner peer with a hyperscaler contract (Microsoft, $9.7B over 5 years); it runs the GPUs itself, so it is a GPU-cloud host rather than a landlord.",
    figures: {
      market_cap: {
        value: 13.23e9,
        period: "close of 2025-12-26",
        source: cite(STOCK_ANALYSIS("IREN (IREN)", "2025-12-26", "https://stockanalysis.com/stocks/iren/statistics"), "market cap $13.23B at $40.30, 328.34M shares"),
        asOf: "2025-12-26",
      },
      debt: {
        value: 875e6 + 2.3e9 + 500e6 - 544.3e6,
        period: "instruments at 2025-12-08",
        source: [
          cite(doc("IREN, \"IREN Prices $875 Million Convertible Notes Offering\" (2025-10-09; copy on wallstreet-online)", "https://www.wallstreet-online.de/nachricht/20013357-iren-prices-875-million-convertible-notes-offering"), "$875M 0.00% convertible notes due 2031"),
          cite(doc("IREN closes $2.3B convertible notes offering (2025-12-08), on Stock Titan (secondary)", "https://www.stocktitan.net/news/IREN/iren-closes-2-3-billion-convertible-notes-offering-and-the-vo3lwu04km43.html"), "$2.3B notes due 2032 and 2033; ~$544.3M of existing notes repurchased"),
          cite(doc("IREN $500M convertible notes (June 2025), on Reportify (secondary)", "https://reportify.ai/news/1130184934926061568"), "$500M 3.50% convertible notes due 2029"),
        ].join("; "),
        asOf: "2025-12-08",
        note: "Face value of the instruments listed: $875M due 2031 + $2.3B due 2032/2033 + $500M due 2029 - ~$544.3M of existing notes repurchased. Leaves out the $3.6B GPU financing of February 2026 (amount drawn not found). Total debt at a balance-sheet date was not found.",
      },
      cash: { value: 3.26e9, period: "2025-12-31", source: cite(IREN_Q2_FY26, "cash $3.26B at 2025-12-31"), asOf: "2026-02" },
      mw_contracted: {
        value: 200,
        period: "2025-11-06",
        source: cite(IREN_Q1_FY26, "Microsoft contract served from Childress Horizon 1-4, 200 MW of critical IT"),
        asOf: "2025-11-06",
        note: "Critical IT for the Microsoft GPU cloud contract (a service IREN runs, not a lease).",
      },
      backlog: { value: 9.7e9, period: "2025", source: cite(IREN_Q1_FY26, "$9.7bn contract with Microsoft, 5-year average term"), asOf: "2025", note: "Microsoft contract, $9.7B over 5 years." },
    },
    notes: [
      `Revenue for the quarter ended 2026-03-31 (Q3 FY2026) was not found, so IREN has no matched revenue; Q2 FY2026 (to 2025-12-31) was $184.7M: ${cite(IREN_Q2_FY26)}`,
      `FY2025 (to June 2025) revenue $501.0M: ${cite(doc("IREN FY2025 results, reported by TS2 (secondary)", "https://ts2.tech/?p=20431944"))}`,
      "2.9 GW secured is power, not critical IT load: not used as MW. MW energised for AI cloud: not found.",
      "Top Tier Strategy's EV/sales for IREN (5.43x, 2026-05-10) is no longer used: IREN has an EV of ours.",
    ],
  },
  {
    id: "cipher",
    name: "Cipher Digital",
    aliases: ["CIFR", "Cipher Mining", "Cipher"],
    group: "hpc-host",
    businessModel: "Bitcoin miner (renamed Cipher Digital in February 2026) leasing HPC capacity to AWS and to Fluidstack with Google's backstop.",
    relativeValue: "A converted-miner landlord like Core Scientific, with hyperscaler and Google-backed tenants.",
    figures: {
      market_cap: {
        value: 6.94e9,
        period: "close of 2026-01-23",
        source: cite(STOCK_ANALYSIS("Cipher Mining (CIFR)", "2026-01-23", "https://stockanalysis.com/stocks/cifr/statistics"), "market cap $6.94B at $17.57, 395.09M shares"),
        asOf: "2026-01-23",
      },
      debt: {
        value: 1.733e9 + 1.1e9 + 150e6,
        period: "instruments at issue, 2025-05 to 2025-11",
        source: [
          cite(doc("Cipher Mining completes $333M senior notes add-on (8-K, 2025-11-24), on Investing.com (secondary)", "https://ng.investing.com/news/sec-filings/cipher-mining-completes-333-million-senior-notes-offering-for-texas-facility-93CH-2225860"), "$1.4B + $333M 7.125% senior secured notes due 2030, $1.733B in all"),
          cite(doc("Blockspace, \"Cipher Mining upsizes 0% convertible note offering to $1.1 billion\" (2025-09, secondary)", "https://blockspace.media/insight/cipher-mining-upsizes-0-convertible-note-offering-to-1-1-billion"), "$1.1B 0.00% convertible notes due 2031"),
          cite(doc("Dow Jones on Tiger Brokers, Cipher Mining convertible notes (2025-05, secondary)", "https://www-web.itiger.com/news/2537193462"), "$150M 1.75% convertible notes due 2030"),
        ].join("; "),
        asOf: "2025-11-24",
        note: "Face value of the instruments listed: $1.733B 7.125% secured notes due 2030 + $1.1B 0% convertible notes due 2031 (a later summary says $1.3B with the option) + $150M 1.75% convertible notes due 2030. Total debt at a balance-sheet date was not found.",
      },
      cash: { value: 1.207e9, period: "2025-09-30", source: cite(CIFR_Q3_2025, "cash $1.207B at 2025-09-30"), asOf: "2025-11" },
      revenue: {
        value: 34.84e6 * 4,
        period: "Q1 2026 (quarter ended 2026-03-31) x4",
        source: cite(doc("Allmind, Cipher Q1 2026 results (secondary)", "https://allmind.ai/news/70bc6bf558464db0f47020bd904ec83f011ff504df0e844ea74a67b3ce7739d5"), "Q1 2026 revenue $34.84M"),
        asOf: "2026-05",
        note: "Quarter revenue $34.84M annualised x4; mostly bitcoin mining, HPC rent starts later in 2026.",
      },
      mw_contracted: {
        value: 300 + 168 + 39,
        period: "2025-11",
        source: [cite(CIFR_Q3_2025, "AWS 300 MW, 15 years, ~$5.5B"), CIFR_FLUIDSTACK, CIFR_ADDON].join("; "),
        asOf: "2025-11",
        note: "AWS 300 MW (reported without an IT/gross split) + Fluidstack 168 MW + 39 MW of critical IT.",
      },
      backlog: {
        value: 5.5e9 + 3.0e9 + 0.83e9,
        period: "2025-11",
        source: [cite(CIFR_Q3_2025, "AWS ~$5.5B"), CIFR_FLUIDSTACK, CIFR_ADDON].join("; "),
        asOf: "2025-11",
        note: "Sum of the three leases' values (~$5.5B + ~$3.0B + ~$0.83B); secondary pages quote $8.5B and $11.4B.",
      },
    },
    notes: ["FY2025 revenue $223.9M, all bitcoin mining. MW energised for HPC: none found billing yet."],
  },
  {
    id: "terawulf",
    name: "TeraWulf",
    aliases: ["WULF"],
    group: "hpc-host",
    businessModel: "Bitcoin miner leasing HPC capacity at Lake Mariner (NY) to Fluidstack, backstopped by Google, and to Core42; Abernathy (TX) in a joint venture.",
    relativeValue: "A converted-miner landlord with Google-backed leases: the closest analogue to Core Scientific's CoreWeave contracts.",
    figures: {
      market_cap: {
        value: 5.4e9,
        period: "close of 2026-01-22",
        source: cite(STOCK_ANALYSIS("TeraWulf (WULF)", "2026-01-22", "https://stockanalysis.com/stocks/wulf/statistics"), "market cap $5.40B at $12.89, 418.68M shares"),
        asOf: "2026-01-22",
      },
      debt: {
        value: 3.2e9 + 1060.2e6 + 1.025e9,
        period: "2025-09-30 (convertibles) and October 2025 (new notes)",
        source: [
          cite(doc("TeraWulf 10-Q, XBRL note (SEC EDGAR)", "https://www.sec.gov/Archives/edgar/data/1083301/000108330125000099/R26.htm"), "$3.2B 7.750% senior secured notes due 2030 (WULF Compute)"),
          cite(WULF_Q3_2025, "convertible notes, carrying value $1,060.2M at 2025-09-30"),
          cite(doc("Easy Market Analysis, TeraWulf filings timeline (secondary)", "https://www.easymarketanalysis.com/sentiment-timeline/wulf"), "closed $1.025B 0.00% convertible senior notes due 2032 on 2025-10-31"),
        ].join("; "),
        asOf: "2025-10-31",
        note: "Face value of the instruments listed: $3.2B 7.750% secured notes due 2030 + the convertible notes on the 2025-09-30 balance sheet at their carrying value of $1,060.2M (face not found) + $1.025B 0% convertible notes due 2032 issued after it. Total debt at a balance-sheet date was not found.",
      },
      cash: {
        value: 711.3e6,
        period: "2025-09-30",
        source: cite(WULF_Q3_2025, "cash $711.3M at 2025-09-30"),
        asOf: "2025-11",
        note: "Before the $3.2B notes closed: cash from them not yet spent is missing here, so the EV is high by that much. Type the latest cash over it.",
      },
      revenue: {
        value: 34e6 * 4,
        period: "Q1 2026 (quarter ended 2026-03-31) x4",
        source: cite(doc("TeraWulf Q1 2026 results, reported on BXJ (2026-05-08, secondary)", "https://t.bxjddjt.com/news/detail/terawulf-q1-hpc-revenue-surpasses-bitcoin-mining-for-the-first-time-loss-of-20947668"), "Q1 2026 revenue ~$34M, HPC lease revenue $21M"),
        asOf: "2026-05-08",
        note: "Quarter revenue of about $34M annualised x4.",
      },
      mw_contracted: { value: 522, period: "2026-02-26", source: cite(WULF_FY2025, "522 critical IT MW contracted, more than $12.8B of contracted revenue"), asOf: "2026-02-26", note: "Critical IT." },
      backlog: { value: 12.8e9, period: "2026-02-26", source: cite(WULF_FY2025, "more than $12.8B of contracted revenue"), asOf: "2026-02-26", note: "Reported as more than $12.8B." },
    },
    notes: ["MW energised for HPC: not found (HPC lease revenue is being recognised)."],
  },
  {
    id: "hut-8",
    name: "Hut 8",
    aliases: ["HUT", "Hut 8 Corp"],
    group: "hpc-host",
    businessModel: "Bitcoin miner and power developer leasing HPC campuses: River Bend (LA) to Fluidstack with Google's backstop, Beacon Point (TX) to an investment-grade tenant.",
    relativeValue: "A converted-miner landlord with long triple-net leases; nothing energised for them yet.",
    figures: {
      market_cap: {
        value: 6.0e9,
        period: "2026-02-10",
        source: cite(doc("Trefis, Hut 8 (HUT) company data (2026-02-10, secondary)", "https://www.trefis.com/data/companies/HUT"), "market cap $6.0B at $56.55"),
        asOf: "2026-02-10",
      },
      debt: {
        value: 200e6 + 159.3e6,
        period: "2026-03-31",
        source: cite(HUT_10Q, "$200M Coinbase credit facility; $159.3M convertible note"),
        asOf: "2026-03-31",
        note: "Face value of the instruments listed: the $200M Coinbase credit facility + the $159.3M convertible note. Total debt was not found.",
      },
      cash: { value: 160.0e6, period: "2026-03-31", source: cite(HUT_10Q, "cash $160.0M"), asOf: "2026-03-31", note: "Cash only: 16,331 bitcoin (carrying value $1.11B) are left out." },
      revenue: { value: 71.0e6 * 4, period: "Q1 2026 (quarter ended 2026-03-31) x4", source: cite(HUT_10Q, "Q1 2026 revenue $71.0M"), asOf: "2026-05", note: "Quarter revenue $71.0M annualised x4." },
      mw_contracted: { value: 245 + 352, period: "2026-05-06", source: HUT_BEACON, asOf: "2026-05-06", note: "River Bend 245 MW of IT + Beacon Point 352 MW." },
      backlog: { value: 16.8e9, period: "2026-05-06", source: HUT_BEACON, asOf: "2026-05-06", note: "River Bend ~$7.0B + Beacon Point $9.8B (15-year terms)." },
    },
    notes: ["MW energised for these leases: none yet (River Bend commissioning from Q2 2027)."],
  },
  {
    id: "galaxy",
    name: "Galaxy Digital",
    aliases: ["GLXY", "Galaxy"],
    group: "hpc-host",
    businessModel: "Digital-asset financial firm building the Helios campus (TX), leased to CoreWeave.",
    relativeValue: "A CoreWeave landlord like Core Scientific, but most of its value is a crypto financial business: its EV per MW overstates the data centres.",
    figures: {
      market_cap: {
        value: 8.29e9,
        period: "close of 2026-02-20",
        source: cite(STOCK_ANALYSIS("Galaxy Digital (GLXY)", "2026-02-20", "https://stockanalysis.com/stocks/glxy/statistics"), "market cap $8.29B at $21.20, 391.10M shares (Class A and B)"),
        asOf: "2026-02-20",
      },
      debt: {
        value: 1.3e9 + 1.4e9,
        period: "instruments at issue, 2025-08 to 2025-10",
        source: [
          cite(doc("Galaxy Digital 8-K (2025-10-30), summary on SEC Watch (secondary)", "https://secwatch.observer/filing/0000950103-25-013949.md"), "$1.3B 0.50% exchangeable notes due 2031"),
          cite(GLXY_Q3_2025, "$1.4B Helios project financing"),
        ].join("; "),
        asOf: "2025-10-30",
        note: "Face value of the instruments listed: $1.3B exchangeable notes + the $1.4B Helios project financing. Total debt was not found.",
      },
      cash: { value: 2.605e9, period: "2026-03-31", source: cite(GLXY_Q1_2026, "cash and stablecoins $2,605M"), asOf: "2026-04-28", note: "Cash and stablecoins." },
      backlog: { value: 15e9, period: "2025-08", source: cite(doc("BitX Journal, Galaxy's Helios financing (2025-08, secondary)", "https://bitxjournal.com/?p=17632"), "over $1B a year, ~$15B over 15 years"), asOf: "2025-08" },
    },
    notes: [
      `MW contracted: CoreWeave committed to all 800 MW of approved power at Helios (gross power; the critical IT MW was not found, Phase I is 133 MW of critical IT), so no MW is used: ${cite(GLXY_Q3_2025)}`,
      "GAAP revenue for the matched quarter: not found (Galaxy reports adjusted gross profit).",
    ],
  },
  {
    id: "riot",
    name: "Riot Platforms",
    aliases: ["RIOT", "Riot"],
    group: "hpc-host",
    businessModel: "Large bitcoin miner starting HPC leasing at Rockdale (TX) with AMD as the first tenant.",
    relativeValue: "Early in the conversion: 25 MW contracted against a miner's market value, so its EV per contracted MW is an outlier the median resists.",
    figures: {
      market_cap: {
        value: 7.21e9,
        period: "2026-01-16",
        source: cite(RIOT_AMD, "market cap $7.21B (Argus)"),
        asOf: "2026-01-16",
      },
      debt: {
        value: 594.4e6 + 200e6,
        period: "instruments, 2024-12 to 2026-03",
        source: [
          cite(doc("Riot Platforms 8-K (December 2024), summary on SEC Watch (secondary)", "https://secwatch.observer/filing/0001558370-24-016266.md"), "$594.4M 0.75% convertible senior notes due 2030"),
          cite(RIOT_10Q, "$200M Coinbase credit facility"),
        ].join("; "),
        asOf: "2026-03",
        note: "Face value of the instruments listed: $594.4M convertible notes + the $200M Coinbase credit facility at its size (amount drawn not found). Total debt was not found.",
      },
      cash: { value: 330.7e6, period: "2025-09-30", source: cite(RIOT_10Q, "cash $330.7M at 2025-09-30"), asOf: "2025-10-30", note: "Cash only: 19,287 bitcoin ($2.20B) are left out." },
      revenue: {
        value: 167.2e6 * 4,
        period: "Q1 2026 (quarter ended 2026-03-31) x4",
        source: cite(doc("Zivfin, Riot Q1 2026 results (secondary)", "https://zivfin.com/en/news/riot-posts-167m-in-q1-revenue-as-data-center-arm-pulls-in-33m-in-first-quarter-hpa4st00"), "Q1 2026 revenue $167.2M, data centre $33.2M"),
        asOf: "2026-05",
        note: "Quarter revenue $167.2M annualised x4 (mostly bitcoin mining).",
      },
      mw_contracted: { value: 25, period: "2026-01-16", source: cite(RIOT_AMD, "AMD: 25 MW of critical IT, 10 years, ~$311M"), asOf: "2026-01-16", note: "Critical IT; expansion rights to 200 MW." },
      backlog: { value: 311e6, period: "2026-01-16", source: cite(RIOT_AMD, "~$311M over 10 years (about $1.0B with extensions)"), asOf: "2026-01-16" },
    },
    notes: ["MW energised: AMD's phase 1 has been live since January 2026 (its MW not given)."],
  },
];

/** The company the peers value. */
export const SUBJECT_ID = "core-scientific";
