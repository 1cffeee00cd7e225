/** Stable forever: Office identifies the add-in by it across versions. */
export declare const ADDIN_ID = "6f1d2c3a-8b4e-4f5a-9c7d-2e3b4a5c6d7e";
export declare const DEFAULT_ORIGIN = "https://localhost:8787";
/** "1.2.3" → "1.2.3.0": the manifest wants four parts. */
export declare function manifestVersion(packageVersion: string): string;
export declare function normalizeOrigin(url: string): string;
export declare function buildManifest(origin: string, version: string): string;
export declare function packageVersion(): string;
