import sz from '@shanzhi/engine/descriptors/sz.json';
import zeebe from '@shanzhi/engine/descriptors/zeebe.json';

/**
 * The extensions the engine reads, given to every bpmn-js instance of the designer so `sz:` and `zeebe:`
 * elements are typed (editable, and written back as they came) rather than kept as opaque XML.
 * The engine's own descriptor files, so the designer and the engine cannot disagree on them.
 */
export const moddleExtensions = { sz, zeebe };
