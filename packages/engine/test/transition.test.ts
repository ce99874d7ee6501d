import { describe, expect, it } from 'vitest';
import { replay, start, step } from '../src/index.ts';
import { flow, model, processXml } from './support.ts';

const approval = processXml(
  'approval',
  `<startEvent id="start"/>
   <userTask id="review" name="两委审核">
     <extensionElements><zeebe:assignmentDefinition assignee="=applicant.secretary" candidateGroups="两委@鹤峰村"/></extensionElements>
   </userTask>
   <endEvent id="end"/>
   ${flow('start', 'review', 'end')}`,
);

let n = 0;
const ctx = (now = 1_767_225_600_000) => ({ now, newId: () => `inst-${++n}` });

describe('transition: a pure function of (model, state, command, ctx)', () => {
  it('returns the effects of a start without carrying them out', async () => {
    const m = await model(approval);
    const out = start(m, { variables: { applicant: { secretary: 'lihua' } } }, ctx());
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.effects).toEqual([
      expect.objectContaining({
        type: 'OpenUserTask',
        el: 'review',
        name: '两委审核',
        assignee: 'lihua',
        candidateGroups: ['两委@鹤峰村'],
      }),
    ]);
    expect(out.state.status).toBe('active');
  });

  it('gives the same result for the same inputs, and leaves its input state untouched', async () => {
    const m = await model(approval);
    const a = start(m, { variables: { applicant: { secretary: 'x' } } }, { now: 5, newId: () => 'same' });
    const b = start(m, { variables: { applicant: { secretary: 'x' } } }, { now: 5, newId: () => 'same' });
    expect(a).toEqual(b);
    if (!a.ok) return;
    const before = JSON.stringify(a.state);
    const key = Object.values(a.state.els).find((e) => e.task)!.k;
    const done = step(m, a.state, { type: 'completeUserTask', key, variables: { opinion: '同意' } }, ctx());
    expect(JSON.stringify(a.state)).toBe(before);
    expect(done.ok && done.state.status).toBe('completed');
  });

  it('keeps an instance waiting on one user task under 1 KB of JSON that round-trips', async () => {
    const m = await model(approval);
    const out = start(m, { variables: { applicant: { secretary: 'lihua' } }, businessKey: 'HF-2026-001' }, ctx());
    if (!out.ok) throw new Error('start failed');
    const json = JSON.stringify(out.state);
    expect(json.length).toBeLessThan(1024);
    expect(JSON.parse(json)).toEqual(out.state);
  });

  it('rebuilds the state by replaying the events through the appliers', async () => {
    const m = await model(approval);
    const s = start(m, { variables: { applicant: { secretary: 'a' } } }, ctx());
    if (!s.ok) throw new Error('start failed');
    const key = Object.values(s.state.els).find((e) => e.task)!.k;
    const done = step(m, s.state, { type: 'completeUserTask', key, variables: { ok: true } }, ctx());
    if (!done.ok) throw new Error('complete failed');
    expect(replay(s.events)).toEqual(s.state);
    expect(replay([...s.events, ...done.events])).toEqual(done.state);
  });

  it('rejects commands with a coded error and no change', async () => {
    const m = await model(approval);
    const s = start(m, {}, ctx());
    if (!s.ok) throw new Error('start failed');
    const r = step(m, s.state, { type: 'completeUserTask', key: '999' }, ctx());
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'SZ_TASK_NOT_FOUND' }) });
    const key = Object.values(s.state.els).find((e) => e.task)!.k;
    const bad = step(m, s.state, { type: 'completeUserTask', key, variables: [] as unknown as Record<string, unknown> }, ctx());
    expect(!bad.ok && bad.error.code).toBe('SZ_VARIABLES_INVALID');
  });

  it('refuses commands to an ended instance', async () => {
    const m = await model(approval);
    const s = start(m, {}, ctx());
    if (!s.ok) throw new Error('start failed');
    const c = step(m, s.state, { type: 'cancel' }, ctx());
    if (!c.ok) throw new Error('cancel failed');
    expect(c.state.status).toBe('cancelled');
    expect(c.effects).toContainEqual(expect.objectContaining({ type: 'CloseUserTask', reason: 'terminated' }));
    const again = step(m, c.state, { type: 'cancel' }, ctx());
    expect(!again.ok && again.error.code).toBe('SZ_INSTANCE_NOT_ACTIVE');
  });
});
