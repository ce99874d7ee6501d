import { describe, expect, it } from 'vitest';
import { type FieldRule, type Form, MAX_DATA_DEPTH, type SubmissionResult, validateSubmission } from '../src/index.ts';
import { fixture, formOf, rentalHouse } from './support.ts';

/** The errors without their labels, which have a spec of their own below. */
const errorsOf = (result: SubmissionResult) => (result.ok ? [] : result.errors.map(({ label: _label, ...e }) => e));
const where = (result: SubmissionResult) => errorsOf(result).map((e) => [e.field, e.code]);

describe('validateSubmission: the rental-housing register', () => {
  const form = rentalHouse();
  const valid = fixture('rental-house.valid.json');

  it('accepts a complete register entry and returns it as a new object', () => {
    const result = validateSubmission(form, [], valid);
    expect(result).toEqual({ ok: true, value: valid });
    expect(result.ok && result.value).not.toBe(valid);
  });

  it('fills in defaults without touching the data it was given', () => {
    const { rentalUse: _, threeInOne: __, ...withoutDefaults } = valid;
    const result = validateSubmission(form, [], withoutDefaults);
    expect(result.ok && result.value).toMatchObject({ rentalUse: '居住', threeInOne: false });
    expect(withoutDefaults).not.toHaveProperty('rentalUse');
  });

  it('reports every problem of a careless entry, each at its field, in Chinese', () => {
    const result = validateSubmission(form, [], fixture('rental-house.invalid.json'));
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toEqual(
      expect.arrayContaining([
        { field: '/address', code: 'minLength', message: '至少填写 5 个字' },
        {
          field: '/houseType',
          code: 'oneOf',
          message: '应为以下选项之一：村民自建房、商品房、集中式公寓、厂企员工宿舍、商住混合（下铺上居）',
        },
        { field: '/floors', code: 'minimum', message: '不能小于 1' },
        { field: '/rooms', code: 'type', message: '应填写整数' },
        { field: '/landlordMobile', code: 'format', message: '不是有效的手机号码，应为 11 位数字' },
        { field: '/landlordId', code: 'format', message: '不是有效的公民身份号码，请核对 18 位号码（末位 X 大写）' },
        { field: '/managerMobile', code: 'dependentRequired', message: '填写了“管理人（二房东）姓名”时，此项必填' },
        { field: '/businessCreditCode', code: 'required', message: '此项必填' },
        { field: '/tenants/0/moveInDate', code: 'format', message: '不是有效的日期，应如 2024-03-01' },
        { field: '/tenants/1/idNumber', code: 'required', message: '此项必填' },
        { field: '/tenants/1/phone', code: 'additionalProperties', message: '表单中没有此项' },
        { field: '/extinguishersEveryFloor', code: 'type', message: '应填写是或否' },
        { field: '/photos', code: 'uniqueItems', message: '第 2 项与第 1 项重复' },
        { field: '/location/lat', code: 'required', message: '此项必填' },
        { field: '/roomNumber', code: 'additionalProperties', message: '表单中没有此项' },
      ]),
    );
    // `if` only wraps the `then` that failed; the clerk sees the field to fill in, once.
    expect(errorsOf(result).map((e) => e.code)).not.toContain('if');
    expect(errorsOf(result)).toHaveLength(24);
  });

  it('speaks English when asked, and Chinese for a language it does not have', () => {
    const data = { ...valid, floors: 0 };
    expect(errorsOf(validateSubmission(form, [], data, { lang: 'en' }))).toEqual([
      { field: '/floors', code: 'minimum', message: 'Must be at least 1.' },
    ]);
    expect(errorsOf(validateSubmission(form, [], data, { lang: 'fr' as 'en' }))[0]?.message).toBe('不能小于 1');
  });

  it('labels each refused field with its title, however deep it sits', () => {
    const data = { ...valid, floors: 0, tenants: [{ ...(valid.tenants as object[])[0], moveInDate: '昨天' }] };
    const result = validateSubmission(form, [], data);
    const labels = result.ok ? [] : result.errors.map((e) => [e.field, e.label]);
    expect(labels).toEqual([
      ['/floors', '层数'],
      ['/tenants/0/moveInDate', '入住日期'],
    ]);
  });

  it('coerces nothing: JSON in, JSON out', () => {
    const result = validateSubmission(form, [], { ...valid, rooms: '18', threeInOne: 'false' });
    expect(where(result)).toEqual([
      ['/rooms', 'type'],
      ['/threeInOne', 'type'],
    ]);
  });

  it('refuses a value that is not a record at all', () => {
    expect(where(validateSubmission(form, [], ['陈志强']))).toEqual([['', 'type']]);
  });
});

