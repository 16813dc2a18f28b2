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

export type MetricKey = "revenue" | "ebitda" | "ev" | "market_cap" | "mw_active" | "mw_contracted" | "backlog";

export const METRICS: readonly { key: MetricKey; label: string; unit: "USD" | "MW" }[] = [
  { key: "revenue", label: "Revenue (annual)", unit: "USD" },
  { key: "ebitda", label: "EBITDA (annual)", unit: "USD" },
  { key: "ev", label: "Enterprise value", unit: "USD" },
  { key: "market_cap", label: "Market capitalisation", unit: "USD" },
  { key: "mw_active", label: "MW active", unit: "MW" },
  { key: "mw_contracted", label: "MW contracted", unit: "MW" },
  { key: "backlog", label: "Backlog / contracted revenue", unit: "USD" },
];

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
  readonly figures: Partial<Readonly<Record<MetricKey, Figure>>>;
  /** Third-party published multiples, dated; used only where EV is not available. */
  readonly published?: Partial<Readonly<Record<"ev_revenue" | "ev_ebitda", Figure>>>;
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
/** Third-party multiples on one date: each is a market snapshot, not a filing. */
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
      revenue: { value: 1.92e9, period: "FY2024", source: CRWV_S1, asOf: "2025-03" },
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
      },
    },
    notes: ["End-2024: 360 MW active, 250k+ GPUs."],
  },
  {
    id: "core-scientific",
    name: "Core Scientific",
    aliases: ["CORZ"],
    group: "hpc-host",
    businessModel: "Former bitcoin miner hosting CoreWeave's GPUs under 12-year contracts (the subject).",
    relativeValue: "The company being valued; shown for reference, left out of its own peer statistics.",
    figures: {
      revenue: { value: 319.0e6, period: "FY2025", source: CORZ_FY2025, asOf: "2026-03-02" },
      mw_contracted: { value: 590, period: "2025-12-31", source: CORZ_Q4, asOf: "2026-03-02", note: "About 590 MW contracted to CoreWeave." },
      backlog: { value: 8.7e9, period: "contract", source: CORZ_CONTRACT, asOf: "2026-03-02", note: "At least $8.7B." },
    },
    notes: ["FY2024 revenue $510.7M. ~1.3 GW portfolio. CoreWeave's all-stock offer (~$9B, 2025-07) was voted down on 2025-10-30."],
  },
  {
    id: "applied-digital",
    name: "Applied Digital",
    aliases: ["APLD"],
    group: "hpc-host",
    businessModel: "Builds and leases HPC data centres: 400 MW to CoreWeave (~$11B, ~15 years) and 200 MW to a hyperscaler (~$5B).",
    relativeValue: "The closest listed peer to Core Scientific's hosting model.",
    figures: {
      revenue: {
        value: 144.2e6,
        period: "FY2025 (to May 2025)",
        source: cite(
          doc("Applied Digital 10-K for the year to 2025-05-31, summary on Reportify (secondary)", "https://reportify.ai/financials/1148163898231361536"),
          "FY2025 revenue $144.2M",
        ),
        asOf: "2025-05-31",
      },
      mw_contracted: { value: 600, period: "2025", source: APLD_PF2, asOf: "2025" },
      backlog: { value: 16e9, period: "2025", source: `${APLD_COREWEAVE}; ${APLD_PF2}`, asOf: "2025", note: "~$11B (CoreWeave, 400 MW) + ~$5B (hyperscaler, 200 MW)." },
    },
  },
  {
    id: "iren",
    name: "IREN",
    aliases: ["Iris Energy"],
    group: "hpc-host",
    businessModel: "Bitcoin miner turned AI cloud and HPC host, with 2.9 GW of secured power.",
    relativeValue: "A converted-miner peer with a hyperscaler contract (Microsoft, $9.7B over 5 years).",
    figures: {
      revenue: {
        value: 501.0e6,
        period: "FY2025 (to June 2025)",
        source: cite(doc("IREN FY2025 results, reported by TS2 (secondary)", "https://ts2.tech/?p=20431944"), "FY2025 revenue $501.0M; ~2.91 GW of power"),
        asOf: "2025-06-30",
      },
      backlog: {
        value: 9.7e9,
        period: "2025",
        source: cite(
          doc("IREN, \"IREN Reports Q1 FY26 Results\" (GlobeNewswire, 2025-11-06; copy on Live News)", "https://livenews.co.nz/2025/11/07/nz-au-iren-reports-q1-fy26-results"),
          "$9.7bn contract with Microsoft, 5-year average term",
        ),
        asOf: "2025",
        note: "Microsoft contract, $9.7B over 5 years.",
      },
    },
    published: {
      ev_revenue: {
        value: 5.4,
        period: "2026-05-10",
        source: published("\"IREN vs Nebius valuation 2026\"", "https://toptierstrategy.com/blog/iren-vs-nebius-valuation-2026", "IREN EV/sales 5.43x"),
        asOf: "2026-05-10",
      },
    },
    notes: ["2.9 GW secured is power, not critical IT load: not used as MW."],
  },
];

/** The company the peers value. */
export const SUBJECT_ID = "core-scientific";
