export { MemoryRuntime, RuntimeError, type RuntimeInstance, type RuntimeJob, type RuntimeTask } from './memoryRuntime.ts';