describe('validateSubmission: field rules of a step (sz:field)', () => {
  // The inspection step: the grid worker records the checklist and the risk level; the house
  // and its landlord are shown read-only, the landlord's identity number not at all.
  const form = rentalHouse();
  const previous = fixture('rental-house.valid.json');
  const { riskLevel: _, problemsFound: __, rectificationDue: ___, ...registered } = previous;
  const inspection: FieldRule[] = [
    { field: 'address', access: 'readonly' },
    { field: 'landlordName', access: 'readonly' },
    { field: 'landlordId', access: 'hidden' },
    { field: 'riskLevel', access: 'required' },
    { field: 'escapeRoutesClear', access: 'required' },
    { field: 'notes', access: 'editable' },
  ];
  const submitted: Record<string, unknown> = { ...registered, riskLevel: 'low', escapeRoutesClear: true, notes: '复查通过' };

  it('accepts the step when read-only and hidden fields are sent back unchanged', () => {
    expect(validateSubmission(form, inspection, submitted, { previous }).ok).toBe(true);
  });

  it('refuses a changed read-only field, naming it', () => {
    const result = validateSubmission(form, inspection, { ...submitted, landlordName: '陈大强' }, { previous });
    expect(errorsOf(result)).toEqual([{ field: '/landlordName', code: 'readonly', message: '此项在本环节只读，不能修改' }]);
  });

  it('refuses a changed hidden field', () => {
    const result = validateSubmission(form, inspection, { ...submitted, landlordId: '11010519491231002X' }, { previous, lang: 'en' });
    expect(errorsOf(result)).toEqual([{ field: '/landlordId', code: 'hidden', message: 'Not editable at this step.' }]);
  });

  it('carries read-only and hidden fields left out over from the instance, so the record stays whole', () => {
    const { address: _a, landlordName: _n, landlordId: _i, ...sent } = submitted;
    const result = validateSubmission(form, inspection, sent, { previous });
    expect(result.ok && result.value).toMatchObject({
      address: previous.address,
      landlordName: '陈志强',
      landlordId: '440605196501010017',
    });
  });

  it('treats a read-only field without a current value as one that must stay empty', () => {
    const result = validateSubmission(
      form,
      [{ field: 'inspector', access: 'readonly' }],
      { ...registered, inspector: '何网格员' },
      { previous: {} },
    );
    expect(where(result)).toEqual([['/inspector', 'readonly']]);
  });

  it('requires fields the step requires, even where the schema does not, and counts blank as missing', () => {
    for (const blank of [undefined, null, '', '   ', []]) {
      const result = validateSubmission(form, inspection, { ...submitted, riskLevel: blank }, { previous });
      expect(where(result)[0]).toEqual(['/riskLevel', 'required']);
    }
    expect(where(validateSubmission(form, inspection, { ...submitted, escapeRoutesClear: false }, { previous }))).toEqual([]);
  });

  it('says once why a field the rules refused is wrong: a blanked yes/no field is missing, not mistyped', () => {
    const result = validateSubmission(form, inspection, { ...submitted, escapeRoutesClear: null }, { previous });
    expect(where(result)).toEqual([['/escapeRoutesClear', 'required']]);
  });

  it('reports a field required both by the step and by the schema once', () => {
    const { landlordMobile: _, ...withoutMobile } = submitted;
    const result = validateSubmission(form, [{ field: 'landlordMobile', access: 'required' }], withoutMobile, { previous });
    expect(where(result)).toEqual([['/landlordMobile', 'required']]);
  });

  it("takes the engine's FormBinding fields as they are", () => {
    const binding = { key: 'rental-house', version: 1, fields: inspection };
    expect(validateSubmission(form, binding.fields, submitted, { previous }).ok).toBe(true);
  });
});

describe('validateSubmission: guards', () => {
  it(`refuses data nested deeper than ${MAX_DATA_DEPTH} levels before copying it`, () => {
    let deep: unknown = '底';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const form = formOf({ notes: {} });
    expect(errorsOf(validateSubmission(form, [], { notes: deep }))).toEqual([
      { field: `/notes${'/0'.repeat(MAX_DATA_DEPTH - 1)}`, code: 'maxDepth', message: '数据嵌套超过 32 层' },
    ]);
  });

  it('runs only forms made by defineForm', () => {
    const unchecked = { key: 'x', version: 1, title: 'x', schema: { type: 'object' } } as unknown as Form;
    expect(() => validateSubmission(unchecked, [], {})).toThrow(TypeError);
  });

  it('keeps a field named like an Object.prototype member an ordinary field', () => {
    const form = formOf({ constructor: { type: 'string' } }, { required: ['constructor'], additionalProperties: false });
    expect(where(validateSubmission(form, [], {}))).toEqual([['/constructor', 'required']]);
  });
});
