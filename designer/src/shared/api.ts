import { ApiFailure, createShanzhiClient, ok } from '@shanzhi/client';

export { ApiFailure, ok };
export type { components } from '@shanzhi/client';

/** What the client sends with every request; the session and the language switch set it. */
const context: { token?: string; language: string; onUnauthorized?: () => void } = { language: 'zh-CN' };

export function setApiToken(token: string | undefined): void {
  context.token = token;
}

export function setApiLanguage(language: string): void {
  context.language = language;
}

export function onUnauthorized(handler: () => void): void {
  context.onUnauthorized = handler;
}

/** The one client of the app: same origin, the session's token, the chosen language. */
export const api = createShanzhiClient({
  baseUrl: '',
  token: () => context.token,
  language: () => context.language,
  onUnauthorized: (request) => {
    if (!new URL(request.url).pathname.startsWith('/api/auth/login')) context.onUnauthorized?.();
  },
});
