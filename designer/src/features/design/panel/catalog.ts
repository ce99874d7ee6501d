import type { Translate } from '../../../i18n/index.tsx';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** A form's field as the field-rules grid lists it. */
export interface FormField {
  readonly name: string;
  readonly title: string;
}

/**
 * What the properties panel needs from the app: the words in the chosen language, the people,
 * roles and forms to pick from, and the server's checks. The editor keeps one object up to date
 * (the panel renders outside React, so it reads this rather than React state).
 */
export interface PanelCatalog {
  t: Translate;
  users: readonly Choice[];
  roles: readonly Choice[];
  /** Form keys, each with the versions deployed in reach. */
  forms: readonly { key: string; title: string; versions: readonly number[] }[];
  /** The top-level fields of a form (its newest version without `version`). */
  formFields(key: string, version: number | undefined): Promise<readonly FormField[]>;
  /** What is wrong with a FEEL text, in the chosen language; undefined when it is fine. */
  checkFeel(expression: string): Promise<string | undefined>;
}

/** Where bpmn-js keeps the catalogue: `new Modeler({ szCatalog })`, read back as `config.szCatalog`. */
export const CATALOG_CONFIG = 'config.szCatalog';
