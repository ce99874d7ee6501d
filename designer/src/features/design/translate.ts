import type { MessageKey } from '../../i18n/index.tsx';
import type { PanelCatalog } from './panel/catalog.ts';

/** bpmn-js's and its properties panel's own English words that a town designer meets, in our catalogues. */
const WORDS: Readonly<Record<string, MessageKey>> = {
  'Activate hand tool': 'design.bpmn.handTool',
  'Activate lasso tool': 'design.bpmn.lassoTool',
  'Activate create/remove space tool': 'design.bpmn.spaceTool',
  'Activate global connect tool': 'design.bpmn.connectTool',
  'Create start event': 'design.bpmn.createStartEvent',
  'Create intermediate/boundary event': 'design.bpmn.createIntermediateEvent',
  'Create end event': 'design.bpmn.createEndEvent',
  'Create gateway': 'design.bpmn.createGateway',
  'Create task': 'design.bpmn.createTask',
  'Create expanded sub-process': 'design.bpmn.createSubProcess',
  'Create data object reference': 'design.bpmn.createDataObject',
  'Create data store reference': 'design.bpmn.createDataStore',
  'Create pool/participant': 'design.bpmn.createPool',
  'Create group': 'design.bpmn.createGroup',
  'Append end event': 'design.bpmn.appendEndEvent',
  'Append gateway': 'design.bpmn.appendGateway',
  'Append task': 'design.bpmn.appendTask',
  'Append intermediate/boundary event': 'design.bpmn.appendIntermediateEvent',
  'Add text annotation': 'design.bpmn.addTextAnnotation',
  'Change element': 'design.bpmn.changeElement',
  Delete: 'design.bpmn.delete',
  'Connect to other element': 'design.bpmn.connect',
  General: 'design.bpmn.general',
  Name: 'design.bpmn.name',
  ID: 'design.bpmn.id',
  Documentation: 'design.bpmn.documentation',
  'Element documentation': 'design.bpmn.elementDocumentation',
  'Process documentation': 'design.bpmn.processDocumentation',
  Executable: 'design.bpmn.executable',
  'User Task': 'design.bpmn.type.userTask',
  'Service Task': 'design.bpmn.type.serviceTask',
  Task: 'design.bpmn.type.task',
  'Start Event': 'design.bpmn.type.startEvent',
  'End Event': 'design.bpmn.type.endEvent',
  'Exclusive Gateway': 'design.bpmn.type.exclusiveGateway',
  'Parallel Gateway': 'design.bpmn.type.parallelGateway',
  'Sequence Flow': 'design.bpmn.type.sequenceFlow',
  Process: 'design.bpmn.type.process',
};

/**
 * bpmn-js's `translate` service in the chosen language: a word we know reads from our catalogue,
 * any other stays English; `{name}` replacements work as bpmn-js's own.
 */
function translateWith(catalog: PanelCatalog) {
  return (template: string, replacements: Record<string, string> = {}) => {
    const key = WORDS[template];
    const text = key ? catalog.t(key) : template;
    return text.replace(/\{([^}]+)\}/g, (all, name: string) => replacements[name] ?? all);
  };
}

export const TranslateModule = { translate: ['factory', ['config.szCatalog', translateWith]] };
