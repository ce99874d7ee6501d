import type { MessageKey } from '../../i18n/zh-CN.ts';
import { FIELD_KINDS, type FieldKind, type PaletteKind } from './model.ts';

export const KIND_LABEL: Record<FieldKind, MessageKey> = {
  text: 'forms.kind.text',
  textarea: 'forms.kind.textarea',
  number: 'forms.kind.number',
  integer: 'forms.kind.integer',
  money: 'forms.kind.money',
  boolean: 'forms.kind.boolean',
  date: 'forms.kind.date',
  datetime: 'forms.kind.datetime',
  choice: 'forms.kind.choice',
  multiChoice: 'forms.kind.multiChoice',
  mobile: 'forms.kind.mobile',
  idNumber: 'forms.kind.idNumber',
  uscc: 'forms.kind.uscc',
  email: 'forms.kind.email',
  attachment: 'forms.kind.attachment',
  attachments: 'forms.kind.attachments',
  member: 'forms.kind.member',
  section: 'forms.kind.section',
  group: 'forms.kind.group',
  unsupported: 'forms.kind.unsupported',
};

/** Personal data the renderer masks wherever it cannot be changed (DOMAIN.md: 4406**********123X). */
export const MASKED: readonly FieldKind[] = ['idNumber'];

/** What a dragged palette entry is called while it is dragged (`palette:date`). */
export const paletteId = (kind: PaletteKind) => `palette:${kind}`;

export function paletteKindOf(dragId: string): PaletteKind | undefined {
  const kind = dragId.startsWith('palette:') ? dragId.slice('palette:'.length) : undefined;
  return FIELD_KINDS.find((k) => k === kind);
}
