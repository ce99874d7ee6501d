import { Blob } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { bpmnFileName, isBpmnXml, MAX_BPMN_FILE_BYTES, readBpmnFile } from './files.ts';
import { moddleExtensions } from './moddle.ts';
import { mergedDescriptor, zeebe } from './zeebe.ts';

/**
 * bpmn-js saves with bpmn-moddle's toXML, so what the modeler keeps of a file is what bpmn-moddle,
 * given the designer's extensions, keeps of it. These read models other tools wrote (the OMG MIWG
 * reference suite, Camunda 7's engine tests with camunda: extensions the designer does not type)
 * and the demo's own, and check nothing is lost or changed on the way through.
 */

const ENGINE = '@shanzhi/engine';
const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../../../');
/** The peer models sit in shared/ beside the repository's clone, or under SHANZHI_PEER (as `pnpm conformance` reads them). */
const PEER = process.env.SHANZHI_PEER ?? join(REPO, '../shared/peer');

function bpmnFilesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.bpmn(20\.xml)?$/.test(name))
    .map((name) => join(folder, name))
    .sort();
}

const MIWG = bpmnFilesIn(join(PEER, 'miwg'));
const CAMUNDA7 = bpmnFilesIn(join(PEER, 'camunda7'));
const OURS = [...bpmnFilesIn(join(REPO, 'server/src/demo/procedures')), ...bpmnFilesIn(join(REPO, 'templates'))];

/** The text of a model file, honouring the encoding its XML declaration names (MIWG's are ISO-8859-1). */
function readModel(path: string): string {
  const bytes = readFileSync(path);
  const declared = /encoding="([^"]+)"/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1] ?? 'utf-8';
  return new TextDecoder(declared).decode(bytes);
}

const moddle = () => new BpmnModdle(moddleExtensions);

/** Open and save as the modeler does: one bpmn-moddle reads the file and writes it back. */
async function save(xml: string): Promise<string> {
  const reader = moddle();
  const { rootElement } = await reader.fromXML(xml);
  return (await reader.toXML(rootElement, { format: true })).xml;
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** A parsed element as what it says, not how it is spelled: namespaces by URI, never by prefix. */
interface Node {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly Node[];
}

/** A QName value (xsi:type="bpmn:tFormalExpression") resolved to its namespace URI, as a prefix may change. */
function resolvedQName(element: Element, value: string): string {
  const [prefix, local] = value.includes(':') ? value.split(':', 2) : [null, value];
  return `{${element.lookupNamespaceURI(prefix) ?? ''}}${local}`;
}

/** Numbers as numbers: 100.0 and 100 are one coordinate. */
const numeric = (value: string): string => (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value) ? String(Number(value)) : value);

/**
 * What the BPMN schema says anyway, which bpmn-moddle does not write out again: an attribute at its
 * default (startQuantity="1", isInterrupting="true") and an xsi:type naming the type the schema
 * declares for the element (di:waypoint as dc:Point). Leaving these out changes nothing a tool reads.
 */
class Schema {
  private readonly moddle = moddle();
  private readonly prefixes = new Map(this.moddle.getPackages().map((p) => [p.uri, p.prefix]));

  private descriptor(element: Element) {
    const prefix = this.prefixes.get(element.namespaceURI ?? '');
    const name = element.localName;
    if (!prefix) return undefined;
    try {
      return this.moddle.getType(`${prefix}:${name.charAt(0).toUpperCase()}${name.slice(1)}`).$descriptor;
    } catch {
      // An element named after its property (conditionExpression, waypoint), not its type.
      return undefined;
    }
  }

  isDefault(element: Element, attr: Attr): boolean {
    if (attr.namespaceURI !== null) return false;
    const fallback = this.descriptor(element)?.propertiesByName[attr.localName]?.default;
    return fallback !== undefined && String(fallback) === attr.value;
  }

  isDeclaredType(element: Element, type: string): boolean {
    const parent = element.parentElement;
    const declared = parent && this.descriptor(parent)?.propertiesByName[element.localName]?.type;
    if (!declared?.includes(':')) return false;
    const [prefix, local] = declared.split(':', 2);
    const uri = [...this.prefixes].find(([, p]) => p === prefix)?.[0];
    return type === `{${uri}}${local}`;
  }
}

const schema = new Schema();

function tree(element: Element): Node {
  const attributes: Record<string, string> = {};
  for (const attr of Array.from(element.attributes)) {
    if (attr.namespaceURI === XMLNS || schema.isDefault(element, attr)) continue;
    const key = `{${attr.namespaceURI ?? ''}}${attr.localName}`;
    if (attr.namespaceURI === XSI && attr.localName === 'type') {
      const type = resolvedQName(element, attr.value);
      if (!schema.isDeclaredType(element, type)) attributes[key] = type;
    } else attributes[key] = numeric(attr.value);
  }
  const children = Array.from(element.children).map(tree);
  const text = Array.from(element.childNodes)
    .filter((node) => node.nodeType === 3 || node.nodeType === 4)
    .map((node) => node.textContent ?? '')
    .join('')
    .trim();
  return { name: `{${element.namespaceURI ?? ''}}${element.localName}`, attributes, text, children: inSchemaOrder(children) };
}

