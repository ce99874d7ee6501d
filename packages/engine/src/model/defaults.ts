/** Retries of a job when the model sets none (zeebe:taskDefinition retries). */
export const DEFAULT_RETRIES = 3;
