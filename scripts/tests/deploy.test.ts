// deploy/ cannot run here (no Docker, no Kubernetes): this keeps it honest instead. It parses the
// compose file and the manifests and compares them with the code: the ports the services listen
// on, the variables they read (the kit's configuration schemas), the probe paths they serve.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { documentedConfigs } from '@shequ/kit/config/docs';
import { repoRoot } from '@shequ/kit/paths';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadSubgraphs } from '../subgraphs.js';

const deployDir = path.join(repoRoot, 'deploy');
const read = (file: string) => readFileSync(path.join(deployDir, file), 'utf8');

type Doc = any;
const manifests: Doc[] = readdirSync(path.join(deployDir, 'k8s'))
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(read(`k8s/${f}`)).map((d) => d.toJS()))
  .filter(Boolean);
const compose: Doc = parse(read('docker-compose.yml'), { merge: true });

const defs = await loadSubgraphs();
/** The port each service listens on, from the code: subgraphs' defaultPort, the gateway's PORT default. */
const gatewayPort = Number(
  documentedConfigs()
    .find((c) => c.process === 'gateway')!
    .variables.PORT!.parse(undefined),
);
const codePorts = new Map<string, number>([...defs.map((d) => [d.name, d.defaultPort] as const), ['gateway', gatewayPort]]);
const known = new Set(documentedConfigs().flatMap((c) => Object.keys(c.variables)));
const isKnown = (name: string) => known.has(name) || /^SUBGRAPH_[A-Z_]+_URL$/.test(name);

const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);
const named = (kind: string, name: string) => ofKind(kind).find((m) => m.metadata.name === name);
const source = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

