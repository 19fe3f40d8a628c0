// Bundles src/editor.js (dmn-js Modeler + its style sheets, fonts inlined) into one folder:
//   OUT_DIR/editor.js  (IIFE, minified, es2020) and OUT_DIR/editor.css
// OUT_DIR defaults to the Spring Boot static resources of the Maven build, served at /creditdesk/policy-editor/.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(here, process.env.OUT_DIR || '../../target/classes/static/creditdesk/policy-editor');

await esbuild.build({
  absWorkingDir: here,
  entryPoints: { editor: 'src/editor.js' },
  outdir,
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2020',
  legalComments: 'eof',
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'info'
});
