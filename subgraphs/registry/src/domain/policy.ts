// What a partner subgraph may do to the federation. It may extend core entities (Community,
// Street, Department, …) with fields of its own and add types of its own. It may not define,
// shadow or @override a field a core subgraph owns, take a core type name for anything but an
// entity extension, take a type another partner defined, or name root fields outside its prefix
// (names.ts). Every breach is one finding, with where it is.
import type { SubgraphSource } from '@shequ/kit/federation/supergraph';
import { Kind, parse, type DefinitionNode, type DirectiveNode, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import type { Finding } from './findings.js';
import { followsRootFieldRule, rootFieldPrefix } from './names.js';

interface TypeInfo {
  kind: DefinitionNode['kind'];
  /** Field name → the subgraph that defines (resolves) it. */
  fields: Map<string, string>;
  /** Field names used in @key selections. */
  keyFields: Set<string>;
  entity: boolean;
  /** Subgraphs that define the type. */
  definedBy: Set<string>;
}

const rootTypes = new Set(['Query', 'Mutation', 'Subscription']);
const federationTypes = new Set([
  '_Service',
  '_Entity',
  '_Any',
  'FieldSet',
  'link__Import',
  'link__Purpose',
  'federation__FieldSet',
  'federation__Scope',
  'federation__Policy',
]);
const typeKinds = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_EXTENSION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.ENUM_TYPE_EXTENSION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_EXTENSION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.UNION_TYPE_EXTENSION,
  Kind.SCALAR_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_EXTENSION,
]);

type NamedDefinition = DefinitionNode & { name: { value: string }; directives?: readonly DirectiveNode[]; fields?: readonly FieldDefinitionNode[] };

const has = (node: { directives?: readonly DirectiveNode[] }, name: string) => Boolean(node.directives?.some((d) => d.name.value === name));

function keySelections(node: { directives?: readonly DirectiveNode[] }): string[] {
  return (node.directives ?? [])
    .filter((d) => d.name.value === 'key')
    .flatMap((d) => {
      const fields = d.arguments?.find((a) => a.name.value === 'fields')?.value;
      return fields?.kind === Kind.STRING ? fields.value.replace(/[{}]/g, ' ').split(/\s+/).filter(Boolean) : [];
    });
}

function definitions(document: DocumentNode): NamedDefinition[] {
  return document.definitions.filter((d): d is NamedDefinition => typeKinds.has(d.kind) && 'name' in d && Boolean(d.name));
}

/** Every type of these subgraphs, with who defines what. External fields belong to no one here. */
function typesOf(subgraphs: readonly SubgraphSource[]): Map<string, TypeInfo> {
  const types = new Map<string, TypeInfo>();
  for (const { name: subgraph, sdl } of subgraphs) {
    for (const def of definitions(parse(sdl, { noLocation: true }))) {
      const name = def.name.value;
      let info = types.get(name);
      if (!info) types.set(name, (info = { kind: def.kind, fields: new Map(), keyFields: new Set(), entity: false, definedBy: new Set() }));
      info.definedBy.add(subgraph);
      const keys = keySelections(def);
      if (keys.length > 0) info.entity = true;
      for (const k of keys) info.keyFields.add(k);
      for (const field of def.fields ?? []) if (!has(field, 'external') && !info.fields.has(field.name.value)) info.fields.set(field.name.value, subgraph);
    }
  }
  return types;
}

export function policyFindings(partner: SubgraphSource, core: readonly SubgraphSource[], otherPartners: readonly SubgraphSource[]): Finding[] {
  const findings: Finding[] = [];
  const coreTypes = typesOf(core);
  const partnerTypes = typesOf(otherPartners);
  let document: DocumentNode;
  try {
    document = parse(partner.sdl, { noLocation: true });
  } catch (error) {
    return [{ code: 'INVALID_GRAPHQL', message: `the SDL does not parse: ${(error as Error).message}`, where: partner.name }];
  }
  for (const def of definitions(document)) {
    const type = def.name.value;
    if (federationTypes.has(type)) continue;
    for (const field of def.fields ?? []) {
      if (has(field, 'override'))
        findings.push({
          code: 'POLICY_OVERRIDE',
          message: `@override takes a field from another subgraph; partners may not use it`,
          where: `${type}.${field.name.value}`,
        });
    }
    if (rootTypes.has(type)) {
      for (const field of def.fields ?? []) {
        // Federation's own (_entities, _service) are in every subgraph's SDL.
        if (field.name.value.startsWith('_')) continue;
        if (!followsRootFieldRule(field.name.value, partner.name)) {
          findings.push({
            code: 'POLICY_ROOT_FIELD_NAME',
            message: `root fields of "${partner.name}" begin with "${rootFieldPrefix(partner.name)}"`,
            where: `${type}.${field.name.value}`,
          });
        }
      }
      continue;
    }
    const coreType = coreTypes.get(type);
    if (coreType) {
      // Scalars of the same name merge harmlessly (DateTime, Date).
      if (def.kind === Kind.SCALAR_TYPE_DEFINITION || def.kind === Kind.SCALAR_TYPE_EXTENSION) continue;
      if (!coreType.entity || keySelections(def).length === 0) {
        findings.push({
          code: 'POLICY_CORE_TYPE',
          message: `${type} belongs to ${[...coreType.definedBy].join(', ')}; a partner may only extend a core entity (@key) with fields of its own`,
          where: type,
        });
        continue;
      }
      for (const field of def.fields ?? []) {
        const name = field.name.value;
        const owner = coreType.fields.get(name);
        if (!owner || has(field, 'external') || coreType.keyFields.has(name)) continue;
        findings.push({
          code: 'POLICY_CORE_FIELD',
          message: `${type}.${name} belongs to the core subgraph ${owner}; a partner may not define or shadow it`,
          where: `${type}.${name}`,
        });
      }
      continue;
    }
    const taken = partnerTypes.get(type);
    if (taken && !(taken.entity && keySelections(def).length > 0)) {
      findings.push({ code: 'POLICY_TYPE_TAKEN', message: `${type} is defined by the partner subgraph ${[...taken.definedBy].join(', ')}`, where: type });
    }
  }
  return findings;
}
