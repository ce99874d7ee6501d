/** One thing wrong with a model, named so a designer can find and fix it. */
export interface Problem {
  readonly elementId?: string;
  readonly elementType?: string;
  /** A stable kebab-case name of the rule broken (for tests, UI hints and translations). */
  readonly rule: string;
  readonly message: string;
}

export class Problems {
  readonly list: Problem[] = [];

  add(rule: string, message: string, element?: { id?: string; $type?: string }): void {
    const elementId = element?.id;
    const elementType = element?.$type?.replace(/^bpmn:/, '');
    this.list.push({
      rule,
      message,
      ...(elementId === undefined ? {} : { elementId }),
      ...(elementType === undefined ? {} : { elementType }),
    });
  }
}
