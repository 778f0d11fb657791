// Bundles src/cli/main.ts into dist/ with esbuild.
// Why a bundle: separate ESM imports of commander, yaml, zod, chalk and cli-table3 cost ~2.5x
// `node -e 0` at start-up; one minified bundle ~1.4x. Heavy modules (Mermaid, Puppeteer,
// Inquirer, jsdom) stay external and are loaded with dynamic import() only by the commands
// that need them; code splitting keeps each command's own code in a lazy chunk.
import { build } from 'esbuild';
import { rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const external = [
  '@mermaid-js/mermaid-cli',
  'puppeteer',
  'puppeteer-core',
  'mermaid',
  'jsdom',
  'beautiful-mermaid',
  '@inquirer/prompts',
  '@inquirer/core',
];

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  chunkNames: 'chunk-[hash]',
  external,
  legalComments: 'none',
  // cli-table3 is CommonJS and requires Node built-ins; give the ESM bundle a require().
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  define: { __VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

// The JSON Schema of the format is generated from the same zod schemas the loader uses.
mkdirSync('schema', { recursive: true });
const schema = execFileSync(process.execPath, ['bin/martech-audit.js', 'schema'], { encoding: 'utf8' });
writeFileSync('schema/martech-audit.schema.json', schema);
