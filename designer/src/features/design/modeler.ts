import '@bpmn-io/properties-panel/assets/properties-panel.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import './design.css';
import { moddleExtensions } from './moddle.ts';
import type { PanelCatalog } from './panel/catalog.ts';
import { SzPropertiesProviderModule } from './panel/SzPropertiesProvider.ts';
import { StepToolsModule } from './steps.ts';
import { TranslateModule } from './translate.ts';

/**
 * The bpmn-js modeler with the properties panel and the sz: groups. Imported by the editor only,
 * so bpmn-js and the panel load with /design's editor and nowhere else.
 */
export function createModeler(canvas: HTMLElement, panel: HTMLElement, catalog: PanelCatalog): Modeler {
  return new Modeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    additionalModules: [
      TranslateModule,
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      SzPropertiesProviderModule,
      StepToolsModule,
    ],
    moddleExtensions,
    szCatalog: catalog,
  });
}

export type { Modeler };
