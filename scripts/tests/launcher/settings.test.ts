import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../subgraphs/registry/src/index.js';
import { planServices, registryDefaultPort } from '../../launcher/plan.js';
import { readSettings, SettingsError } from '../../launcher/settings.js';

const root = '/repo';
const subgraphs = ['committees', 'departments', 'evaluations', 'party', 'registry', 'services'];
const read = (env: NodeJS.ProcessEnv) => readSettings(env, subgraphs, root);
const bundles = new Map([...subgraphs, 'gateway'].map((n) => [n, `/repo/.build/start/${n}.mjs`]));

describe('launcher settings', () => {
  it('defaults: every service, fixed ports, the restart policy of the README', () => {
    const s = read({});
    expect(s.services).toEqual([...subgraphs, 'gateway']);
    expect(s.ports).toBe('fixed');
    expect(s.gatewayPort).toBe(4000);
    expect(s.restart).toMatchObject({ initialBackoffMs: 1_000, maxBackoffMs: 30_000, resetAfterMs: 60_000, crashLoopExits: 5, crashLoopWindowMs: 120_000 });
    expect(s.buildDir).toBe(path.join(root, '.build', 'start'));
    expect(s.subgraphNodeFlags).toEqual(['--liftoff-only', '--v8-pool-size=1']);
  });

  it('reads the knobs', () => {
    const s = read({
      SHEQU_SERVICES: 'gateway, evaluations',
      SHEQU_PORTS: 'free',
      SHEQU_RESTART_BACKOFF_MS: '200',
      SHEQU_CRASH_LOOP: '2/60000',
      SHEQU_BUILD_DIR: '.build/test',
    });
    // Subgraphs first whatever the order given: the summary and the colours stay stable.
    expect(s.services).toEqual(['evaluations', 'gateway']);
    expect(s.ports).toBe('free');
    expect(s.restart).toMatchObject({ initialBackoffMs: 200, maxBackoffMs: 30_000, crashLoopExits: 2, crashLoopWindowMs: 60_000 });
    expect(s.buildDir).toBe(path.join(root, '.build', 'test'));
  });

  it.each([
    [
      { SHEQU_SERVICES: 'evaluation,gateway' },
      'SHEQU_SERVICES names "evaluation"; known services: committees, departments, evaluations, party, registry, services, gateway',
    ],
    [{ SHEQU_SERVICES: 'gateway,gateway' }, 'SHEQU_SERVICES names "gateway" twice'],
    [{ SHEQU_SERVICES: 'gateway,' }, 'SHEQU_SERVICES names ""'],
    [{ SHEQU_PORTS: 'random' }, 'SHEQU_PORTS must be "free" or "fixed", not "random"'],
    [{ SHEQU_RESTART_BACKOFF_MS: '1s' }, 'SHEQU_RESTART_BACKOFF_MS must be a whole number from 1 up, not "1s"'],
    [{ SHEQU_RESTART_BACKOFF_MS: '0' }, 'SHEQU_RESTART_BACKOFF_MS must be a whole number from 1 up, not "0"'],
    [{ SHEQU_CRASH_LOOP: '5' }, 'SHEQU_CRASH_LOOP must be <exits>/<milliseconds>, e.g. 5/120000'],
    [{ SHEQU_CRASH_LOOP: '5/2m' }, 'not "5/2m"'],
    [{ SHEQU_CRASH_LOOP: '5/0' }, 'not "5/0"'],
    [{ PORT: '80000' }, 'PORT must be a whole number from 1 to 65535, not "80000"'],
    [{ SHEQU_START_TIMEOUT_MS: '-1' }, 'SHEQU_START_TIMEOUT_MS must be a whole number from 1 up, not "-1"'],
    [{ SHEQU_BUILD_DIR: '/tmp/x' }, 'SHEQU_BUILD_DIR must be a directory inside the repository'],
    [{ SHEQU_BUILD_DIR: '../x' }, 'SHEQU_BUILD_DIR must be a directory inside the repository'],
  ])('refuses %o', (env, message) => {
    expect(() => read(env)).toThrow(SettingsError);
    expect(() => read(env)).toThrow(message);
  });
});