describe('deploy/: what the code serves', () => {
  it('the probe paths exist in the gateway and in every subgraph', () => {
    expect(source('gateway/src/server.ts')).toMatch(/path === '\/healthz'/);
    expect(source('gateway/src/server.ts')).toMatch(/path === '\/readyz'/);
    expect(source('packages/kit/src/server/create-subgraph-server.ts')).toMatch(/app\.get\('\/healthz'/);
    expect(source('packages/kit/src/server/create-subgraph-server.ts')).toMatch(/app\.get\('\/readyz'/);
  });
});

describe('deploy/k8s', () => {
  it('a Deployment, Service and PodDisruptionBudget per service, on its own port, probed at /readyz and /healthz', () => {
    expect(
      ofKind('Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...codePorts.keys()].sort());
    for (const [name, port] of codePorts) {
      const deployment = named('Deployment', name);
      const labels = deployment.spec.template.metadata.labels;
      expect(deployment.spec.selector.matchLabels).toEqual(expect.objectContaining({ 'app.kubernetes.io/name': name }));
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
      const [container] = deployment.spec.template.spec.containers;
      expect(container.ports.map((p: Doc) => p.containerPort)).toEqual([port]);
      expect(container.env.find((e: Doc) => e.name === 'PORT').value).toBe(String(port));
      expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port });
      expect(container.resources.requests).toHaveProperty('cpu');
      expect(container.resources.limits).toHaveProperty('memory');
      expect(container.command.join(' ')).toContain(name === 'gateway' ? 'gateway/src/main.ts' : `subgraphs/${name}/src/main.ts`);
      const service = named('Service', name);
      expect(service.spec.selector['app.kubernetes.io/name']).toBe(labels['app.kubernetes.io/name']);
      expect(service.spec.ports).toEqual([expect.objectContaining({ port, targetPort: port })]);
      expect(named('PodDisruptionBudget', name).spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': name });
    }
  });

  it('the Ingress sends everything to the gateway Service, with long timeouts for subscriptions', () => {
    const [ingress] = ofKind('Ingress');
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    expect(backend).toEqual({ name: 'gateway', port: { number: codePorts.get('gateway') } });
    expect(Number(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(600);
  });

  it('variables: every name is one the code reads; secrets only in the Secret; URLs name the Services and their ports', () => {
    const config = named('ConfigMap', 'shequ-config').data as Record<string, string>;
    const secret = named('Secret', 'shequ-secrets').stringData as Record<string, string>;
    for (const name of [...Object.keys(config), ...Object.keys(secret)]) expect(isKnown(name), name).toBe(true);
    for (const m of [...ofKind('Deployment'), ...ofKind('Job')]) {
      for (const c of m.spec.template.spec.containers) for (const e of c.env ?? []) expect(isKnown(e.name), e.name).toBe(true);
    }
    // What the schemas call secret stays out of the ConfigMap.
    const secretNames = ['JWT_SECRET', 'SHEQU_UPSTREAM_SECRET', 'SHEQU_DATA_KEY', 'METRICS_TOKEN', 'SHEQU_SERVICE_TOKEN', 'DATABASE_URL', 'REDIS_URL'];
    for (const name of secretNames) expect(config).not.toHaveProperty(name);
    for (const name of ['JWT_SECRET', 'SHEQU_UPSTREAM_SECRET', 'SHEQU_DATA_KEY', 'DATABASE_URL', 'REDIS_URL']) expect(secret).toHaveProperty(name);
    const urls = new Map(config.SHEQU_SUBGRAPH_URLS!.split(',').map((pair) => pair.split('=') as [string, string]));
    expect([...urls.keys()].sort()).toEqual(defs.map((d) => d.name).sort());
    for (const [name, url] of urls) expect(url).toBe(`http://${name}:${codePorts.get(name)}/graphql`);
    expect(config.GATEWAY_URL).toBe(`http://gateway:${codePorts.get('gateway')}/graphql`);
    expect(config.SUPERGRAPH).toBe(`http://registry:${codePorts.get('registry')}/supergraph.graphql`);
    expect(config.HOST).toBe('0.0.0.0');
  });

  it('a migration Job runs `npm run db -- all migrate deploy`', () => {
    const [job] = ofKind('Job');
    expect(job.spec.template.spec.containers[0].command).toEqual(['npm', 'run', 'db', '--', 'all', 'migrate', 'deploy']);
    expect(JSON.parse(source('package.json')).scripts.db).toBeDefined();
  });
});

describe('deploy/docker-compose.yml', () => {
  const ours = Object.entries(compose.services as Record<string, Doc>).filter(([, s]) => s.image === 'shequ:latest');

  it('every service, on its own port, checked at /readyz; two replicas each', () => {
    for (const [name, port] of codePorts) {
      const service = compose.services[name];
      expect(service, name).toBeDefined();
      expect(service.environment.PORT).toBe(String(port));
      expect(service.expose).toEqual([String(port)]);
      expect(service.healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${port}/readyz`);
      expect(service.deploy.replicas).toBe(2);
    }
  });

  it('variables: every name is one the code reads; URLs name the services and their ports', () => {
    for (const [name, service] of ours)
      for (const variable of Object.keys(service.environment ?? {})) expect(isKnown(variable), `${name}: ${variable}`).toBe(true);
    const env = compose.services.gateway.environment;
    for (const pair of env.SHEQU_SUBGRAPH_URLS.split(',')) {
      const [name, url] = pair.split('=');
      expect(url).toBe(`http://${name}:${codePorts.get(name)}/graphql`);
    }
    expect(env.GATEWAY_URL).toBe(`http://gateway:${codePorts.get('gateway')}/graphql`);
  });

  it('nginx in front passes WebSocket upgrades to the gateway port', () => {
    const conf = read('nginx.conf');
    expect(conf).toContain(`server gateway:${codePorts.get('gateway')}`);
    expect(conf).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(conf).toMatch(/proxy_read_timeout \d+s;/);
    expect(compose.services.nginx.volumes[0]).toMatch(/^\.\/nginx\.conf:/);
  });
});