/**
 * bpmn-moddle writes a parent's children in its schema's property order (documentation before
 * extensionElements, incoming before outgoing), which may differ from the file's: what must hold is
 * every child kept, and children of one name kept in their order (sz:field rules, flow elements).
 */
function inSchemaOrder(children: Node[]): Node[] {
  const names = [...new Set(children.map((c) => c.name))].sort();
  return names.flatMap((name) => children.filter((c) => c.name === name));
}

/** Where two trees differ, as readable paths: the list a failing round trip prints. */
function differences(before: Node, after: Node, path = before.name): string[] {
  if (before.name !== after.name) return [`${path}: became ${after.name}`];
  const found: string[] = [];
  for (const key of new Set([...Object.keys(before.attributes), ...Object.keys(after.attributes)])) {
    if (before.attributes[key] !== after.attributes[key]) {
      found.push(`${path} @${key}: ${before.attributes[key] ?? '(none)'} -> ${after.attributes[key] ?? '(none)'}`);
    }
  }
  if (before.text !== after.text) found.push(`${path} text: ${JSON.stringify(before.text)} -> ${JSON.stringify(after.text)}`);
  const count = Math.max(before.children.length, after.children.length);
  for (let i = 0; i < count; i++) {
    const [b, a] = [before.children[i], after.children[i]];
    const at = `${path} > ${(b ?? a)?.name}[${b?.attributes['{}id'] ?? i}]`;
    if (!b || !a) found.push(`${at}: ${b ? 'lost' : 'added'}`);
    else found.push(...differences(b, a, at));
  }
  return found;
}

function parsed(xml: string): Node {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return tree(document.documentElement);
}

/**
 * What bpmn-moddle does not keep, each found in these files and explained: the test fails on any
 * other difference, and on a listed one that no longer happens (so the list cannot go stale).
 */
const KNOWN_LOSSES: readonly { readonly file: RegExp; readonly difference: RegExp; readonly why: string }[] = [
  {
    file: /miwg\/(A\.2\.1|C\.1\.[01])\.bpmn$/,
    difference: /@\{\}name: [^\n]*\r\n/,
    why: 'a carriage return in an attribute (name="Prepare&#xD;&#xA;Bank") is written unescaped, so it reads back as a space: moddle-xml escapes \\n but not \\r',
  },
  {
    file: /miwg\/C\.8\.1\.bpmn$/,
    difference: /operation\[[^\]]+\] > \{[^}]+\}outMessageRef\[1\]: lost/,
    why: 'an operation names two outMessageRef; the BPMN schema allows one, and bpmn-moddle keeps the first',
  },
  {
    file: /miwg\/C\.8\.1\.bpmn$/,
    difference: /resourceAssignmentExpression\[[^\]]+\] > \{[^}]+\}formalExpression\[0\]: became \{[^}]+\}expression/,
    why: '<formalExpression> is written as <expression xsi:type="bpmn:tFormalExpression">: the same element of the substitution group, spelled as the schema declares it',
  },
  {
    file: /miwg\/C\.8\.1\.bpmn$/,
    difference: /allowedValues\[\d\] @\{http:\/\/www\.trisotech\.com\/2015\/triso\/modeling\}constraintsType: enumeration -> \(none\)/,
    why: 'an unknown element carrying one attribute twice, with and without its own prefix (constraintsType and triso:constraintsType, same value), keeps one',
  },
  {
    file: /CallActivity\.testSubProcessDataInputOutput\.bpmn20\.xml$/,
    difference: /camunda\.org\/schema\/1\.0\/bpmn\}out\[2\] @\{\}source: myLocalVariable -> \(none\)/,
    why: 'an attribute written with a space before its equals sign (source ="…") is not read by bpmn-moddle\'s XML parser',
  },
  {
    file: /BoundaryErrorEventTest\.testCatchErrorOnParallelMultiInstance\.bpmn20\.xml$/,
    difference: /process\[catchErrorOnParallelMi\] > /,
    why: 'a sequence flow whose id is "flow4 " (with a space) is no valid ID; bpmn-moddle drops it with an import warning, the rest shifting up',
  },
  {
    file: /TerminateEndEventTest\.testTerminateInSubProcess\.bpmn$/,
    difference: /BPMNPlane\[BPMNPlane_1\] @\{\}bpmnElement: process_1 -> \(none\)/,
    why: 'the diagram names a process (process_1) the file does not have; an unresolved reference is dropped',
  },
  {
    file: /MultiInstanceTest\.testParallelUserTasksBasedOnCollection\.bpmn20\.xml$/,
    difference: /multiInstanceLoopCharacteristics\[0\] > \{[^}]+\}loopDataInputRef\[2\]: lost/,
    why: 'Camunda 7 puts a variable name (assigneeList) where BPMN wants the id of a data input; no such element, so the reference is dropped',
  },
];