describe('service plan', () => {
  it('fixed ports: subgraphs on their own ports, the gateway on PORT, everyone asks the hub there', () => {
    const specs = planServices(read({ PORT: '4100' }), subgraphs, bundles, { PORT: '4100', KEEP: 'yes' }, new Map());
    const evaluations = specs.find((s) => s.name === 'evaluations')!;
    const gateway = specs.find((s) => s.name === 'gateway')!;
    expect(evaluations.env.PORT).toBeUndefined();
    expect(evaluations.env).toMatchObject({ KEEP: 'yes', GATEWAY_URL: 'http://127.0.0.1:4100/graphql' });
    expect(evaluations.nodeFlags).toEqual(['--liftoff-only', '--v8-pool-size=1']);
    expect(gateway.env).toMatchObject({ PORT: '4100', GATEWAY_URL: 'http://127.0.0.1:4100/graphql' });
    expect(gateway.env.SHEQU_SUBGRAPH_URLS).toBeUndefined();
    expect(gateway.nodeFlags).toEqual([]);
    expect(gateway.bundle).toBe('/repo/.build/start/gateway.mjs');
  });

  it('free ports: the gateway is told where every subgraph is; those not started are unreachable', () => {
    const ports = new Map([
      ['evaluations', 41005],
      ['gateway', 41000],
    ]);
    const [evaluations, gateway] = planServices(
      read({ SHEQU_SERVICES: 'evaluations,gateway', SHEQU_PORTS: 'free' }),
      subgraphs,
      bundles,
      { PORT: '4000' },
      ports,
    );
    expect(evaluations!.env).toMatchObject({ PORT: '41005', GATEWAY_URL: 'http://127.0.0.1:41000/graphql' });
    expect(gateway!.env.PORT).toBe('41000');
    expect(gateway!.env.SHEQU_SUBGRAPH_URLS).toBe(
      'committees=http://127.0.0.1:1/graphql,departments=http://127.0.0.1:1/graphql,evaluations=http://127.0.0.1:41005/graphql,party=http://127.0.0.1:1/graphql,registry=http://127.0.0.1:1/graphql,services=http://127.0.0.1:1/graphql',
    );
    // No registry started: the gateway serves the repository's supergraph file.
    expect(gateway!.env.SUPERGRAPH).toBeUndefined();
  });

  it("with the registry: the gateway watches its supergraph, with the repository's file until it answers", () => {
    const ports = new Map([
      ['registry', 41006],
      ['gateway', 41000],
    ]);
    const specs = planServices(read({ SHEQU_SERVICES: 'registry,gateway', SHEQU_PORTS: 'free' }), subgraphs, bundles, {}, ports);
    const registry = specs.find((s) => s.name === 'registry')!;
    const gateway = specs.find((s) => s.name === 'gateway')!;
    expect(gateway.env).toMatchObject({ SUPERGRAPH: 'http://127.0.0.1:41006/supergraph.graphql', SUPERGRAPH_POLL_MS: '2000' });
    expect(gateway.env.SUPERGRAPH_FALLBACK).toMatch(/schema\/supergraph\.graphql$/);
    expect(registry.env.SHEQU_SUBGRAPH_URLS).toBe(gateway.env.SHEQU_SUBGRAPH_URLS);

    const fixed = planServices(read({}), subgraphs, bundles, {}, new Map()).find((s) => s.name === 'gateway')!;
    expect(fixed.env.SUPERGRAPH).toBe(`http://127.0.0.1:${registryDefaultPort}/supergraph.graphql`);
    const chosen = planServices(read({}), subgraphs, bundles, { SUPERGRAPH: '/etc/shequ/supergraph.graphql' }, new Map()).find((s) => s.name === 'gateway')!;
    expect(chosen.env.SUPERGRAPH).toBe('/etc/shequ/supergraph.graphql');
    expect(chosen.env.SUPERGRAPH_FALLBACK).toBeUndefined();
  });

  it("knows the registry's own port", () => {
    expect(registryDefaultPort).toBe(registry.defaultPort);
  });
});
