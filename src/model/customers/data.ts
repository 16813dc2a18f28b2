/**
 * Customer categories and the default HPC pipeline.
 *
 * The seven categories and their example prospects are the seed's ("Core Scientific's entry
 * into the high-performance computing (HPC) market ... opens the door to a range of potential
 * customers beyond CoreWeave"). The seed names prospects, never sizes, prices, dates or odds,
 * and no public source found gives them either.
 *
 * So the DEFAULT PIPELINE IS ILLUSTRATIVE, NOT A FORECAST: one round placeholder prospect per
 * category, priced at the scenario's own CoreWeave contract price (derived from the deal, not a
 * new figure), with every number's basis written next to it. It exists so the concentration
 * maths has something to show; the Customers sheet lets the user replace every row.
 */
import { SEED_BRIEF } from "../sources";

export type CategoryId =
  | "big-tech-cloud"
  | "ai-labs"
  | "research"
  | "healthcare-biotech"
  | "financial-quant"
  | "media-gaming"
  | "government-defense";

export interface CustomerCategory {
  readonly id: CategoryId;
  readonly label: string;
  /** Example prospects the seed names for the category. */
  readonly examples: readonly string[];
  /** Why the seed sees them as customers (paraphrased). */
  readonly rationale: string;
}

/** Where the categories (and so the default pipeline) come from: the seed brief, which is not public, so it has no address. */
export const CATEGORIES_SOURCE = `${SEED_BRIEF}, potential customer categories: illustrative`;
/** When the seed brief named them (its month). */
export const CATEGORIES_AS_OF = "2024-11";

export const CATEGORIES: readonly CustomerCategory[] = [
  {
    id: "big-tech-cloud",
    label: "Big tech and cloud providers",
    examples: ["Amazon Web Services (AWS)", "Microsoft Azure", "Google Cloud", "Meta", "Apple"],
    rationale: "Expanding AI and ML offerings; they often lease third-party data-centre capacity or want dedicated capacity for particular workloads.",
  },
  {
    id: "ai-labs",
    label: "AI startups and labs",
    examples: ["OpenAI", "Anthropic", "Stability AI", "Hugging Face", "Inflection AI"],
    rationale: "Large-model developers with large compute needs that may prefer to offload infrastructure hosting to specialists.",
  },
  {
    id: "research",
    label: "Research institutions and universities",
    examples: ["Lawrence Berkeley National Laboratory", "Los Alamos National Laboratory", "University supercomputing centres"],
    rationale: "Data-intensive science (genomics, climate modelling, physics simulation) that partners with private data centres for extra compute.",
  },
  {
    id: "healthcare-biotech",
    label: "Healthcare and biotechnology",
    examples: ["Pfizer", "Moderna", "BioNTech", "Regeneron", "Insilico Medicine", "Recursion Pharmaceuticals"],
    rationale: "AI in drug discovery, genomics and diagnostics needs substantial HPC resources.",
  },
  {
    id: "financial-quant",
    label: "Financial services and quantitative firms",
    examples: ["JPMorgan Chase", "Goldman Sachs", "Citadel", "Two Sigma", "Renaissance Technologies"],
    rationale: "AI and ML for analysis, fraud detection and trading.",
  },
  {
    id: "media-gaming",
    label: "Media, entertainment and gaming",
    examples: ["Netflix", "Disney", "Sony Pictures", "Electronic Arts"],
    rationale: "Rendering, animation, visual effects and large 3-D environments need GPU capacity on demand.",
  },
  {
    id: "government-defense",
    label: "Government and defense",
    examples: ["U.S. Department of Defense", "NASA", "NSA"],
    rationale: "Cybersecurity, geospatial analysis and simulation; U.S.-based capacity helps if federal security and compliance requirements are met.",
  },
];

/** One prospect in the HPC pipeline. Money in USD, capacity in MW of critical IT load. */
export interface PipelineRow {
  readonly prospect: string;
  /** A category id (the defaults) or the user's own text. */
  readonly category: string;
  /** MW of critical IT load the prospect would take. */
  readonly mw: number;
  /** Licence fee, USD per MW per year (flat; no escalator). */
  readonly pricePerMwYear: number;
  /**
   * First calendar year billed. A whole year (2028) bills from 1 January; a fraction bills
   * part-way (2028.5 = from about 1 July).
   */
  readonly startYear: number;
  /** Years billed from startYear. */
  readonly termYears: number;
  /** Probability the prospect signs, a decimal from 0 to 1. */
  readonly probability: number;
  /** Where each number comes from. */
  readonly basis: string;
}

/** True: the default pipeline is a placeholder, never a forecast. Sheets show the label beside it. */
export const DEFAULT_PIPELINE_IS_ILLUSTRATIVE = true;
export const DEFAULT_PIPELINE_LABEL = "Illustrative, not a forecast: no source gives prospects' sizes, prices, timing or odds. Replace every row.";

/** One round placeholder per category: [category, MW, start year, term years, probability]. */
const PLACEHOLDERS: ReadonlyArray<readonly [CategoryId, number, number, number, number]> = [
  ["big-tech-cloud", 100, 2028, 10, 0.5],
  ["ai-labs", 100, 2028, 5, 0.5],
  ["research", 20, 2029, 5, 0.25],
  ["healthcare-biotech", 20, 2029, 5, 0.25],
  ["financial-quant", 20, 2029, 5, 0.25],
  ["media-gaming", 20, 2029, 5, 0.25],
  ["government-defense", 20, 2029, 5, 0.25],
];

const PLACEHOLDER_BASIS =
  "Illustrative: price = the scenario's CoreWeave contract price (derived: initial contract value / (MW x term), $8.7B / 500 MW / 12 years = $1.45M per MW-year in base); " +
  "MW, start year, term and probability are round placeholders, not from any source. The 300 MW total fits inside the 730 MW of uncontracted pipeline in base (gross power: Hunt County ~430 MW, Dalton and Pecos ~300 MW); " +
  "starts follow the 1 GW target year (2027). Example names are the seed's, not signed or rumoured deals.";

/** The prospect label of a category's placeholder row, e.g. "Big tech and cloud providers (illustrative prospect)". */
export function placeholderName(category: CategoryId): string {
  const c = CATEGORIES.find((x) => x.id === category);
  if (!c) throw new Error(`unknown category ${category}`);
  return `${c.label} (illustrative prospect)`;
}

/**
 * The default, illustrative pipeline priced at `contractPricePerMwYear` (pass the scenario's
 * `pricePerMwYear`, so the pipeline follows the deal). A new array each call.
 */
export function defaultPipeline(contractPricePerMwYear: number): PipelineRow[] {
  return PLACEHOLDERS.map(([category, mw, startYear, termYears, probability]) => ({
    prospect: placeholderName(category),
    category,
    mw,
    pricePerMwYear: contractPricePerMwYear,
    startYear,
    termYears,
    probability,
    basis: PLACEHOLDER_BASIS,
  }));
}
