import type { PanelCatalog } from './panel/catalog.ts';

interface Shape {
  readonly type: string;
}
interface ElementFactory {
  createShape(attrs: { type: string }): Shape;
}
interface Create {
  start(event: Event, shape: Shape, context?: { source: Shape }): void;
}
interface AutoPlace {
  append(source: Shape, shape: Shape): void;
}
type Entries = Record<string, unknown>;

/** Steps the engine has more to say about than bpmn-js's generic task: one click away in the palette and the context pad. */
const STEPS = [
  {
    type: 'bpmn:UserTask',
    name: 'user-task',
    icon: 'bpmn-icon-user-task',
    create: 'design.tool.createUserTask',
    append: 'design.tool.appendUserTask',
  },
  {
    type: 'bpmn:ServiceTask',
    name: 'service-task',
    icon: 'bpmn-icon-service-task',
    create: 'design.tool.createServiceTask',
    append: 'design.tool.appendServiceTask',
  },
] as const;

/** 人工办理 and 外部任务 in the palette, next to the generic task. */
class StepPalette {
  static $inject = ['palette', 'create', 'elementFactory', 'config.szCatalog'];

  constructor(
    palette: { registerProvider(provider: StepPalette): void },
    private readonly create: Create,
    private readonly factory: ElementFactory,
    private readonly catalog: PanelCatalog,
  ) {
    palette.registerProvider(this);
  }

  getPaletteEntries() {
    return (entries: Entries) => {
      const added: Entries = {};
      for (const step of STEPS) {
        const start = (event: Event) => this.create.start(event, this.factory.createShape({ type: step.type }));
        added[`create.${step.name}`] = {
          group: 'activity',
          className: step.icon,
          title: this.catalog.t(step.create),
          action: { dragstart: start, click: start },
        };
      }
      return { ...entries, ...added };
    };
  }
}

/** Appending a user task or a service task to the selected step, as bpmn-js appends a generic one. */
class StepContextPad {
  static $inject = ['contextPad', 'create', 'elementFactory', 'autoPlace', 'config.szCatalog'];

  constructor(
    contextPad: { registerProvider(provider: StepContextPad): void },
    private readonly create: Create,
    private readonly factory: ElementFactory,
    private readonly autoPlace: AutoPlace,
    private readonly catalog: PanelCatalog,
  ) {
    contextPad.registerProvider(this);
  }

  getContextPadEntries(element: Shape) {
    return (entries: Entries) => {
      // Only where bpmn-js itself offers to append a task: after a flow node that may have a successor.
      if (!entries['append.append-task']) return entries;
      const added: Entries = {};
      for (const step of STEPS) {
        added[`append.${step.name}`] = {
          group: 'model',
          className: step.icon,
          title: this.catalog.t(step.append),
          action: {
            click: () => this.autoPlace.append(element, this.factory.createShape({ type: step.type })),
            dragstart: (event: Event) => this.create.start(event, this.factory.createShape({ type: step.type }), { source: element }),
          },
        };
      }
      return { ...entries, ...added };
    };
  }
}

export const StepToolsModule = {
  __init__: ['szStepPalette', 'szStepContextPad'],
  szStepPalette: ['type', StepPalette],
  szStepContextPad: ['type', StepContextPad],
};
