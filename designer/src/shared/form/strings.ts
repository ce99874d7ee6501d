import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import type { Language, MessageKey, Translate } from '../../i18n/index.tsx';

/** The few words rjsf itself shows (array buttons, the error list heading), in our catalogue. */
const KEYS: Partial<Record<TranslatableString, MessageKey>> = {
  [TranslatableString.AddButton]: 'form.add',
  [TranslatableString.AddItemButton]: 'form.add',
  [TranslatableString.RemoveButton]: 'form.remove',
  [TranslatableString.MoveUpButton]: 'form.moveUp',
  [TranslatableString.MoveDownButton]: 'form.moveDown',
  [TranslatableString.CopyButton]: 'form.copy',
  [TranslatableString.ErrorsLabel]: 'form.errors',
  [TranslatableString.YesLabel]: 'form.yes',
  [TranslatableString.NoLabel]: 'form.no',
  [TranslatableString.NewStringDefault]: 'form.newValue',
};

export function rjsfStrings(t: Translate, language: Language) {
  return (key: TranslatableString, params?: string[]) => {
    const ours = KEYS[key];
    if (ours) return t(ours);
    return language === 'en' ? englishStringTranslator(key, params) : englishStringTranslator(key, params);
  };
}
