// Types for version.cjs (plain CommonJS so that npm scripts run it with node).
export function nextVersion(current: string, how: string): string;
export function manifestVersion(version: string): string;
