// The customer's side of the analysis (rules.md revision 2): roadmap titles of its rules, the
// assessment's questions and reasons about personas, data provenance, consent and personalization.
export const custrules: Record<string, string> = {
  'customer.roadmap.title.cover-persona': 'Design the missing touchpoints for {persona}',
  'customer.roadmap.title.sync-consent': 'Synchronise the consent choices (opt-ins and opt-outs) from {tool} to {targets}',
  'customer.roadmap.title.sync-consent.many': 'Synchronise the consent choices (opt-ins and opt-outs) recorded in {tools} with every tool that contacts customers',
  'customer.roadmap.title.stop-restricted': 'Stop restricted data flowing from {from} to {to}',
  'customer.roadmap.title.first-party': 'Feed {touchpoint} with first-party audiences from {hub}',
  'customer.roadmap.title.first-party.no-hub': 'Build first-party audiences for {touchpoint}',
  'customer.roadmap.title.freshen': 'Bring data to and from {touchpoint} as fast as it is needed',
  'customer.roadmap.title.feed': 'Personalize {touchpoint} on the customer profile from {hub}',
  'customer.roadmap.title.experiments': 'Personalization experiments with the data you already have: {touchpoints}',
  'customer.roadmap.title.experiments.one': 'A personalization experiment with the data you already have: {touchpoints}',

  'customer.question.personas': 'Who is the journey for? Name the main personas, the stages each goes through and the touchpoints where the company meets them.',
  'customer.question.personalized': 'Is {touchpoint} tailored to the individual customer today (personalized), or the same for everyone?',
  'customer.question.needs': 'How fresh must customer data be at {touchpoint}: as it happens, within the hour, the day, the week?',
  'customer.question.party': 'Where does {data} come from: our own customers (first party), a partner (second party) or a data provider (third party)?',
  'customer.question.restricted': 'May {data} be used freely, or does a contract or a law restrict its use (which, in words)?',
  'customer.question.third-party-cookies': 'Does {tool} work on third-party cookies?',

  // The client deliverable's headline per rule (src/report/summary.ts `deliverable.problem.<rule>`).
  'deliverable.problem.persona-gap': 'Some customers meet nothing of the company at a stage of their journey: {names}',
  'deliverable.problem.consent-not-synced': 'Opt-outs recorded in {names} do not reach every tool that contacts customers',
  'deliverable.problem.consent-not-synced.choice': 'Consent choices recorded in {names} do not reach every tool that contacts customers',
  'deliverable.problem.restricted-data-flow': 'Data that may not leave its system is copied: {names}',
  'deliverable.problem.third-party-dependence': '{names} run only on third-party cookies or bought data',
  'deliverable.problem.freshness-gap': 'Customer data arrives later than it is needed at {names}',
  'deliverable.problem.personalization-opportunity': 'Personalization is possible today with the data already there: {names}',
  'deliverable.problem.blind-personalization': '{names} personalize without the customer profile',
};
