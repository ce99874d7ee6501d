import engineZeebe from '@shanzhi/engine/descriptors/zeebe.json';
import camundaZeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';

interface Property {
  readonly name: string;
}
interface Type {
  readonly name: string;
  readonly superClass?: readonly string[];
  readonly extends?: readonly string[];
  readonly properties?: readonly Property[];
}
interface Descriptor {
  readonly types: readonly Type[];
}

/** Camunda's types, each with what the engine's has and Camunda's lacks added, then the engine's own types. */
export function mergedDescriptor<D extends Descriptor>(camunda: D, engine: Descriptor): D {
  const engineTypes = new Map(engine.types.map((t) => [t.name, t]));
  const camundaTypes = new Map(camunda.types.map((t) => [t.name, t]));
  // A type's own properties, those it inherits within the package (zeebe:Input's source, from
  // InputOutputParameter) and those a mixin adds to it (zeebe:CalledElement's bindingType, from BindingTypeSupported).
  const propertyNames = (type: Type | undefined): string[] =>
    type
      ? [
          ...(type.properties ?? []).map((p) => p.name),
          ...(type.superClass ?? []).flatMap((name) => propertyNames(camundaTypes.get(name.replace(/^zeebe:/, '')))),
          ...camunda.types.filter((mixin) => mixin.extends?.includes(`zeebe:${type.name}`)).flatMap((mixin) => propertyNames(mixin)),
        ]
      : [];
  const types = camunda.types.map((type) => {
    const known = new Set(propertyNames(type));
    const added = (engineTypes.get(type.name)?.properties ?? []).filter((p) => !known.has(p.name));
    return added.length === 0 ? type : { ...type, properties: [...(type.properties ?? []), ...added] };
  });
  const camundaNames = new Set(camunda.types.map((t) => t.name));
  return { ...camunda, types: [...types, ...engine.types.filter((t) => !camundaNames.has(t.name))] };
}

/**
 * The zeebe: namespace as Camunda Modeler knows it, so a Camunda 8 model keeps everything it carries
 * (zeebe:userTaskForm, zeebe:calledDecision, …): given only the engine's subset, bpmn-moddle drops
 * the zeebe: elements it does not know. The engine's types and properties are all in it (a test checks).
 * Copies: bpmn-moddle rewrites the descriptor objects it is given, and the engine gives it its own.
 */
export const zeebe = mergedDescriptor(structuredClone(camundaZeebe), structuredClone(engineZeebe));
