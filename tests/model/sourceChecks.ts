/**
 * What makes a source string one a user can follow (not a test file: jest only runs *.test.ts):
 * no path inside this repository, and every address a well-formed http(s) address, written
 * <…> as sources.ts `cite` and record `citeFigure` write them.
 */

/** Repository paths a user cannot open. */
const REPO_PATHS: ReadonlyArray<[RegExp, string]> = [
  [/shared\//i, "shared/"],
  [/\/work\b/i, "/work"],
  [/\.txt\b/i, ".txt"],
  [/(^|[^\w.-])src\//i, "src/"],
  [/(^|[^\w.-])tests\//i, "tests/"],
  [/(^|[\s(`'"])[\w./-]+\.md\b/i, "a .md file"],
  [/seed\/\d/i, "seed/…"],
  [/domain[ -]facts/i, "the project's domain-facts notes"],
];

/** An http(s) address, delimited by <…> (as cite writes it) or bare. */
const ADDRESS = /<(https?:\/\/[^<>\s]*)>|(https?:\/\/[^<>\s]+)/gi;

export function addresses(text: string): Array<{ url: string; bracketed: boolean }> {
  return [...text.matchAll(ADDRESS)].map((m) => ({ url: m[1] ?? m[2], bracketed: m[1] !== undefined }));
}

/** Why an address is not one a user can open, or undefined when it is well-formed. */
export function malformed(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "does not parse";
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return `protocol ${u.protocol}`;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(u.hostname)) return `host "${u.hostname}"`;
  if (/[.,;:)\]}'"]$/.test(url)) return "ends in punctuation";
  return undefined;
}

/** A domain with a path but no scheme ("sec.gov/Archives/…"): half an address. */
const BARE_ADDRESS = /(^|[\s(])(www\.)?([a-z0-9-]+\.)+(com|net|org|gov|io|ai|co|tech|news|live|uk|nz|lu|it|cn|app|site)\/[\w%~-]/i;

export function problems(text: string, bracketsRequired: boolean): string[] {
  const out = REPO_PATHS.filter(([re]) => re.test(text)).map(([, what]) => `names ${what}`);
  for (const { url, bracketed } of addresses(text)) {
    const why = malformed(url);
    if (why) out.push(`address ${url} ${why}`);
    if (bracketsRequired && !bracketed) out.push(`address ${url} is not written <…> (use cite())`);
  }
  if (BARE_ADDRESS.test(text.replace(ADDRESS, " "))) out.push("has an address without https://");
  return out;
}

