// CreditDesk policy workbench: the dmn-js decision table editor in Chinese, bundled by build.mjs into
// static/creditdesk/policy-editor/editor.{js,css}. The page calls
//   const modeler = await CreditDeskPolicyEditor.open(container, xml);
//   const xml = await CreditDeskPolicyEditor.save(modeler);
import DmnModeler from 'dmn-js/lib/Modeler';

import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';

import zhCN from './translations-zh.js';

/** Like bpmn-js's customTranslate: look the template up, then fill its `{name}` placeholders. */
export function customTranslate(template, replacements) {
  replacements = replacements || {};
  const translated = Object.prototype.hasOwnProperty.call(zhCN, template) ? zhCN[template] : template;
  return translated.replace(/{([^}]+)}/g, (_, key) => {
    const value = replacements[key] ?? replacements[key.trim()];
    return value != null ? String(value) : '{' + key + '}';
  });
}

const translateModule = { translate: ['value', customTranslate] };

/** Opens the decision table of the model's first decision; resolves with the modeler once it is shown. */
async function open(container, xml) {
  // dmn-js 17 builds each view's modules from `common` *overwritten* by the view's own options, so
  // `common.additionalModules` alone never reaches the views: every view gets the translation itself.
  const translated = { additionalModules: [translateModule] };
  const modeler = new DmnModeler({
    container,
    common: translated,
    drd: translated,
    decisionTable: translated,
    literalExpression: translated,
    boxedExpression: translated
  });
  const result = await modeler.importXML(xml);
  if (result && result.warnings && result.warnings.length) {
    console.warn('dmn-js import warnings', result.warnings);
  }
  const table = modeler.getViews().find(view => view.type === 'decisionTable');
  if (table) {
    await modeler.open(table);
  }
  return modeler;
}

/** The edited model as DMN XML, formatted for a readable diff. */
async function save(modeler) {
  const { xml } = await modeler.saveXML({ format: true });
  return xml;
}

/** The model's decisions that have a table or a literal expression to edit: [{ id, name, type }]. */
function decisions(modeler) {
  return modeler.getViews()
    .filter(view => view.type === 'decisionTable' || view.type === 'literalExpression')
    .map(view => ({ id: view.element.id, name: view.element.name || view.element.id, type: view.type }));
}

/** Shows the decision with that id in the editor. */
async function show(modeler, id) {
  const view = modeler.getViews().find(v => v.element.id === id && v.type !== 'drd');
  if (view) {
    await modeler.open(view);
  }
}

window.CreditDeskPolicyEditor = { open, save, decisions, show, translate: customTranslate };
