import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider, type Language } from '../../i18n/index.tsx';
import { SchemaForm, type SchemaFormProps } from './index.ts';

const REQUEST = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['title', 'contactMobile'],
  properties: {
    title: { type: 'string', title: '事项名称', minLength: 2 },
    amount: { type: 'number', title: '金额（元）', minimum: 0 },
    contactMobile: { type: 'string', title: '联系人手机号', format: 'cn-mobile' },
    idNumber: { type: 'string', title: '身份证号', format: 'cn-id' },
    decision: {
      title: '表决意见',
      oneOf: [
        { const: '同意', title: '同意' },
        { const: '不同意', title: '不同意' },
      ],
    },
    annex: { type: 'string', title: '附件', format: 'attachment' },
    secret: { type: 'string', title: '内部备注' },
  },
};

function renderForm(props: Partial<SchemaFormProps> = {}, language: Language = 'zh-CN') {
  const onSubmit = vi.fn();
  render(
    <I18nProvider language={language}>
      <SchemaForm schema={REQUEST} uiSchema={{ amount: { 'ui:widget': 'money' } }} onSubmit={onSubmit} {...props} />
    </I18nProvider>,
  );
  const submit = () => act(() => fireEvent.click(screen.getByTestId('form-submit')));
  return { onSubmit, submit };
}

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

afterEach(cleanup);

describe('the form renderer', () => {
  it('checks a mobile number as the server does, in Chinese, and sends nothing until it is right', async () => {
    const { onSubmit, submit } = renderForm();
    fill('事项名称', '路灯维修');
    fill('联系人手机号', '1380013800');
    await submit();
    expect(await screen.findByText(/不是有效的手机号码/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fill('联系人手机号', '13800138000');
    await submit();
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ title: '路灯维修', contactMobile: '13800138000' })),
    );
  });

  it('refuses an ID number whose check digit is wrong', async () => {
    const { onSubmit, submit } = renderForm();
    fill('事项名称', '路灯维修');
    fill('联系人手机号', '13800138000');
    fill('身份证号', '440605199001011234');
    await submit();
    expect(await screen.findByText(/不是有效的公民身份号码/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('words the same failures in English when the person switched', async () => {
    const { submit } = renderForm({}, 'en');
    fill('联系人手机号', '12');
    await submit();
    expect(await screen.findByText(/Not a valid mainland mobile number/)).toBeTruthy();
  });

  it('follows the step’s rules: hidden fields are gone, read-only ones locked, required ones marked', async () => {
    renderForm({
      values: { title: '路灯维修' },
      rules: [
        { field: 'secret', access: 'hidden' },
        { field: 'title', access: 'readonly' },
        { field: 'amount', access: 'required' },
      ],
    });
    expect(screen.queryByLabelText('内部备注')).toBeNull();
    expect((screen.getByLabelText('事项名称') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByLabelText('金额（元）').closest('.ant-form-item')?.querySelector('.ant-form-item-required')).toBeTruthy();
  });

  it('shows the server’s refusal on the field it names', async () => {
    renderForm({ serverErrors: [{ field: '/contactMobile', message: '联系人手机号：这个号码已停机', label: '联系人手机号' }] });
    expect(await screen.findByText('这个号码已停机')).toBeTruthy();
  });

  it('writes money as a plain number and shows it with separators', async () => {
    const { onSubmit, submit } = renderForm({ values: { title: '路灯维修', contactMobile: '13800138000' } });
    const amount = screen.getByLabelText('金额（元）') as HTMLInputElement;
    fireEvent.change(amount, { target: { value: '12345.5' } });
    fireEvent.blur(amount);
    await waitFor(() => expect(amount.value).toBe('12,345.50'));
    await submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ amount: 12345.5 })));
  });

  it('offers a choice written as oneOf of constants', () => {
    renderForm();
    expect(screen.getByLabelText('表决意见').getAttribute('role')).toBe('combobox');
  });

  it('uploads a file first and keeps its attachment id in the field', async () => {
    const upload = vi.fn(async (file: File) => ({ id: 'att-42', name: file.name, size: file.size }));
    const { onSubmit, submit } = renderForm({ upload, values: { title: '路灯维修', contactMobile: '13800138000' } });
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['报价单'], '报价单.pdf', { type: 'application/pdf' });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await waitFor(() => expect(upload).toHaveBeenCalledWith(file));
    expect(await screen.findByTestId('attachment-value')).toBeTruthy();
    await submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ annex: 'att-42' })));
  });

  it('shows a region as its path and a period as its two dates', () => {
    render(
      <I18nProvider>
        <SchemaForm
          schema={{
            type: 'object',
            properties: {
              place: { type: 'string', title: '所在地区' },
              period: { type: 'array', title: '公示期', items: { type: 'string', format: 'date' }, minItems: 2, maxItems: 2 },
            },
          }}
          uiSchema={{ place: { 'ui:widget': 'region' }, period: { 'ui:widget': 'dateRange' } }}
          values={{ place: '广东省/佛山市/南海区/里水镇', period: ['2026-12-01', '2026-12-06'] }}
          onSubmit={() => undefined}
        />
      </I18nProvider>,
    );
    expect(screen.getByText('广东省 / 佛山市 / 南海区 / 里水镇')).toBeTruthy();
    expect((screen.getAllByRole('textbox') as HTMLInputElement[]).map((i) => i.value)).toEqual(
      expect.arrayContaining(['2026-12-01', '2026-12-06']),
    );
  });

  it('edits a list of records as a table: add a row, fill its cells, remove one', async () => {
    const onSubmit = vi.fn();
    render(
      <I18nProvider>
        <SchemaForm
          schema={{
            type: 'object',
            properties: {
              attendees: {
                type: 'array',
                title: '参会人员',
                items: {
                  type: 'object',
                  required: ['name'],
                  properties: { name: { type: 'string', title: '姓名' }, age: { type: 'integer', title: '年龄' } },
                },
              },
            },
          }}
          uiSchema={{ attendees: { 'ui:field': 'table' } }}
          values={{ attendees: [{ name: '陈伯', age: 70 }] }}
          onSubmit={onSubmit}
        />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /添加一行/ }));
    const names = screen.getAllByLabelText('姓名');
    expect(names).toHaveLength(2);
    fireEvent.change(names[1] as HTMLElement, { target: { value: '李姨' } });
    await act(() => fireEvent.click(screen.getByTestId('form-submit')));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ attendees: [{ name: '陈伯', age: 70 }, { name: '李姨' }] }));
    fireEvent.click(screen.getAllByRole('button', { name: '删除' })[0] as HTMLElement);
    expect(screen.getAllByLabelText('姓名')).toHaveLength(1);
  });

  it('names a table’s choices as the form names them', () => {
    render(
      <I18nProvider>
        <SchemaForm
          schema={{
            type: 'object',
            properties: {
              members: {
                type: 'array',
                items: { type: 'object', properties: { relation: { type: 'string', title: '关系', enum: ['spouse', 'child'] } } },
              },
            },
          }}
          uiSchema={{ members: { 'ui:field': 'table', items: { relation: { 'ui:enumNames': ['配偶', '子女'] } } } }}
          values={{ members: [{ relation: 'spouse' }] }}
          onSubmit={() => undefined}
        />
      </I18nProvider>,
    );
    expect(screen.getByText('配偶')).toBeTruthy();
    expect(screen.queryByText('spouse')).toBeNull();
  });
});
