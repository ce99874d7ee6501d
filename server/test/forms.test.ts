import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineCached } from '../src/routes/forms/formCache.ts';
import { useTestEnv } from './support.ts';

const fixtures = join(import.meta.dirname, '../../packages/forms/test/fixtures');
const read = (name: string) => JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as Record<string, unknown>;

describe('POST /api/forms/validate', () => {
  const form = read('rental-house.form.json');
  const registered = read('rental-house.valid.json');
  const env = useTestEnv();

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
        { field: '/floors', code: 'type', message: '应填写整数', label: '层数' },
        { field: '/landlordMobile', code: 'format', message: '不是有效的手机号码，应为 11 位数字', label: '房东手机号' },
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
        { field: '/landlordName', code: 'readonly', message: '此项在本环节只读，不能修改', label: '房东姓名' },
        { field: '/hygieneOk', code: 'required', message: '此项必填', label: '环境卫生良好' },
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

  it('answers a form sent again exactly as the first time, defining it once', async () => {
    const clerk = await env.as('hefeng');
    const data = { ...registered, landlordMobile: '1380296123', floors: '5' };
    const first = await clerk.post('/api/forms/validate', { form, data });
    const again = await clerk.post('/api/forms/validate', { form: structuredClone(form), data });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(defineCached(structuredClone(form), 'en')).toBe(defineCached(form, 'zh-CN'));
  });

  it('honours a changed definition at once: a field made required, then optional again', async () => {
    const clerk = await env.as('hefeng');
    const schema = form.schema as { required: string[] };
    const stricter = { ...form, schema: { ...schema, required: [...schema.required, 'businessCreditCode'] } };
    expect((await clerk.post('/api/forms/validate', { form, data: registered })).json()).toEqual({ ok: true, errors: [] });
    expect((await clerk.post('/api/forms/validate', { form: stricter, data: registered })).json()).toEqual({
      ok: false,
      errors: [{ field: '/businessCreditCode', code: 'required', message: '此项必填', label: '经营主体统一社会信用代码' }],
    });
    expect((await clerk.post('/api/forms/validate', { form, data: registered })).json()).toEqual({ ok: true, errors: [] });
  });

  it('orders errors by the form sent, even when the same fields came before in another order', async () => {
    const clerk = await env.as('hefeng');
    const twoFields = (properties: Record<string, unknown>) => ({
      key: 'order',
      version: 1,
      title: '顺序',
      schema: { type: 'object', properties },
    });
    const data = { rooms: 'x', floors: 'x' };
    const answer = async (first: string, second: string) =>
      (await clerk.post('/api/forms/validate', { form: twoFields({ [first]: { type: 'integer' }, [second]: { type: 'integer' } }), data }))
        .json()
        .errors.map((e: { field: string }) => e.field);
    expect(await answer('floors', 'rooms')).toEqual(['/floors', '/rooms']);
    expect(await answer('rooms', 'floors')).toEqual(['/rooms', '/floors']);
  });

  it('words the errors of one form in each language asked, in any order', async () => {
    const clerk = await env.as('hefeng');
    const data = { ...registered, floors: '5' };
    const message = async (lang: 'zh-CN' | 'en') =>
      (await clerk.post('/api/forms/validate', { form, data, lang })).json().errors.map((e: { message: string }) => e.message);
    expect(await message('zh-CN')).toEqual(['应填写整数']);
    expect(await message('en')).toEqual(['Must be a whole number.']);
    expect(await message('zh-CN')).toEqual(['应填写整数']);
  });

  it('refuses a broken form every time it is sent, in the language asked', async () => {
    const designer = await env.as('admin');
    const broken = {
      key: 'broken',
      version: 1,
      title: '坏表单',
      schema: { type: 'object', properties: { ip: { type: 'string', format: 'ipv4' } } },
    };
    const refusal = async (lang: 'zh-CN' | 'en') => {
      const res = await designer.post('/api/forms/validate', { form: broken, data: {}, lang });
      expect(res.statusCode).toBe(400);
      return res.json().details[0].message as string;
    };
    expect(await refusal('en')).toMatch(/^The format “ipv4” is not supported/);
    expect(await refusal('zh-CN')).toMatch(/^不支持格式“ipv4”/);
  });

  it('refuses a form nested deeper than any form needs, at the path where it goes too deep', async () => {
    const designer = await env.as('admin');
    // Written as text: 5,000 levels are more than JSON.stringify can recurse through.
    const schema = `${'{"type":"object","properties":{"a":'.repeat(5000)}{"type":"string"}${'}}'.repeat(5000)}`;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/forms/validate',
      headers: { authorization: `Bearer ${designer.token}`, 'content-type': 'application/json' },
      payload: `{"form":{"key":"deep","version":1,"title":"深","schema":${schema}},"data":{}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toMatchObject([
      { field: expect.stringMatching(/^body\.form\.schema(\.properties\.a){16}$/), rule: 'too-deep' },
    ]);
  });

  it('refuses a request outside its schema before looking at the form', async () => {
    const clerk = await env.as('hefeng');
    const res = await clerk.post('/api/forms/validate', { form, data: {}, rules: [{ field: 'address', access: 'secret' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SZ_VALIDATION');
  });
});
