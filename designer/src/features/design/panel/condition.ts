import { isTextFieldEntryEdited, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';
import { describe, usePanel } from './entries.ts';
import { createModdle, type DiagramElement, type ModdleElement } from './extensions.ts';
import { useFeelProblem } from './feelCheck.ts';

/** 条件: a sequence flow's `conditionExpression`, FEEL the server checks as it is typed. */
function Condition({ element, id }: { element: DiagramElement; id: string }) {
  const { catalog, services, debounce } = usePanel();
  const bo = getBusinessObject(element);
  const expression = bo.get('conditionExpression') as ModdleElement | undefined;
  const value = (expression?.get('body') as string | undefined) ?? '';
  const problem = useFeelProblem(catalog, value, 'always');
  const setValue = (next: string | undefined) => {
    const text = next?.trim() ? next : undefined;
    const stack = services.get('commandStack');
    if (expression && text !== undefined) {
      stack.execute('element.updateModdleProperties', { element, moddleElement: expression, properties: { body: text } });
      return;
    }
    const conditionExpression = text === undefined ? undefined : createModdle(services, 'bpmn:FormalExpression', { body: text }, bo);
    stack.execute('element.updateModdleProperties', { element, moddleElement: bo, properties: { conditionExpression } });
  };
  return h(TextFieldEntry, {
    element,
    id,
    label: catalog.t('design.condition.expression'),
    description: describe(problem, catalog.t('design.condition.hint')),
    getValue: () => value,
    setValue,
    debounce,
  });
}

export function conditionEntry(element: DiagramElement) {
  return { id: 'sz-condition', element, component: Condition, isEdited: isTextFieldEntryEdited };
}
