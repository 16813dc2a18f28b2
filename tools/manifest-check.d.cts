// Types for manifest-check.cjs (plain CommonJS so that tools/validate.mjs can run it with node).

export interface ManifestProblem {
  /** The rule broken: xml, root, id, version, host, requirements, resources, resid, https,
   *  runtime, custom-functions, namespace, shared-runtime, build-outputs, icons. */
  readonly rule: string;
  readonly message: string;
}

export interface CheckOptions {
  /** Where the build is served; https://localhost:3000/ by default. */
  readonly baseUrl?: string;
  /** The files served at baseUrl (see buildOutputs); when given, every URL under baseUrl must be one. */
  readonly served?: readonly string[];
  /** The custom functions' namespace; "CORZ" by default. */
  readonly namespace?: string;
}

export interface ManifestSummary {
  readonly type: string | undefined;
  readonly id: string | undefined;
  readonly version: string | undefined;
  readonly hosts: readonly string[];
  readonly requirementSets: ReadonlyArray<{ readonly name: string; readonly minVersion: string | undefined }>;
  readonly defaultSourceLocation: string | undefined;
  readonly iconUrls: ReadonlyArray<string | undefined>;
  /** <SupportUrl DefaultValue>: the help home. */
  readonly supportUrl: string | undefined;
  readonly runtimes: ReadonlyArray<{ readonly resid: string | undefined; readonly lifetime: string | undefined }>;
  readonly customFunctions:
    | { readonly script?: string; readonly page?: string; readonly metadata?: string; readonly namespace?: string }
    | undefined;
  readonly functionFiles: ReadonlyArray<string | undefined>;
  readonly taskpaneSources: ReadonlyArray<string | undefined>;
  readonly resources: {
    readonly images: Readonly<Record<string, string>>;
    readonly urls: Readonly<Record<string, string>>;
    readonly shortStrings: Readonly<Record<string, string>>;
    readonly longStrings: Readonly<Record<string, string>>;
  };
}

export function checkManifest(xml: string, options?: CheckOptions): ManifestProblem[];
export function readManifest(xml: string): ManifestSummary;
export function buildOutputs(rootDir: string): string[];
/** Every file under `dir` (a build's output), relative to it with "/" separators. */
export function filesUnder(dir: string): string[];
export const DEV_BASE_URL: string;
export const NAMESPACE: string;
