import { UploadOutlined } from '@ant-design/icons';
import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils';
import { maskId } from '@shanzhi/forms';
import { Button, Input, InputNumber, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { DateRangePicker, MemberPicker, RegionPicker, UnitPicker } from './pickers.tsx';

/** What the form's host gives the widgets: how a file becomes an attachment id. */
export interface FormContext {
  readonly upload?: (file: File) => Promise<{ id: string; name: string; size: number }>;
}

interface Shape {
  readonly maxLength: number;
  readonly inputMode: 'numeric' | 'text';
  /** How a value reads when it cannot be changed (an ID number masked). */
  readonly display?: (value: string) => string;
}

/** A text field with the length and keyboard its Chinese format asks for. */
function FormattedText({ id, value, disabled, readonly, onChange, onBlur, onFocus, placeholder, shape }: WidgetProps & { shape: Shape }) {
  const text = typeof value === 'string' ? value : '';
  if (readonly || disabled) return <Input id={id} value={shape.display ? shape.display(text) : text} disabled />;
  return (
    <Input
      id={id}
      value={text}
      maxLength={shape.maxLength}
      inputMode={shape.inputMode}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value.trim())}
      onBlur={() => onBlur(id, text)}
      onFocus={() => onFocus(id, text)}
    />
  );
}

const MOBILE: Shape = { maxLength: 11, inputMode: 'numeric' };
const ID_NUMBER: Shape = { maxLength: 18, inputMode: 'text', display: (v) => (v ? maskId(v) : v) };
const CREDIT_CODE: Shape = { maxLength: 18, inputMode: 'text' };

/** 12345.5 → 12,345.50 */
function yuan(value: number | string | undefined): string {
  if (value === undefined || value === '' || Number.isNaN(Number(value))) return '';
  const [whole, cents] = Number(value).toFixed(2).split('.');
  return `${(whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** 金额: yuan with two decimals and thousands separators; the value stays a plain number. */
function MoneyWidget({ id, value, disabled, readonly, onChange, onBlur, onFocus, schema }: WidgetProps) {
  const t = useT();
  return (
    <InputNumber<number>
      id={id}
      style={{ width: '100%' }}
      value={typeof value === 'number' ? value : null}
      min={typeof schema.minimum === 'number' ? schema.minimum : undefined}
      max={typeof schema.maximum === 'number' ? schema.maximum : undefined}
      precision={2}
      disabled={disabled || readonly}
      addonAfter={t('form.yuan')}
      formatter={(v, { userTyping, input }) => (userTyping ? input : yuan(v))}
      parser={(v) => Number((v ?? '').replace(/,/g, ''))}
      onChange={(v) => onChange(v ?? undefined)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}

/** 附件: the file is uploaded first; the field holds its attachment id, as the server stores it. */
function AttachmentWidget({ id, value, disabled, readonly, onChange, registry }: WidgetProps) {
  const t = useT();
  const { upload } = registry.formContext as FormContext;
  const [uploaded, setUploaded] = useState<{ name: string; size: number }>();
  const [failed, setFailed] = useState<string>();
  const [busy, setBusy] = useState(false);
  const attached = typeof value === 'string' && value !== '';
  return (
    <Space direction="vertical" size={4} id={id}>
      {attached ? (
        <Typography.Text data-testid="attachment-value">
          {uploaded ? `${uploaded.name}（${Math.ceil(uploaded.size / 1024)} KB）` : t('form.attached')}
        </Typography.Text>
      ) : null}
      {disabled || readonly || !upload ? null : (
        <Upload
          showUploadList={false}
          customRequest={async ({ file }) => {
            setBusy(true);
            setFailed(undefined);
            try {
              const answer = await upload(file as File);
              setUploaded(answer);
              onChange(answer.id);
            } catch (e) {
              setFailed(e instanceof Error ? e.message : String(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            {attached ? t('form.replaceFile') : t('form.chooseFile')}
          </Button>
        </Upload>
      )}
      {failed ? <Typography.Text type="danger">{failed}</Typography.Text> : null}
    </Space>
  );
}

/**
 * The widgets of the Chinese field types of packages/forms, and the pickers a uiSchema names
 * (`ui:widget`: money, member, unit, region, dateRange). rjsf picks a string field's widget
 * by its format's name, so `format: cn-mobile` gets the mobile field without any uiSchema.
 */
export const WIDGETS: RegistryWidgetsType = {
  'cn-mobile': (props) => <FormattedText {...props} shape={MOBILE} />,
  'cn-id': (props) => <FormattedText {...props} shape={ID_NUMBER} />,
  'cn-uscc': (props) => <FormattedText {...props} shape={CREDIT_CODE} />,
  attachment: AttachmentWidget,
  money: MoneyWidget,
  member: MemberPicker,
  unit: UnitPicker,
  region: RegionPicker,
  dateRange: DateRangePicker,
};
