import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDir, type TestEnv, testEnv } from './support.ts';

const fixtures = join(import.meta.dirname, '../../packages/forms/test/fixtures');
const read = (name: string) => JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as Record<string, unknown>;

describe('POST /api/forms/validate', () => {
  let env: TestEnv;
  const form = read('rental-house.form.json');
  const registered = read('rental-house.valid.json');
  beforeEach(async () => {
    env = await testEnv();
  });
  afterEach(async () => {
    await env.close();
    removeDir(env.dir);
  });

  it('needs a signed-in user', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/forms/validate', payload: { form, data: registered } });
    expect(res.statusCode).toBe(401);
  });

  it('answers ok for a complete rental-housing register entry', async () => {
    const clerk = await env.as('hefeng');
    const res = await clerk.post('/api/forms/validate', { form, data: registered });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, errors: [] });
  });

  it('names each wrong field in Chinese by default, in English when asked', async () => {
    const clerk = await env.as('hefeng');
    const data = { ...registered, landlordMobile: '1380296123', floors: '5' };
    const zh = await clerk.post('/api/forms/validate', { form, data });
    expect(zh.statusCode).toBe(200);
    expect(zh.json()).toEqual({
      ok: false,
      errors: [
        { field: '/floors', code: 'type', message: '应填写整数' },
        { field: '/landlordMobile', code: 'format', message: '不是有效的手机号码，应为 11 位数字' },
      ],
    });
    const en = await clerk.post('/api/forms/validate', { form, data, lang: 'en' });
    expect(en.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'Must be a whole number.',
      'Not a valid mainland mobile number (11 digits).',
    ]);
  });

  it("applies a step's field rules against the instance's current values", async () => {
    const worker = await env.as('hefeng');
    const res = await worker.post('/api/forms/validate', {
      form,
      data: { ...registered, landlordName: '陈大强', hygieneOk: null },
      rules: [
        { field: 'landlordName', access: 'readonly' },
        { field: 'hygieneOk', access: 'required' },
      ],
      previous: registered,
    });
    expect(res.json()).toEqual({
      ok: false,
      errors: [
        { field: '/landlordName', code: 'readonly', message: '此项在本环节只读，不能修改' },
        { field: '/hygieneOk', code: 'required', message: '此项必填' },
      ],
    });
  });

  it('answers 400 SZ_VALIDATION for a broken form, each problem at its path in the body', async () => {
    const designer = await env.as('admin');
    const broken = {
      key: 'rental-house',
      version: 2,
      title: '出租屋',
      schema: { type: 'object', properties: { ip: { type: 'string', format: 'ipv4' } } },
    };
    const res = await designer.post('/api/forms/validate', { form: broken, data: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'SZ_VALIDATION',
      details: [{ field: 'body.form.schema.properties.ip.format', rule: 'format-unsupported' }],
    });
  });

  it('refuses a request outside its schema before looking at the form', async () => {
    const clerk = await env.as('hefeng');
    const res = await clerk.post('/api/forms/validate', { form, data: {}, rules: [{ field: 'address', access: 'secret' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SZ_VALIDATION');
  });
});
