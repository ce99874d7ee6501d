import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../port.ts';
import { calendarSpecs } from './calendars.ts';
import { commitSpecs } from './commit.ts';
import type { ConformanceHooks, SuiteContext } from './context.ts';
import { deadLetterSpecs } from './deadLetters.ts';
import { definitionSpecs } from './definitions.ts';
import { delegationSpecs } from './delegations.ts';
import { directorySpecs } from './directory.ts';
import { eventSpecs } from './events.ts';
import { fileSpecs } from './files.ts';
import { seedDirectory } from './fixtures.ts';
import { formSpecs } from './forms.ts';
import { inboxSpecs } from './inbox.ts';
import { instanceSpecs } from './instances.ts';
import { jobSpecs } from './jobs.ts';
import { migrationSpecs } from './migrations.ts';
import { noticeSpecs } from './notices.ts';
import { notificationSpecs } from './notifications.ts';
import { registerSpecs } from './registers.ts';
import { sessionSpecs } from './sessions.ts';
import { startTimerSpecs } from './startTimers.ts';
import { statsSpecs } from './stats.ts';
import { subscriptionSpecs } from './subscriptions.ts';
import { taskSpecs } from './tasks.ts';
import { templateSpecs } from './templates.ts';
import { webhookSpecs } from './webhooks.ts';

export type { ConformanceHooks } from './context.ts';

/**
 * What every Store must do, as one vitest suite. Each test gets a fresh store from
 * `makeStore`, which the suite migrates and seeds with a small piece of 里水镇 (fixtures.ts).
 */
export function storeConformance(name: string, makeStore: () => Promise<Store>, hooks: ConformanceHooks): void {
  describe(`${name} store`, () => {
    let current: Store | undefined;
    const peers: Store[] = [];

    beforeEach(async () => {
      current = await makeStore();
      await current.migrate();
      await seedDirectory(current);
    });
    afterEach(async () => {
      for (const peer of peers.splice(0)) await peer.close();
      await current?.close();
      current = undefined;
    });

    const ctx: SuiteContext = {
      get store() {
        if (current === undefined) throw new Error('the store exists only inside a test');
        return current;
      },
      hooks,
      async peer() {
        if (hooks.openPeer === undefined) return ctx.store;
        const peer = await hooks.openPeer(ctx.store);
        peers.push(peer);
        return peer;
      },
    };

    migrationSpecs(ctx);
    directorySpecs(ctx);
    definitionSpecs(ctx);
    formSpecs(ctx);
    templateSpecs(ctx);
    calendarSpecs(ctx);
    delegationSpecs(ctx);
    commitSpecs(ctx);
    instanceSpecs(ctx);
    taskSpecs(ctx);
    statsSpecs(ctx);
    inboxSpecs(ctx);
    jobSpecs(ctx);
    deadLetterSpecs(ctx);
    startTimerSpecs(ctx);
    subscriptionSpecs(ctx);
    eventSpecs(ctx);
    fileSpecs(ctx);
    noticeSpecs(ctx);
    registerSpecs(ctx);
    notificationSpecs(ctx);
    webhookSpecs(ctx);
    sessionSpecs(ctx);
  });
}
