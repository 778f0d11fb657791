// Money in the analysis: integers in minor units (cents) so that totals never drift; major units
// (as JSON carries them) only at the edges.

/** Major units (as findings carry them) to minor units, without floating-point drift. */
export const toMinor = (major: number): number => Math.round(major * 100);
/** Minor units to major units for JSON output. */
export const toMajor = (minor: number): number => Math.round(minor) / 100;
