import { ApiFailure, createShanzhiClient, ok } from '@shanzhi/client';
import { saveFile } from './download.ts';

export type { components, Success } from '@shanzhi/client';
export { ApiFailure, ok };

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

/** Attaches a file to a task (multipart field `file`, as the server reads it). */
export function uploadAttachment(taskId: string, file: File) {
  const body = new FormData();
  body.set('file', file, file.name);
  return ok(
    api.POST('/api/tasks/{id}/attachments', {
      params: { path: { id: taskId } },
      body: body as never,
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
}

/** Downloads a task's attachment (the token goes in the header, so no plain link will do). */
export async function downloadAttachment(taskId: string, attachmentId: string, fileName: string): Promise<void> {
  const blob = await ok(
    api.GET('/api/tasks/{id}/attachments/{attachmentId}', { params: { path: { id: taskId, attachmentId } }, parseAs: 'blob' }),
  );
  saveFile(blob as Blob, fileName);
}
