// Japanese messages (loaded on demand). Same keys and placeholders as ../en.
import { cli } from './cli.js';
import { interview } from './interview.js';
import { workspace } from './workspace.js';
import { analysis } from './analysis.js';
import { rules } from './rules.js';
import { commander } from './commander.js';
import { vocabulary } from './vocabulary.js';
import { diff } from './diff.js';
import { report } from './report.js';
import { io } from './io.js';
import { deliverable } from './deliverable.js';
import { safety } from './safety.js';
import { customer } from './customer.js';
import { sheets } from './sheets.js';
import { catalog } from './catalog.js';
import { custreport } from './custreport.js';
import { custrules } from './custrules.js';
import { scale } from './scale.js';

export const ja: Record<string, string> = {
  ...cli,
  ...interview,
  ...workspace,
  ...analysis,
  ...rules,
  ...commander,
  ...vocabulary,
  ...diff,
  ...report,
  ...io,
  ...deliverable,
  ...safety,
  ...customer,
  ...sheets,
  ...catalog,
  ...custreport,
  ...custrules,
  ...scale,
};
