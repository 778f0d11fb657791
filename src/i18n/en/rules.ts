// Finding rules: messages, recommendations and the docs `explain <rule>` prints.
// Same keys and {placeholders} in ../ja/rules.ts (a test checks it).
export const rules: Record<string, string> = {
  'rules.more': '{count} more',

  // ---- no-customer-hub -------------------------------------------------------------------
  'rules.no-customer-hub.title': 'No customer hub',
  'rules.no-customer-hub.summary': 'Fires when no tool is a customer hub: no tool says `hub: true` and no active tool has the `crm` or `customer-data-platform` capability.',
  'rules.no-customer-hub.why': 'Without a hub there is no single view of the customer. Every team works from its own list, customers are asked the same questions again, and nobody can tell what a customer is worth across channels. It also replaces the per-tool data-silo and trapped-data findings, which would all say the same thing.',
  'rules.no-customer-hub.fix': 'Choose one system as the shared customer view (usually a CRM, for larger set-ups a customer data platform), mark it `hub: true`, then connect the other tools to it step by step, starting with those that hold contact data.',
  'rules.no-customer-hub.message': 'There is no customer hub: customer data sits in {tools}, and no CRM or customer data platform brings it together, so nobody has one view of the customer.',
  'rules.no-customer-hub.message.no-data': 'There is no customer hub: no CRM or customer data platform holds a shared view of the customer.',
  'rules.no-customer-hub.recommendation': 'Choose one system as the shared customer view (a CRM or a customer data platform) and connect the other tools to it step by step.',
  'rules.no-customer-hub.recommendation.candidates': 'Choose one system as the shared customer view ({candidates} could grow into that role, or bring in a CRM) and connect the other tools to it step by step.',

  // ---- data-silo -------------------------------------------------------------------------
  'rules.data-silo.title': 'Data silo',
  'rules.data-silo.summary': 'Fires for each active or pilot tool that holds customer data, is not a hub, and is connected to no hub by any chain of integrations.',
  'rules.data-silo.why': 'What customers tell this tool never reaches the shared customer view: other teams cannot see it, reports miss it, and the customer gets treated as a stranger elsewhere.',
  'rules.data-silo.fix': 'Add an integration from the tool to the hub (or to a tool that is already connected to it) for the data that matters, or retire the tool if another one already does its job.',
  'rules.data-silo.message': '{tool} holds customer data ({data}) but is connected to no customer hub: what is learned there never reaches the shared customer view.',
  'rules.data-silo.message.island': '{tool} holds customer data ({data}) and exchanges it only with {others}; none of them is connected to a customer hub, so it never reaches the shared customer view.',
  'rules.data-silo.recommendation': 'Connect {tool} to {hub} so that its data ({data}) reaches the shared customer view, or retire it if another tool already does its job.',

  // ---- isolated-cluster ------------------------------------------------------------------
  'rules.isolated-cluster.title': 'Isolated cluster',
  'rules.isolated-cluster.summary': 'Fires once for each group of two or more tools that are connected to each other but none of them to a hub.',
  'rules.isolated-cluster.why': 'A department island: the tools share data among themselves, so the team there is well served, but the rest of the company sees none of it and the island builds its own picture of the customer.',
  'rules.isolated-cluster.fix': 'Connect the island to the hub once, through its best-connected tool; the rest of the island then reaches the hub through the links it already has (check that those links carry the data that matters).',
  'rules.isolated-cluster.message': '{tools} exchange data with each other but none of them is connected to a customer hub: a department island with its own picture of the customer.',
  'rules.isolated-cluster.message.no-hub': '{tools} exchange data with each other, but with nothing else: a department island with its own picture of the customer.',
  'rules.isolated-cluster.recommendation': 'Connect the island to {hub} through {bridge}, its best-connected tool.',
  'rules.isolated-cluster.recommendation.no-hub': 'When a customer hub is chosen, connect this island to it through {bridge}, its best-connected tool.',

  // ---- trapped-data ----------------------------------------------------------------------
  'rules.trapped-data.title': 'Trapped data',
  'rules.trapped-data.summary': 'Fires once per tool that is connected to a hub but holds data types that reach no hub, because no chain of integrations carries them there (the finding lists the types). A tool connected to no hub at all is a data silo instead.',
  'rules.trapped-data.why': 'The tool looks integrated, but part of what it knows about customers stays inside it: the shared customer view is incomplete and decisions are made without that data.',
  'rules.trapped-data.fix': 'Extend the existing integration (or add one) so that it also carries the listed data types to the hub, or decide explicitly that they do not need to be shared.',
  'rules.trapped-data.message': '{tool} is connected to the customer hub, but no chain of integrations carries its {data} data to a hub: that information stays inside {tool}.',
  'rules.trapped-data.recommendation': 'Send {data} from {tool} to {hub}, directly or through a tool that passes it on, or decide that this data does not need to be shared.',
  'rules.trapped-data.recommendation.extend': 'Extend the integration from {tool} to {hub} so that it also carries {data}, or decide that this data does not need to be shared.',

  // ---- disconnected-hubs -----------------------------------------------------------------
  'rules.disconnected-hubs.title': 'Disconnected hubs',
  'rules.disconnected-hubs.summary': 'Fires for each pair of hubs that no chain of integrations joins (hubs already connected to each other count as one).',
  'rules.disconnected-hubs.why': 'Two "single" customer views that never meet: the same customer exists twice with different data, and each team trusts its own version.',
  'rules.disconnected-hubs.fix': 'Connect the hubs (with clear sources of truth for the data both hold), or decide which one is the master and migrate the other into it.',
  'rules.disconnected-hubs.message': '{a} and {b} are both customer hubs but are not connected: the company has two separate "single" customer views that do not agree.',
  'rules.disconnected-hubs.recommendation': 'Connect {a} and {b} with a sync of the customer data both hold, or decide which one is the master and migrate the other into it.',

  // ---- manual-integration ----------------------------------------------------------------
  'rules.manual-integration.title': 'Manual integration',
  'rules.manual-integration.summary': 'Fires for each pair of tools between which customer data moves by hand (`mode: manual`: exports, spreadsheets, copy-paste).',
  'rules.manual-integration.why': 'Manual transfers are slow, error-prone and depend on one person remembering to do them; the data at the other end is always out of date, and personal data ends up in spreadsheets on laptops.',
  'rules.manual-integration.fix': 'Replace the manual step with a connector or a scheduled sync; most tools have a native integration or one through an integration platform.',
  'rules.manual-integration.message': 'Customer data ({data}) moves from {from} to {to} by hand (exports, spreadsheets, copy-paste): slow, error-prone and dependent on whoever does it.',
  'rules.manual-integration.message.both': 'Customer data ({data}) moves between {from} and {to}, both ways, by hand (exports, spreadsheets, copy-paste): slow, error-prone and dependent on whoever does it.',
  'rules.manual-integration.message.unknown': 'Data moves from {from} to {to} by hand (exports, spreadsheets, copy-paste): slow, error-prone and dependent on whoever does it.',
  'rules.manual-integration.recommendation': 'Replace the manual transfer from {from} to {to} with a connector or a scheduled sync.',

  // ---- realtime-gap ----------------------------------------------------------------------
  'rules.realtime-gap.title': 'Real-time gap',
  'rules.realtime-gap.summary': 'Fires for each in-scope touchpoint marked `realtime: true` whose tools are connected to a hub, but none of them is a hub or receives hub data through a chain of real-time links. (If none of its tools is connected to a hub at all, inconsistent-experience reports it instead.)',
  'rules.realtime-gap.why': 'The experience needs live customer data (a chat that knows the customer, an offer based on what they just bought), but the data arrives in nightly batches or second-hand: customers are served with yesterday\'s picture.',
  'rules.realtime-gap.fix': 'Upgrade the link from the hub to a tool at the touchpoint to a real-time integration (`mode: realtime`), or connect such a tool to the hub directly in real time.',
  'rules.realtime-gap.message': '{touchpoint} needs live customer data, but no tool there ({tools}) gets data from the customer hub in real time: staff and systems see an out-of-date customer.',
  'rules.realtime-gap.recommendation': 'Make the link from {hub} to {target} real-time, so that {touchpoint} sees the customer as they are now.',

  // ---- inconsistent-experience -----------------------------------------------------------
  'rules.inconsistent-experience.title': 'Inconsistent experience',
  'rules.inconsistent-experience.summary': 'Fires for each in-scope touchpoint whose tools are all connected to no hub.',
  'rules.inconsistent-experience.why': 'Staff and systems at this touchpoint cannot recognise the customer: customers repeat what they already told another team, get offers for things they own, and feel like strangers.',
  'rules.inconsistent-experience.fix': 'Connect at least one of the touchpoint\'s tools to the hub, so that the people and systems there know who the customer is.',
  'rules.inconsistent-experience.message': 'At {touchpoint}, no tool in use ({tools}) is connected to a customer hub: staff and systems there cannot recognise the customer, who has to repeat what they already told you.',
  'rules.inconsistent-experience.recommendation': 'Connect {tools} to {hub}, so that {touchpoint} knows who the customer is.',
  'rules.inconsistent-experience.recommendation.no-hub': 'Once a customer hub is chosen, connect {tools} to it, so that {touchpoint} knows who the customer is.',

  // ---- capability-overlap ----------------------------------------------------------------
  'rules.capability-overlap.title': 'Capability overlap',
  'rules.capability-overlap.summary': 'Fires for each capability that two or more active tools provide; the finding lists them and their combined annual cost.',
  'rules.capability-overlap.why': 'Paying twice for the same job, and worse: two tools give two answers (two e-mail lists, two visitor counts), teams split between them and nobody owns the result.',
  'rules.capability-overlap.fix': 'Decide which tool owns the capability, move the others\' users and data to it, and phase them out at their next renewal (redundant-tool shows which ones can go without losing anything).',
  'rules.capability-overlap.message': '{count} tools do the same job ({capability}): {tools}. Together they cost {cost} a year.',
  'rules.capability-overlap.message.partial-cost': '{count} tools do the same job ({capability}): {tools}. Together they cost at least {cost} a year (the cost of {unknown} is not known).',
  'rules.capability-overlap.message.no-cost': '{count} tools do the same job ({capability}): {tools}.',
  'rules.capability-overlap.recommendation': 'Decide which tool should own {capability} and phase out the others at their next renewal.',

  // ---- redundant-tool --------------------------------------------------------------------
  'rules.redundant-tool.title': 'Redundant tool',
  'rules.redundant-tool.summary': 'Fires for an active tool every capability of which other active tools also provide. Of tools that are redundant with each other, only those that can go together are reported: the one to keep (a hub, else the most connected, else the cheapest) gets no finding, so savings are never counted twice.',
  'rules.redundant-tool.why': 'Everything the tool does is already paid for elsewhere: its cost is a saving waiting to be taken, and one tool fewer means one login, one contract and one data copy fewer.',
  'rules.redundant-tool.fix': 'Move its users and data to the tool that stays, then cancel it at the next renewal.',
  'rules.redundant-tool.message': 'Everything {tool} does ({capabilities}) is also done by tools that stay ({others}): dropping it would save {cost} a year.',
  'rules.redundant-tool.message.no-cost': 'Everything {tool} does ({capabilities}) is also done by tools that stay ({others}): it could be dropped (its cost is not known).',
  'rules.redundant-tool.recommendation': 'Move the users and data of {tool} to {keep} and cancel {tool}.',
  'rules.redundant-tool.recommendation.renewal': 'Move the users and data of {tool} to {keep} and cancel {tool} before it renews in {renewal}.',

  // ---- source-of-truth-conflict ----------------------------------------------------------
  'rules.source-of-truth-conflict.title': 'Source-of-truth conflict',
  'rules.source-of-truth-conflict.summary': 'Fires for each data type that two or more tools (not retired) claim as their `source_of_truth`.',
  'rules.source-of-truth-conflict.why': 'When two systems both claim to be the master, nobody knows which value is right when they disagree, and each sync can overwrite good data with bad.',
  'rules.source-of-truth-conflict.fix': 'Agree on one master for the data type (usually the hub), remove the claim from the others and make them receive it from the master.',
  'rules.source-of-truth-conflict.message': '{tools} each claim to be the source of truth for {data}: when they disagree, nobody knows which value is right.',
  'rules.source-of-truth-conflict.recommendation': 'Agree on one master for {data} ({candidate} is the natural choice) and make the others copies of it.',

  // ---- no-source-of-truth ----------------------------------------------------------------
  'rules.no-source-of-truth.title': 'No source of truth',
  'rules.no-source-of-truth.summary': 'Fires for each data type that two or more active tools hold while no tool claims to be its `source_of_truth`.',
  'rules.no-source-of-truth.why': 'The "which number do we trust?" problem: two tools report different web-traffic or customer counts, and meetings are spent arguing about the figures instead of acting on them.',
  'rules.no-source-of-truth.fix': 'Declare one tool the source of truth for the data type (`source_of_truth:` on that tool) and treat the others as copies.',
  'rules.no-source-of-truth.message': '{data} is kept in {count} tools ({tools}) and none of them is its declared source of truth: which figure do we trust?',
  'rules.no-source-of-truth.recommendation': 'Declare one of them (for example {candidate}) the source of truth for {data} and treat the others as copies.',

  // ---- uncovered-touchpoint --------------------------------------------------------------
  'rules.uncovered-touchpoint.title': 'Uncovered touchpoint',
  'rules.uncovered-touchpoint.summary': 'Fires for each in-scope touchpoint that uses no tool.',
  'rules.uncovered-touchpoint.why': 'What customers do or say there is recorded nowhere (or in personal spreadsheets): it cannot be followed up, measured or shared.',
  'rules.uncovered-touchpoint.fix': 'Record which tool supports the touchpoint, or introduce one (often an existing tool can cover it, such as a CRM app for trade-fair leads).',
  'rules.uncovered-touchpoint.message': '{touchpoint} uses no tool: what customers share there ({data}) is not recorded in any system.',
  'rules.uncovered-touchpoint.message.no-data': '{touchpoint} uses no tool: what happens there is not recorded in any system.',
  'rules.uncovered-touchpoint.recommendation': 'Record which tool supports {touchpoint}, or introduce one, so that what customers share there is captured and followed up.',

  // ---- empty-stage -----------------------------------------------------------------------
  'rules.empty-stage.title': 'Empty stage',
  'rules.empty-stage.summary': 'Fires for each customer-journey stage that has no in-scope touchpoint.',
  'rules.empty-stage.why': 'The audit says nothing about how customers are served at this stage: either the company does nothing there (a gap in the journey) or the touchpoints were not recorded.',
  'rules.empty-stage.fix': 'Add the touchpoints of this stage (or bring an existing one into scope); if the company really does nothing there, that is a decision worth writing down.',
  'rules.empty-stage.message': 'The {stage} stage of the customer journey has no touchpoint: the audit does not show how customers are served there.',
  'rules.empty-stage.message.out-of-scope': 'The {stage} stage of the customer journey has no touchpoint in scope ({count} listed outside the scope): the audit does not show how customers are served there.',
  'rules.empty-stage.recommendation': 'Add the touchpoints of the {stage} stage, or write down that the company deliberately does nothing there.',
  'rules.empty-stage.recommendation.out-of-scope': 'Bring a touchpoint of the {stage} stage into scope, or add the ones that are missing.',

  // ---- unmeasured-touchpoint -------------------------------------------------------------
  'rules.unmeasured-touchpoint.title': 'Unmeasured touchpoint',
  'rules.unmeasured-touchpoint.summary': 'Fires for each in-scope touchpoint whose tools have no measurement capability (web analytics, attribution, BI, ...) and whose captured data reaches no tool that has one.',
  'rules.unmeasured-touchpoint.why': 'Nobody can tell whether this touchpoint works: its budget and effort cannot be compared with the others, and it cannot be improved on evidence.',
  'rules.unmeasured-touchpoint.fix': 'Send the data the touchpoint yields to an analytics or reporting tool (or add tracking there), so that its results show up where decisions are made.',
  'rules.unmeasured-touchpoint.message': 'Nothing measures {touchpoint}: neither its tools ({tools}) nor any tool its data reaches can report on it.',
  'rules.unmeasured-touchpoint.recommendation': 'Send what {touchpoint} yields ({data}) to an analytics or reporting tool, so that its results can be measured.',
  'rules.unmeasured-touchpoint.recommendation.no-data': 'Add tracking to {touchpoint} or connect {tools} to an analytics or reporting tool, so that its results can be measured.',

  // ---- untapped-touchpoint ---------------------------------------------------------------
  'rules.untapped-touchpoint.title': 'Untapped touchpoint',
  'rules.untapped-touchpoint.summary': 'Fires for each out-of-scope touchpoint that captures customer data no in-scope touchpoint captures. Informational.',
  'rules.untapped-touchpoint.why': 'Potential left on the table: this is the only place where the company could learn this about its customers, and it is outside today\'s focus.',
  'rules.untapped-touchpoint.fix': 'Consider bringing the touchpoint into scope in a later phase, or capturing the same data at a touchpoint that is in scope.',
  'rules.untapped-touchpoint.message': '{touchpoint} is outside the audit\'s scope, but it is the only place that yields {data}.',
  'rules.untapped-touchpoint.recommendation': 'Consider bringing {touchpoint} into scope in a later phase so that {data} can be used.',

  // ---- orphan-tool -----------------------------------------------------------------------
  'rules.orphan-tool.title': 'Orphan tool',
  'rules.orphan-tool.summary': 'Fires for each active tool that is used at no touchpoint and takes part in no integration.',
  'rules.orphan-tool.why': 'A tool nobody seems to use still costs money, holds data nobody looks after, and is one more login to secure.',
  'rules.orphan-tool.fix': 'Ask who uses it; if nobody, cancel it. If it is used, record the touchpoint or integration so that the inventory is complete.',
  'rules.orphan-tool.message': '{tool} is active but used at no touchpoint and connected to no other tool.',
  'rules.orphan-tool.message.cost': '{tool} is active but used at no touchpoint and connected to no other tool, while it costs {cost} a year.',
  'rules.orphan-tool.recommendation': 'Check whether anyone still uses {tool}; if not, cancel it. If it is used, record where.',

  // ---- underused-license -----------------------------------------------------------------
  'rules.underused-license.title': 'Underused licences',
  'rules.underused-license.summary': 'Fires for each active or pilot tool whose `seats.active / seats.licensed` is below the threshold (default 0.5; `settings.rules.underused-license.threshold`).',
  'rules.underused-license.why': 'Paying for seats nobody uses; often also a sign that a tool was bought for a team that never adopted it.',
  'rules.underused-license.fix': 'Reduce the licence count to what is used at the next renewal, or find out why the other seats are not used (training, a better-suited tool).',
  'rules.underused-license.message': 'Only {active} of {licensed} licences of {tool} are in use ({percent}%).',
  'rules.underused-license.message.cost': 'Only {active} of {licensed} licences of {tool} are in use ({percent}%): about {cost} a year pays for seats nobody uses.',
  'rules.underused-license.recommendation': 'Reduce {tool} to the licences in use, or find out why {unused} seats are not used.',
  'rules.underused-license.recommendation.renewal': 'Reduce {tool} to the licences in use before it renews in {renewal}, or find out why {unused} seats are not used.',

  // ---- retired-tool-in-use ---------------------------------------------------------------
  'rules.retired-tool-in-use.title': 'Retired tool in use',
  'rules.retired-tool-in-use.summary': 'Fires for each `retiring` or `retired` tool that still serves a touchpoint or feeds an integration.',
  'rules.retired-tool-in-use.why': 'Switching the tool off will break whatever still depends on it: a touchpoint loses its tool, or another system stops receiving data it relies on.',
  'rules.retired-tool-in-use.fix': 'Move the remaining touchpoints and data flows to another tool before the contract ends, then switch it off.',
  'rules.retired-tool-in-use.status.retiring': 'is being retired',
  'rules.retired-tool-in-use.status.retired': 'is retired',
  'rules.retired-tool-in-use.usage.touchpoints': 'is used at {touchpoints}',
  'rules.retired-tool-in-use.usage.feeds': 'sends data to {tools}',
  'rules.retired-tool-in-use.usage.both': 'is used at {touchpoints} and sends data to {tools}',
  'rules.retired-tool-in-use.message': '{tool} {status} but still {usage}: switching it off will break them.',
  'rules.retired-tool-in-use.recommendation': 'Move what still depends on {tool} to another tool, then switch it off.',
  'rules.retired-tool-in-use.recommendation.renewal': 'Move what still depends on {tool} to another tool before its contract ends in {renewal}.',
};
