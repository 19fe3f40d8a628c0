// Summarises the scenario results of run.sh: prints one line per scenario and "e2e: N passed, M failed", writes
// screenshots/report.md and exits 1 when anything failed (or did not run).
//
//   node report.mjs <screenshots dir> <db> [<db> ...]

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [shots, ...databases] = process.argv.slice(2);
const read = file => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

let passed = 0;
let failed = 0;
const md = ['# CreditDesk browser end-to-end run', '', `${new Date().toISOString()}`, ''];
const console_ = [];
for (const db of databases) {
  const run = read(join(shots, db, 'run.json')) ?? {};
  const outcome = read(join(shots, db, 'results.json'));
  md.push(`## ${db}`, '', `App ${run.jar ?? '?'}: up after ${run.appStartSeconds ?? '—'} s; whole phase ${run.seconds ?? '?'} s.`, '');
  if (!outcome) {
    failed++;
    const why = run.appStartSeconds == null ? 'the app did not start' : 'the scenarios did not run to the end';
    console_.push(`${db.padEnd(9)} FAIL  (${why}; see e2e/screenshots/${db}/app.log)`);
    md.push(`**Not run: ${why}.** See \`e2e/screenshots/${db}/app.log\`.`, '');
    continue;
  }
  md.push('| scenario | result | seconds | screenshots |', '|---|---|---|---|');
  const notes = [];
  for (const r of outcome.results) {
    r.ok ? passed++ : failed++;
    console_.push(`${db.padEnd(9)} ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds.toFixed(1)} s)${r.ok ? '' : ': ' + (r.error.length > 240 ? r.error.slice(0, 240) + '…' : r.error)}`);
    const [first, last] = r.shots;
    const files = readdirSync(join(shots, db)).filter(f => /^\d+-.*\.png$/.test(f) && Number(f.slice(0, 2)) >= first && Number(f.slice(0, 2)) <= last);
    md.push(`| ${r.name} | ${r.ok ? 'passed' : 'FAILED: ' + r.error.replace(/\|/g, '\\|')} | ${r.seconds.toFixed(1)} | ${files.map(f => `[${f.slice(0, 2)}](${db}/${f})`).join(' ')} |`);
    for (const n of r.notes ?? []) notes.push(`- ${r.name}: ${n.text}${n.screenshot ? ` (\`${n.screenshot}\`)` : ''}`);
  }
  md.push('');
  if (notes.length) md.push('Observations (not failures):', '', ...notes, '');
}
const summary = `e2e: ${passed} passed, ${failed} failed`;
md.splice(3, 0, `**${summary}**`, '');
writeFileSync(join(shots, 'report.md'), md.join('\n') + '\n');
console.log('');
console.log(console_.join('\n'));
console.log(`report: ${join(shots, 'report.md')}`);
console.log(summary);
process.exitCode = failed ? 1 : 0;
