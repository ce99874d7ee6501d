import { FolderOpenOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useRef } from 'react';
import { useT } from '../../i18n/index.tsx';
import { readBpmnFile } from './files.ts';

/** A .bpmn file as chosen: its text, unchanged, and its name to save it back under. */
export interface OpenedFile {
  readonly xml: string;
  readonly name: string | undefined;
}

const MB = 1024 * 1024;

/**
 * Picks a .bpmn file (Camunda Modeler's, Zeebe's or our own) and reads it as it is; a file too
 * large for the server or not BPMN at all is named as such, not handed to bpmn-js to fail inside.
 */
export function OpenFileButton({ label, testId, onOpen }: { label: string; testId: string; onOpen(file: OpenedFile): void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const { message } = App.useApp();
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".bpmn,.xml,application/xml,text/xml"
        hidden
        aria-label={label}
        data-testid={testId}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          const read = await readBpmnFile(file);
          if (read.ok) onOpen({ name: file.name, xml: read.xml });
          else if (read.code === 'too-large') {
            message.error(t('versions.file.tooLarge', { name: file.name, size: (read.bytes / MB).toFixed(1), limit: read.limit / MB }));
          } else message.error(t('versions.file.notBpmn', { name: file.name }));
        }}
      />
      <Button icon={<FolderOpenOutlined />} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}
