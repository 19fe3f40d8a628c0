#!/usr/bin/env node
// Lints Camunda 7 BPMN models with bpmnlint (config: .bpmnlintrc next to this
// script) and sanity-checks DMN models.
//
//   node .ci/lint/lint.mjs [DIR_OR_FILE...]     (default: ../../processes relative to this script)
//
// Exit code: 1 if any finding has severity "error" (includes unparsable files), else 0.

import { readFile, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

import { Parser as SaxParser } from 'saxen';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = require('bpmn-moddle');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');

const EXPECTED_PLATFORM = 'Camunda Platform';
const EXPECTED_PLATFORM_VERSION = '7.24.0';

const NS = {
  modeler: 'http://camunda.org/schema/modeler/1.0',
  camundaDmn: 'http://camunda.org/schema/1.0/dmn',
  // DMN versions supported by the Camunda 7 engine (1.1 - 1.3)
  dmn: [
    'http://www.omg.org/spec/DMN/20151101/dmn.xsd',
    'http://www.omg.org/spec/DMN/20180521/MODEL/',
    'https://www.omg.org/spec/DMN/20191111/MODEL/'
  ]
};

const BPMN_SUFFIXES = [ '.bpmn', '.bpmn20.xml' ];
const DMN_SUFFIXES = [ '.dmn', '.dmn11.xml' ];

const findings = [];

function report(file, id, rule, message, severity) {
  findings.push({ file, id: id || '-', rule, message, severity });
}

// ---------------------------------------------------------------- files

async function collect(target, out) {
  let st;
  try {
    st = await stat(target);
  } catch {
    return false;
  }
  if (st.isFile()) {
    out.push(target);
    return true;
  }
  for (const entry of (await readdir(target, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'target') continue;
    const p = path.join(target, entry.name);
    if (entry.isDirectory()) await collect(p, out);
    else if (entry.isFile()) out.push(p);
  }
  return true;
}

const hasSuffix = (file, suffixes) => suffixes.some(s => file.toLowerCase().endsWith(s));
const display = (file) => path.relative(process.cwd(), file) || file;

// ---------------------------------------------------------------- BPMN

async function lintBpmn(file, linter, config) {
  const name = display(file);
  const xml = await readFile(file, 'utf8');

  let definitions, warnings;
  try {
    ({ rootElement: definitions, warnings = [] } = await new BpmnModdle({ camunda: camundaModdle }).fromXML(xml));
  } catch (err) {
    report(name, '-', 'parse', `cannot parse BPMN: ${err.message.split('\n')[0]}`, 'error');
    return;
  }
  if (!definitions) {
    report(name, '-', 'parse', 'cannot parse BPMN: no bpmn:definitions root', 'error');
    return;
  }

  // import warnings (unresolved references, unknown elements/attributes, e.g.
  // misspelled camunda:* attributes) are errors, as in the bpmnlint CLI
  for (const w of warnings) {
    report(name, w.element?.id, 'parse', w.message.split('\n')[0], 'error');
  }

  checkPlatform(name, definitions.id, definitions.$attrs);

  for (const proc of (definitions.rootElements || []).filter(e => e.$type === 'bpmn:Process')) {
    // Camunda 7 deploys a process without isExecutable as executable, but
    // bpmnlint-plugin-camunda-compat then skips it (history-time-to-live check).
    if (proc.isExecutable === undefined) {
      report(name, proc.id, 'camunda7/is-executable', 'bpmn:process must declare isExecutable="true" or "false" explicitly', 'error');
    }
  }

  // the engine rejects sequence flows without source/target; bpmnlint only notices indirectly
  const walk = (container) => {
    for (const el of container.flowElements || []) {
      if (el.$type === 'bpmn:SequenceFlow') {
        if (!el.sourceRef) report(name, el.id, 'camunda7/sequence-flow-refs', 'sequence flow has no (resolvable) sourceRef', 'error');
        if (!el.targetRef) report(name, el.id, 'camunda7/sequence-flow-refs', 'sequence flow has no (resolvable) targetRef', 'error');
      }
      walk(el);
    }
  };
  (definitions.rootElements || []).forEach(walk);

  const results = await linter.lint(definitions, config);
  for (const [ rule, reports ] of Object.entries(results)) {
    for (const r of reports) {
      const id = r.path && r.path.length ? `${r.id}#${r.path.join('.')}` : r.id;
      const severity = r.category === 'warn' ? 'warning' : r.category === 'info' ? 'info' : 'error';
      report(name, id, rule, r.message, severity);
    }
  }
}

// ---------------------------------------------------------------- DMN

function parseXml(xml, nsMap) {
  // minimal namespace aware parse: returns flat list of elements with attrs + depth
  const parser = new SaxParser();
  parser.ns(nsMap);
  const elements = [];
  let depth = 0;
  let error = null;
  parser.on('error', (err) => { error = error || err; });
  parser.on('openTag', (elementName, getAttrs, _decode, selfClosing) => {
    elements.push({ name: elementName, attrs: getAttrs(), depth });
    if (!selfClosing) depth++;
  });
  parser.on('closeTag', (_name, _decode, selfClosing) => {
    if (!selfClosing) depth--;
  });
  parser.parse(xml);
  if (!error && depth !== 0) error = new Error('unexpected end of file');
  return { elements, error };
}

async function checkDmn(file) {
  const name = display(file);
  const xml = await readFile(file, 'utf8');

  const nsMap = { [NS.modeler]: 'modeler', [NS.camundaDmn]: 'camunda' };
  for (const uri of NS.dmn) nsMap[uri] = 'dmn';

  const { elements, error } = parseXml(xml, nsMap);
  if (error) {
    report(name, '-', 'parse', `cannot parse DMN: ${error.message.split('\n')[0]}`, 'error');
    return;
  }

  const root = elements[0];
  if (!root || root.name !== 'dmn:definitions') {
    report(name, '-', 'parse', `root element must be <definitions> in a DMN 1.1-1.3 namespace, found <${root ? root.name : 'nothing'}>`, 'error');
    return;
  }

  checkPlatform(name, root.attrs.id, root.attrs);

  const decisions = elements.filter(e => e.name === 'dmn:decision');
  if (!decisions.length) {
    report(name, root.attrs.id, 'dmn/decision-required', 'DMN contains no <decision>', 'warning');
  }
  for (const d of decisions) {
    if (!d.attrs.id) {
      report(name, '-', 'dmn/decision-id', '<decision> without id', 'error');
    }
    if (!d.attrs['camunda:historyTimeToLive']) {
      report(name, d.attrs.id, 'camunda7/history-time-to-live', 'Property <camunda:historyTimeToLive> must be configured on <dmn:decision>', 'error');
    }
  }
}

// ---------------------------------------------------------------- shared

function checkPlatform(file, id, attrs = {}) {
  // $attrs (moddle) / attrs (saxen) are keyed by document prefix; resolve the modeler namespace prefix
  const prefixes = Object.entries(attrs)
    .filter(([ k, v ]) => k.startsWith('xmlns:') && v === NS.modeler)
    .map(([ k ]) => k.slice(6));
  prefixes.push('modeler');
  const get = (local) => prefixes.map(p => attrs[`${p}:${local}`]).find(v => v !== undefined);

  const platform = get('executionPlatform');
  const version = get('executionPlatformVersion');
  if (platform !== EXPECTED_PLATFORM) {
    report(file, id, 'camunda7/execution-platform', `expected modeler:executionPlatform="${EXPECTED_PLATFORM}", found ${platform === undefined ? 'none' : `"${platform}"`}`, 'error');
  }
  if (version !== EXPECTED_PLATFORM_VERSION) {
    report(file, id, 'camunda7/execution-platform-version', `expected modeler:executionPlatformVersion="${EXPECTED_PLATFORM_VERSION}", found ${version === undefined ? 'none' : `"${version}"`}`, 'error');
  }
}

async function main() {
  const targets = process.argv.slice(2);
  if (!targets.length) targets.push(path.resolve(HERE, '../../processes'));

  const files = [];
  for (const t of targets) {
    if (!(await collect(path.resolve(t), files))) {
      // an empty processes/ directory is not tracked by git, so a missing one is not an error
      console.log(`lint: ${t} does not exist, nothing to check there`);
    }
  }
  const bpmnFiles = files.filter(f => hasSuffix(f, BPMN_SUFFIXES));
  const dmnFiles = files.filter(f => hasSuffix(f, DMN_SUFFIXES));

  if (!bpmnFiles.length) {
    console.log(`lint: no .bpmn files found in ${targets.join(', ')}`);
  }

  if (bpmnFiles.length) {
    const config = JSON.parse(await readFile(path.join(HERE, '.bpmnlintrc'), 'utf8'));
    // a fresh linter per file: some rules keep state between runs, which would mix files up
    for (const f of bpmnFiles) await lintBpmn(f, new Linter({ resolver: new NodeResolver({ require }) }), config);
  }
  for (const f of dmnFiles) await checkDmn(f);

  const order = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => a.file.localeCompare(b.file) || order[a.severity] - order[b.severity]);
  for (const f of findings) {
    const line = `${f.file}: ${f.id}: ${f.rule}: ${f.message} [${f.severity}]`;
    console.log(line);
  }

  const count = (s) => findings.filter(f => f.severity === s).length;
  const errors = count('error');
  console.log(`lint: ${bpmnFiles.length} BPMN and ${dmnFiles.length} DMN file(s) checked: ${errors} error(s), ${count('warning')} warning(s), ${count('info')} info`);
  process.exitCode = errors ? 1 : 0;
}

main().catch((err) => {
  console.error('lint: internal failure:', err);
  process.exitCode = 1;
});
