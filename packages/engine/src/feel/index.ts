export { LIMITS } from './bounds.ts';
export { checkFeel, evaluateCondition, evaluateFeel } from './evaluate.ts';
export { splitExpression } from './split.ts';
export { DEFAULT_TIME_ZONE, type FeelEnv, type FeelResult, type FeelWarning } from './types.ts';
