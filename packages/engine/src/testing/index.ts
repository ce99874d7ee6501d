export { definitions, flow, processXml, when } from './bpmn.ts';
export { MemoryRuntime, RuntimeError, type RuntimeInstance, type RuntimeJob, type RuntimeTask } from './memoryRuntime.ts';
