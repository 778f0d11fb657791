// Preloaded into `report` by test/report/interrupt.test.ts (NODE_OPTIONS=--import): the first file
// written into the report's temporary folder stops the process inside its synchronous write phase
// until the test says it has sent Ctrl-C (by creating the file named in MARTECH_TEST_GO). So the
// signal always arrives while JavaScript is busy and is delivered late, on any machine and load.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const go = process.env.MARTECH_TEST_GO;
const writeFileSync = fs.writeFileSync;
let held = false;

fs.writeFileSync = function (file, ...rest) {
  if (go && !held && /\.tmp-\d+-[0-9a-f]+[\\/]/.test(String(file))) {
    held = true;
    process.stderr.write('test-hook: holding inside the synchronous write\n');
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + 120_000;
    while (!fs.existsSync(go) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 5);
  }
  return writeFileSync.call(this, file, ...rest);
};
syncBuiltinESMExports();
