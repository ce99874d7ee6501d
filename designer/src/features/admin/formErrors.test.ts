import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../shared/api.ts';
import { refusalFor } from './formErrors.ts';

describe('a refusal on a form', () => {
  it('puts each problem the server names on the field it is about', () => {
    const error = new ApiFailure(400, {
      code: 'SZ_VALIDATION',
      message: 'body.path：已有这个单位',
      details: [
        { field: 'body.path', message: '已有这个单位' },
        { field: 'body.other', message: '别的问题' },
      ],
    });
    expect(refusalFor(error, { 'body.path': 'segment' })).toEqual({
      fields: [{ name: 'segment', errors: ['已有这个单位'] }],
      rest: '别的问题',
    });
  });

  it('sends a refusal by its code to the field it concerns', () => {
    const error = new ApiFailure(409, { code: 'SZ_USERNAME_TAKEN', message: '用户名 wang 已被使用' });
    expect(refusalFor(error, {}, { SZ_USERNAME_TAKEN: 'username' })).toEqual({
      fields: [{ name: 'username', errors: ['用户名 wang 已被使用'] }],
    });
  });

  it('keeps a refusal that names no field whole, for the alert', () => {
    const error = new ApiFailure(403, { code: 'SZ_FORBIDDEN', message: '您不能管理这个单位' });
    expect(refusalFor(error, { 'body.path': 'segment' })).toEqual({ fields: [], rest: '您不能管理这个单位' });
    expect(refusalFor(new Error('offline'), {})).toEqual({ fields: [], rest: 'offline' });
  });
});