describe.each([
  ['the OMG MIWG reference models', MIWG],
  ['the Camunda 7 engine test models', CAMUNDA7],
  ['the demo procedures and the template library', OURS],
])('saving %s', (_, files) => {
  it('finds the models', () => {
    expect(files.length).toBeGreaterThan(1);
  });

  it.each(files.map((path) => [path.replace(PEER, '').replace(REPO, ''), path]))(
    'keeps every element, attribute and extension element of %s',
    async (_name, path) => {
      const original = readModel(path);
      const found = differences(parsed(original), parsed(await save(original)));
      const known = KNOWN_LOSSES.filter((loss) => loss.file.test(path));
      expect(found.filter((d) => !known.some((loss) => loss.difference.test(d)))).toEqual([]);
      for (const loss of known)
        expect(
          found.some((d) => loss.difference.test(d)),
          loss.why,
        ).toBe(true);
    },
  );

  it.each(files.map((path) => [path.replace(PEER, '').replace(REPO, ''), path]))(
    'saves %s again byte for byte as it saved it the first time',
    async (_name, path) => {
      const once = await save(readModel(path));
      expect(await save(once)).toBe(once);
    },
  );
});

describe('the zeebe: descriptor the designer gives bpmn-js', () => {
  const engineZeebe = JSON.parse(readFileSync(join(REPO, 'packages/engine/src/compile/descriptors/zeebe.json'), 'utf8'));

  it('has every type and property the engine reads', () => {
    const designer = new BpmnModdle({ zeebe });
    for (const type of engineZeebe.types as { name: string; extends?: string[]; properties?: { name: string }[] }[]) {
      // A type that extends a BPMN one (zeebe:ErrorEventDefinitionVariables) adds its properties to that type.
      const holders = type.extends ?? [`zeebe:${type.name}`];
      for (const holder of holders) {
        const known = designer.getType(holder).$descriptor.propertiesByName;
        for (const property of type.properties ?? []) {
          expect(known, `${holder} from zeebe:${type.name}`).toHaveProperty(type.extends ? `zeebe:${property.name}` : property.name);
        }
      }
    }
  });

  it("adds to Camunda's types what the engine has beyond them, and the engine's own types", () => {
    const camunda = { types: [{ name: 'CalledElement', properties: [{ name: 'processId' }] }] };
    const engine = {
      types: [
        { name: 'CalledElement', properties: [{ name: 'processId' }, { name: 'versionTag' }] },
        { name: 'ErrorEventDefinitionVariables', properties: [{ name: 'errorCodeVariable' }] },
      ],
    };
    expect(mergedDescriptor(camunda, engine).types).toEqual([
      { name: 'CalledElement', properties: [{ name: 'processId' }, { name: 'versionTag' }] },
      { name: 'ErrorEventDefinitionVariables', properties: [{ name: 'errorCodeVariable' }] },
    ]);
  });
});

describe('opening a .bpmn file', () => {
  // Node's Blob: jsdom's has no text().
  const file = (text: string) => new Blob([text], { type: 'application/xml' }) as unknown as globalThis.Blob;

  it('opens a BPMN model whatever prefix its definitions carry, as the text it holds', async () => {
    const miwg = readModel(MIWG[0] as string);
    expect(await readBpmnFile(file(miwg))).toEqual({ ok: true, xml: miwg });
    expect(isBpmnXml('<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"/>')).toBe(true);
  });

  it('refuses XML that is not BPMN, and text that is not XML', async () => {
    expect(await readBpmnFile(file('<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d"/>'))).toEqual({
      ok: false,
      code: 'not-bpmn',
    });
    expect(await readBpmnFile(file('{"type":"object"}'))).toEqual({ ok: false, code: 'not-bpmn' });
    expect(isBpmnXml('<bpmn:process xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>')).toBe(false);
  });

  it('refuses a file larger than the server takes, saying how large it is', async () => {
    // Loaded here, after the designer's descriptors (the engine's bpmn-moddle rewrites its descriptor
    // objects), and by a name the designer's type check does not follow into the engine's sources.
    const engine: { MAX_XML_BYTES: number } = await import(/* @vite-ignore */ ENGINE);
    expect(MAX_BPMN_FILE_BYTES).toBe(engine.MAX_XML_BYTES);
    const big = file('x'.repeat(MAX_BPMN_FILE_BYTES + 1));
    expect(await readBpmnFile(big)).toEqual({ ok: false, code: 'too-large', bytes: MAX_BPMN_FILE_BYTES + 1, limit: MAX_BPMN_FILE_BYTES });
  });

  it('names a download after the procedure key and version', () => {
    expect(bpmnFileName('village_request', 3)).toBe('village_request-v3.bpmn');
    expect(bpmnFileName('a/b c')).toBe('a_b_c.bpmn');
  });
});
