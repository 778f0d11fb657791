#!/usr/bin/env node
import('../dist/cli.js').then((m) => m.main(process.argv)).catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.js')) {
    process.stderr.write('martech-audit: the build is missing (dist/cli.js). Run `npm run build` in the package folder.\n');
    process.exit(2);
  }
  throw err;
});
