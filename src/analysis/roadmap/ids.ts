// The ids the roadmap gives the initiatives it generates (rules.md "Roadmap"): a kind of change,
// then what it is about: retire-x, connect-x, consolidate-x, designate-sot-x, replatform, ... Each
// rule's plan declares the ids it proposes (`plan.initiatives`, src/analysis/rules/<id>.ts); the
// steps of the roadmap that are no rule's declare theirs here. The registry (rules/index.ts) joins
// both for the loader's rule catalog (an authored initiative may depend on a generated one), and
// PlanContext.draft() refuses an id its proposer did not declare, so the lists cannot drift.

/** The platform step (platform.ts): a replatform with its pilot, or establishing a hub. */
export const PLATFORM_INITIATIVES = ['replatform', 'replatform-pilot', 'establish-hub'] as const;
/** Consent and restricted-data initiatives for findings no rule plan took (size.ts proposeCompliance). */
export const COMPLIANCE_INITIATIVES = ['sync-consent', 'stop-restricted'] as const;
/** Groups of many small initiatives and the CRM adoption of a small stack (size.ts fitToSize). */
export const SIZE_INITIATIVES = ['agree-sources-of-truth', 'reduce-licenses', 'retire-orphans', 'establish-hub', 'connect-to-hub',
  // Programmes of many same-kind initiatives on a very large stack (size.ts groupMany).
  'retirements', 'connect-department', 'automate-manual', 'stop-restricted-flows', 'realtime-department',
  'finish-retirements', 'freshen-department', 'feed-department', 'cover-department'] as const;

/** Whether `id` is one of `declared` (`connect` declares `connect` and `connect-<anything>`). */
export function isDeclaredInitiative(id: string, declared: readonly string[]): boolean {
  return declared.some((p) => id === p || (id.startsWith(p) && id[p.length] === '-'));
}
