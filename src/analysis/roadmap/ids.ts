// The ids the roadmap gives the initiatives it generates (rules.md "Roadmap"): a kind of change,
// then what it is about: retire-x, connect-x, consolidate-x, designate-sot-x, replatform,
// establish-hub, ... An authored initiative may depend on one of them (`depends_on`); the loader
// asks the analysis through its RuleCatalog, so that it need not know the roadmap.
const GENERATED = /^(retire|connect|consolidate|designate-sot|replace-manual|realtime|pilot|replatform|assign-owner|cover|measure|license|governance|upgrade|establish-hub)(-|$)/;

/** Whether an id is one the roadmap generates (a plan may propose it for some workspace). */
export function isGeneratedInitiativeId(id: string): boolean {
  return GENERATED.test(id);
}
