import { FolderOpenOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef } from 'react';
import { useT } from '../../i18n/index.tsx';

/** A .bpmn file as chosen: its text, unchanged, and its name to save it back under. */
export interface OpenedFile {
  readonly xml: string;
  readonly name: string | undefined;
}

/** 打开 .bpmn 文件: Camunda Modeler's, Zeebe's or our own, read as it is. */
export function OpenFileButton({ onOpen }: { onOpen(file: OpenedFile): void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".bpmn,.xml,application/xml,text/xml"
        hidden
        aria-label={t('design.openFile')}
        data-testid="design-file"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onOpen({ xml: await file.text(), name: file.name });
        }}
      />
      <Button icon={<FolderOpenOutlined />} onClick={() => input.current?.click()}>
        {t('design.openFile')}
      </Button>
    </>
  );
}
