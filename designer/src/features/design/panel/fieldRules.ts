import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import type { MessageKey } from '../../../i18n/index.tsx';
import type { FormField } from './catalog.ts';
import { usePanel } from './entries.ts';
import { createModdle, type DiagramElement, extensionOf, type ModdleElement, setExtension } from './extensions.ts';

export const FORM_NAMES = ['key', 'version', 'fields'] as const;

/** What a step may do with a field (docs/bpmn-extensions.md); `editable` is the default, written as no rule. */
const ACCESS: readonly { access: string; label: MessageKey }[] = [
  { access: 'editable', label: 'design.access.editable' },
  { access: 'readonly', label: 'design.access.readonly' },
  { access: 'hidden', label: 'design.access.hidden' },
  { access: 'required', label: 'design.access.required' },
];

type Loaded = { fields: readonly FormField[] } | { failed: true } | undefined;

/**
 * 字段权限: each field of the bound form against the four rules, one radio per cell, writing
 * `sz:field name access` under the step's `sz:form`. A rule for a field the form no longer has stays listed, to be seen and cleared.
 */
function FieldRules({ element }: { element: DiagramElement }) {
  const { catalog, services } = usePanel();
  const form = extensionOf(element, 'sz:Form');
  const key = form?.get('key') as string | undefined;
  const version = form?.get('version') as number | undefined;
  const [loaded, setLoaded] = useState<Loaded>(undefined);
  useEffect(() => {
    setLoaded(undefined);
    if (!key) return;
    let current = true;
    catalog.formFields(key, version).then(
      (fields) => current && setLoaded({ fields }),
      () => current && setLoaded({ failed: true }),
    );
    return () => {
      current = false;
    };
  }, [catalog, catalog.forms, key, version]);
  if (!form || !key) return h('p', { class: 'sz-hint' }, catalog.t('design.rules.noForm'));
  if (!loaded) return h('p', { class: 'sz-hint' }, catalog.t('app.loading'));
  if ('failed' in loaded) return h('p', { class: 'sz-problem', role: 'alert' }, catalog.t('design.rules.failed', { form: key }));

  const rules = (form.get('fields') as ModdleElement[] | undefined) ?? [];
  const ruleOf = (name: string) => rules.find((r) => r.get('name') === name);
  const rows = [
    ...loaded.fields,
    ...rules
      .filter((r) => !loaded.fields.some((f) => f.name === r.get('name')))
      .map((r) => ({ name: String(r.get('name')), title: String(r.get('name')) })),
  ];
  const choose = (name: string, access: string) => {
    const rule = ruleOf(name);
    if (rule && access !== 'editable') {
      services.get('commandStack').execute('element.updateModdleProperties', { element, moddleElement: rule, properties: { access } });
      return;
    }
    const next =
      access === 'editable' ? rules.filter((r) => r !== rule) : [...rules, createModdle(services, 'sz:Field', { name, access }, form)];
    setExtension(services, element, 'sz:Form', FORM_NAMES, { fields: next });
  };
  const header = h(
    'tr',
    null,
    h('th', { scope: 'col' }, catalog.t('design.rules.field')),
    ...ACCESS.map((a) => h('th', { scope: 'col' }, catalog.t(a.label))),
  );
  const body = rows.map((field) => {
    const current = (ruleOf(field.name)?.get('access') as string | undefined) ?? 'editable';
    return h(
      'tr',
      { key: field.name, 'data-field': field.name },
      h('th', { scope: 'row', translate: 'no' }, field.title),
      ...ACCESS.map((a) =>
        h(
          'td',
          null,
          h('input', {
            type: 'radio',
            name: `sz-rule-${element.id}-${field.name}`,
            checked: current === a.access,
            'aria-label': `${field.title}：${catalog.t(a.label)}`,
            onChange: () => choose(field.name, a.access),
          }),
        ),
      ),
    );
  });
  return h(
    'div',
    { class: 'bio-properties-panel-entry sz-rules' },
    h('table', { 'aria-label': catalog.t('design.rules.title') }, h('thead', null, header), h('tbody', null, ...body)),
  );
}

export function fieldRulesEntry(element: DiagramElement) {
  return {
    id: 'sz-form-fields',
    element,
    component: FieldRules,
    isEdited: () => (extensionOf(element, 'sz:Form')?.get('fields') as unknown[] | undefined)?.length,
  };
}
