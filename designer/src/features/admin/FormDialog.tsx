import { Alert, Form, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { refusalFor } from './formErrors.ts';

/**
 * A dialog holding one form: OK submits it, a refusal's field problems go on the fields
 * (`byField` maps the server's `body.x` to the form's names) and the rest shows above them.
 */
export function FormDialog<T extends object>({
  title,
  okText,
  testId,
  onSubmit,
  onClose,
  byField = {},
  byCode = {},
  initialValues,
  children,
}: {
  title: ReactNode;
  okText: string;
  testId: string;
  onSubmit: (values: T) => Promise<unknown>;
  onClose: () => void;
  byField?: Record<string, string>;
  byCode?: Record<string, string>;
  initialValues?: Partial<T>;
  children: ReactNode;
}) {
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string>();
  const submit = async (values: T) => {
    setBusy(true);
    setRefused(undefined);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      const { fields, rest } = refusalFor(error, byField, byCode);
      form.setFields(fields as never);
      setRefused(rest);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': `${testId}-ok` } as never}
    >
      <Form<T> form={form} layout="vertical" onFinish={submit} data-testid={testId} initialValues={initialValues}>
        {refused ? <Alert type="error" showIcon message={refused} style={{ marginBottom: 16 }} /> : null}
        {children}
      </Form>
    </Modal>
  );
}
