// Every document the CLI sends to the gateway, by operation name. They are recorded, byte for byte,
// in schema/operations/registry-cli.json: a gateway with TRUSTED_DOCUMENTS=true runs only recorded
// documents, and the registry refuses schema changes that would break them. Written in graphql's
// print() form so that the text is the canonical one (a test holds both to it).

export interface Operation {
  name: string;
  document: string;
}

const operation = (name: string, ...definitions: string[]): Operation => ({ name, document: definitions.join('\n\n') });

const schemaCheck = `fragment SchemaCheckReport on SchemaCheck {
  ok
  errors {
    code
    message
    where
  }
  warnings {
    code
    message
    where
  }
  changes {
    type
    criticality
    message
    path
  }
}`;

const subgraphSummary = `fragment SubgraphSummary on RegisteredSubgraph {
  name
  kind
  partnerId
  routingUrl
  active
  currentVersion
  keyGeneration
}`;

const subgraphChange = `fragment SubgraphChangeOutcome on SubgraphChange {
  ok
  restoredVersion
  check {
    ...SchemaCheckReport
  }
  subgraph {
    ...SubgraphSummary
  }
}`;

const signingSecret = `fragment SigningSecret on PartnerSigningSecret {
  signingSecret
  subgraph {
    ...SubgraphSummary
  }
}`;

export const operations = {
  registeredSubgraphs: operation(
    'RegisteredSubgraphs',
    `query RegisteredSubgraphs {
  registeredSubgraphs {
    ...SubgraphSummary
  }
}`,
    subgraphSummary,
  ),
  registeredSubgraph: operation(
    'RegisteredSubgraph',
    `query RegisteredSubgraph($name: String!) {
  registeredSubgraph(name: $name) {
    ...SubgraphSummary
  }
}`,
    subgraphSummary,
  ),
  subgraphHistory: operation(
    'SubgraphHistory',
    `query SubgraphHistory($name: String!, $last: Int) {
  registeredSubgraph(name: $name) {
    ...SubgraphSummary
    versions(last: $last) {
      version
      action
      routingUrl
      actor
      at
      changes {
        type
        criticality
        message
        path
      }
    }
  }
}`,
    subgraphSummary,
  ),
  subgraphCheck: operation(
    'SubgraphCheck',
    `query SubgraphCheck($name: String!, $sdl: String!, $routingUrl: String) {
  subgraphCheck(name: $name, sdl: $sdl, routingUrl: $routingUrl) {
    ...SchemaCheckReport
  }
}`,
    schemaCheck,
  ),
  publishSubgraph: operation(
    'PublishSubgraph',
    `mutation PublishSubgraph($name: String!, $sdl: String!, $routingUrl: String, $force: Boolean) {
  publishSubgraph(name: $name, sdl: $sdl, routingUrl: $routingUrl, force: $force) {
    ...SubgraphChangeOutcome
  }
}`,
    subgraphChange,
    schemaCheck,
    subgraphSummary,
  ),
  rollbackSubgraph: operation(
    'RollbackSubgraph',
    `mutation RollbackSubgraph($name: String!, $version: Int, $force: Boolean) {
  rollbackSubgraph(name: $name, version: $version, force: $force) {
    ...SubgraphChangeOutcome
  }
}`,
    subgraphChange,
    schemaCheck,
    subgraphSummary,
  ),
  removeSubgraph: operation(
    'RemoveSubgraph',
    `mutation RemoveSubgraph($name: String!, $force: Boolean) {
  removeSubgraph(name: $name, force: $force) {
    ...SubgraphChangeOutcome
  }
}`,
    subgraphChange,
    schemaCheck,
    subgraphSummary,
  ),
  registerPartnerSubgraph: operation(
    'RegisterPartnerSubgraph',
    `mutation RegisterPartnerSubgraph($name: String!, $partnerId: String!, $routingUrl: String!) {
  registerPartnerSubgraph(
    name: $name
    partnerId: $partnerId
    routingUrl: $routingUrl
  ) {
    ...SigningSecret
  }
}`,
    signingSecret,
    subgraphSummary,
  ),
  rotatePartnerSigningSecret: operation(
    'RotatePartnerSigningSecret',
    `mutation RotatePartnerSigningSecret($name: String!) {
  rotatePartnerSigningSecret(name: $name) {
    ...SigningSecret
  }
}`,
    signingSecret,
    subgraphSummary,
  ),
} satisfies Record<string, Operation>;

/** Sent to the partner's own subgraph, not the gateway: not a recorded operation. */
export const partnerIntrospection: Operation = operation(
  'SubgraphIntrospect',
  `query SubgraphIntrospect {
  _service {
    sdl
  }
}`,
);

// What the results look like: the selections above, typed.

export type Criticality = 'BREAKING' | 'DANGEROUS' | 'SAFE';

export interface Finding {
  code: string;
  message: string;
  where: string | null;
}

export interface SchemaChange {
  type: string;
  criticality: Criticality;
  message: string;
  path: string | null;
}

export interface SchemaCheck {
  ok: boolean;
  errors: Finding[];
  warnings: Finding[];
  changes: SchemaChange[];
}

export interface SubgraphSummary {
  name: string;
  kind: 'CORE' | 'PARTNER';
  partnerId: string | null;
  routingUrl: string;
  active: boolean;
  currentVersion: number | null;
  keyGeneration: number;
}

export interface SubgraphVersion {
  version: number;
  action: 'SYNC' | 'PUBLISH' | 'ROLLBACK' | 'REMOVE';
  routingUrl: string;
  actor: string;
  at: string;
  changes: SchemaChange[];
}

export interface SubgraphChange {
  ok: boolean;
  /** For a rollback: the version brought back. */
  restoredVersion: number | null;
  check: SchemaCheck;
  subgraph: SubgraphSummary;
}

export interface SigningSecret {
  signingSecret: string;
  subgraph: SubgraphSummary;
}

export interface Results {
  registeredSubgraphs: { registeredSubgraphs: SubgraphSummary[] };
  registeredSubgraph: { registeredSubgraph: SubgraphSummary | null };
  subgraphHistory: { registeredSubgraph: (SubgraphSummary & { versions: SubgraphVersion[] }) | null };
  subgraphCheck: { subgraphCheck: SchemaCheck };
  publishSubgraph: { publishSubgraph: SubgraphChange };
  rollbackSubgraph: { rollbackSubgraph: SubgraphChange };
  removeSubgraph: { removeSubgraph: SubgraphChange };
  registerPartnerSubgraph: { registerPartnerSubgraph: SigningSecret };
  rotatePartnerSigningSecret: { rotatePartnerSigningSecret: SigningSecret };
}

export type OperationKey = keyof typeof operations;
