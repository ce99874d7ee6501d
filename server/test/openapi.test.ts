import { describe, expect, it } from 'vitest';
import { useTestEnv } from './support.ts';

/** What an approver's day needs (issue 10): each a documented route, so the typed client and the web app can rely on it. */
const APPROVAL_ROUTES = [
  'post /api/forms',
  'get /api/forms',
  'get /api/forms/{id}',
  'get /api/tasks/{id}/form',
  'get /api/process-definitions/{id}/start-form',
  'post /api/tasks/{id}/complete',
  'get /api/tasks/{id}/return-targets',
  'post /api/tasks/{id}/return',
  'post /api/tasks/{id}/transfer',
  'post /api/tasks/{id}/urge',
  'post /api/tasks/{id}/add-signers',
  'post /api/tasks/batch-complete',
  'post /api/process-instances/{id}/withdraw',
  'post /api/process-instances/{id}/cc',
  'get /api/process-instances/{id}/cc',
  'get /api/process-instances/{id}/history',
  'get /api/calendars',
  'put /api/calendars/{year}',
  'get /api/notifications',
  'get /api/notifications/unread-count',
  'post /api/notifications/read',
  'get /api/webhooks',
  'post /api/webhooks',
  'delete /api/webhooks/{id}',
  'get /api/webhooks/dead-letters',
  'post /api/webhooks/dead-letters/{id}/replay',
  'get /api/delegations',
  'post /api/delegations',
  'post /api/delegations/{id}/end',
];

describe('the OpenAPI document at /docs/json', () => {
  const env = useTestEnv();

  it('lists every route of the approval toolkit, forms, calendars and notifications, each with its error answers', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
    expect(APPROVAL_ROUTES.filter((route) => !listed.includes(route))).toEqual([]);
    for (const route of APPROVAL_ROUTES) {
      const [method, path] = route.split(' ') as [string, string];
      const responses = Object.keys(doc.paths[path]?.[method]?.responses ?? {});
      expect(
        responses.some((status) => status.startsWith('4')),
        `${route} documents its refusals`,
      ).toBe(true);
    }
  });
});
