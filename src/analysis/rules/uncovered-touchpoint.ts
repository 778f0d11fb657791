// uncovered-touchpoint: an in-scope touchpoint that uses no tool.
import { createRule, type FindingDraft } from './rule.js';

export const example = `version: 1
organization: { name: Example Ltd }
touchpoints:
  - id: trade-fairs
    name: Trade fair booth
    stage: consideration
    channel: event
    tools: []
    captures: [contact-profile]
`;

/** What a uncovered-touchpoint finding carries in `details`. */
export type Details = { touchpoint: string; stage: string; captures: string[] };

export const rule = createRule({
  meta: {
    id: 'uncovered-touchpoint',
    severity: 'medium',
    group: 'refocus',
    subject: 'touchpoint',
    example,
  },
  text: {
    en: {
      title: 'Uncovered touchpoint',
      summary: 'Fires for each in-scope touchpoint that uses no tool.',
      why: 'What customers do or say there is recorded nowhere (or in personal spreadsheets): it cannot be followed up, measured or shared.',
      fix: 'Record which tool supports the touchpoint, or introduce one (often an existing tool can cover it, such as a CRM app for trade-fair leads).',
      message: '{touchpoint} uses no tool: what customers share there ({data}) is not recorded in any system.',
      'message.no-data': '{touchpoint} uses no tool: what happens there is not recorded in any system.',
      recommendation: 'Record which tool supports {touchpoint}, or introduce one, so that what customers share there is captured and followed up.',
    },
    ja: {
      title: 'ツールのない顧客接点',
      summary: '対象範囲内の顧客接点で、ツールを一つも使っていないものを検出します。',
      why: 'そこでお客様が行ったことや伝えたことが、どこにも（または個人の表計算ファイルにしか）記録されません。フォローも測定も共有もできません。',
      fix: 'この顧客接点を支えるツールを記録するか、導入します（展示会のリードには CRM のアプリなど、既存のツールで対応できることもよくあります）。',
      message: '{touchpoint} ではツールが使われていません。お客様から得る情報（{data}）がどのシステムにも記録されていません。',
      'message.no-data': '{touchpoint} ではツールが使われていません。そこで起きたことがどのシステムにも記録されていません。',
      recommendation: '{touchpoint} を支えるツールを記録するか導入し、お客様から得た情報が記録・フォローされるようにしてください。',
    },
  },
  check({ ws, msg, words }) {
    const out: FindingDraft<Details>[] = [];
    for (const tp of ws.touchpoints) {
      if (!tp.inScope || tp.tools.length) continue;
      const params = { touchpoint: tp.name, data: words.data(tp.captures) };
      out.push({
        subject: tp.id,
        message: msg(tp.captures.length ? 'message' : 'message.no-data', params),
        entities: [{ kind: 'touchpoint', id: tp.id }],
        location: tp.loc,
        recommendation: msg('recommendation', params),
        details: { touchpoint: tp.id, stage: tp.stage, captures: [...tp.captures] },
      });
    }
    return out;
  },
  plan: {
    step: 36,
    initiatives: ['cover'],
    propose(findings, c) {
      for (const f of findings) {
        const tp = c.ws.index.touchpointById.get(f.details.touchpoint);
        if (!tp) continue;
        const hub = c.hubFor([]);
        const d = c.draft(`cover-${tp.id}`, () => ({
          kind: 'process', phase: 2,
          title: hub ? c.title('roadmap.title.cover', { touchpoint: tp.name, hub: hub.name }) : c.title('roadmap.title.cover-any', { touchpoint: tp.name }),
          tools: hub ? [hub.id] : [], subjects: [], owner: tp.owner, months: 2,
        }));
        d.addresses.add(f.id);
        if (tp.owner) d.extraDepartments.add(tp.owner);
      }
    },
  },
});
