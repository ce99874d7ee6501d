import sz from '@shanzhi/engine/descriptors/sz.json';
import { zeebe } from './zeebe.ts';

/**
 * The extensions the engine reads, given to every bpmn-js instance of the designer so `sz:` and `zeebe:`
 * elements are typed (editable, and written back as they came) rather than kept as opaque XML.
 * The engine's own sz: descriptor, and zeebe: as Camunda's with the engine's added, so the designer
 * and the engine cannot disagree on them.
 */
export const moddleExtensions = { sz, zeebe };
