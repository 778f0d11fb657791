// Types of scripts/check-data.mjs (plain JavaScript so that the build can run it before TypeScript).
/** The problems of the built-in data, one line each; [] when it holds what data/README.md promises. */
export function checkData(data: { taxonomy: unknown; catalog: unknown; dataTypes: unknown }): string[];
