// unmeasured-touchpoint: neither an in-scope touchpoint's tools nor any tool its captured data
// reaches has a measurement capability. (A touchpoint with no tool at all is uncovered-touchpoint.)
import { sortIds, toolRef } from './helpers.js';
import { createRule, type FindingDraft } from './rule.js';
import { toolReports } from '../capabilities.js';
import { byId, mostCommon } from '../roadmap/context.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - id: blog
    name: Blog
    stage: awareness
    channel: website
    tools: [wordpress]
    captures: [web-traffic]
tools:
  - id: wordpress
    name: WordPress
    capabilities: [content-management]
    data: [web-traffic]
`;

/** What a unmeasured-touchpoint finding carries in `details`. */
export type Details = { touchpoint: string; tools: string[]; captures: string[] };

export const rule = createRule({
  meta: {
    id: 'unmeasured-touchpoint',
    severity: 'low',
    group: 'refocus',
    subject: 'touchpoint',
    example,
  },
  text: {
    en: {
      title: 'Unmeasured touchpoint',
      summary: 'Fires for each in-scope touchpoint with at least one tool, none of whose tools reports (measures, like web analytics, attribution or BI, or reports on its own activity, like a CRM, an email tool, a help desk, a POS or an ad platform) and none of whose captured data reaches a measuring tool through automated links: a trade-show lead list in Excel, a CMS page with no analytics. Without captured data it is judged on its tools alone.',
      why: 'Nobody can tell whether this touchpoint works: its budget and effort cannot be compared with the others, and it cannot be improved on evidence.',
      fix: 'Send the data the touchpoint yields to an analytics or reporting tool (or add tracking there), so that its results show up where decisions are made.',
      message: 'Nothing measures {touchpoint}: neither its tools ({tools}) nor any tool its data reaches can report on it.',
      recommendation: 'Send what {touchpoint} yields ({data}) to an analytics or reporting tool, so that its results can be measured.',
      'recommendation.no-data': 'Add tracking to {touchpoint} or connect {tools} to an analytics or reporting tool, so that its results can be measured.',
    },
    ja: {
      title: '効果測定されていない顧客接点',
      summary: '対象範囲内の顧客接点で、ツールはあるものの、どのツールもレポートせず（アクセス解析・アトリビューション・BI などの測定、または CRM・メール配信・ヘルプデスク・POS・広告プラットフォームなどの自らの活動のレポート）、取得データも自動連携で測定ツールに届かないものを検出します（展示会のリードを Excel で管理、解析のない CMS のページなど）。取得データがなければツールだけで判断します。',
      why: 'この顧客接点が機能しているか誰にも分かりません。予算や労力を他と比べることも、根拠に基づいて改善することもできません。',
      fix: 'この顧客接点で得たデータを解析・レポーティングツールへ送る（または計測を追加する）ことで、意思決定の場に結果が出るようにします。',
      message: '{touchpoint} は効果測定されていません。使っているツール（{tools}）も、そのデータが届くツールも、成果をレポートできません。',
      recommendation: '{touchpoint} で得たデータ（{data}）を解析・レポーティングツールへ送り、成果を測定できるようにしてください。',
      'recommendation.no-data': '{touchpoint} に計測を追加するか、{tools} を解析・レポーティングツールに連携し、成果を測定できるようにしてください。',
    },
  },
  check({ ws, facts, msg, words }) {
    const out: FindingDraft<Details>[] = [];
    for (const tp of ws.touchpoints) {
      if (!tp.inScope || !tp.tools.length) continue;
      // r2: a tool that reports on its own activity counts (CRM, email, help desk, POS, ad platforms).
      const reporting = (id: string) => {
        const x = ws.index.toolById.get(id);
        return x !== undefined && x.status !== 'retired' && toolReports(x);
      };
      const measured = tp.tools.some((id) => reporting(id) || facts.isMeasuringTool(id)
        || tp.captures.some((d) => facts.reachesMeasurement(id, d)));
      if (measured) continue;
      const tools = sortIds(new Set(tp.tools));
      const params = { touchpoint: tp.name, tools: words.tools(tools), data: words.data(tp.captures) };
      out.push({
        subject: tp.id,
        message: msg('message', params),
        entities: [{ kind: 'touchpoint', id: tp.id }, ...tools.map(toolRef)],
        location: tp.loc,
        recommendation: msg(tp.captures.length ? 'recommendation' : 'recommendation.no-data', params),
        details: { touchpoint: tp.id, tools, captures: [...tp.captures] },
      });
    }
    return out;
  },
  plan: {
    step: 38,
    initiatives: ['measure-touchpoints'],
    // Touchpoints no analytics tool sees: one initiative for all of them (the fix is the same
    // tracking plan), owned by whoever runs the analytics tools, else the department with most of them.
    propose(findings, c) {
      const unmeasured = findings.map((f) => ({ f, tp: c.ws.index.touchpointById.get(f.details.touchpoint)! })).filter((x) => x.tp);
      if (!unmeasured.length) return;
      const analytics = c.facts.activeTools.filter((x) => c.facts.isMeasuringTool(x.id) && x.owner)
        .sort((a, b) => c.facts.impact(b.id) - c.facts.impact(a.id) || byId(a.id, b.id))[0];
      const owner = analytics?.owner ?? mostCommon(unmeasured.map(({ tp }) => tp.owner));
      const tools = [...new Set(unmeasured.flatMap(({ tp }) => tp.tools.filter((id) => c.tool(id))))];
      const d = c.draft('measure-touchpoints', () => ({
        kind: 'process', phase: 2,
        title: c.titleCount('roadmap.title.measure', unmeasured.length, { count: unmeasured.length, touchpoints: c.words.someOf(unmeasured.map(({ tp }) => quoted(c, tp.name)), 3) }),
        tools, subjects: tools, owner, months: Math.min(3, 1 + Math.floor(unmeasured.length / 4)),
      }));
      for (const { f, tp } of unmeasured) {
        d.addresses.add(f.id);
        if (tp.owner) d.extraDepartments.add(tp.owner);
      }
    },
  },
});

/** A touchpoint's name in quotes, unless it holds quotes itself (never `""Become a tutor" application"`). */
function quoted(c: Parameters<NonNullable<typeof rule.plan>['propose']>[1], name: string): string {
  return /["“”「」]/.test(name) ? name : c.title('roadmap.quoted', { name }).text;
}
