import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

// Docker does not run in CI, so the compose files and the proxy config are checked as text: what they
// publish, which roles they run and where the proxy sends requests.

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  profiles?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
}
type Services = Record<string, Service>;

const ROOT = process.cwd();
const read = (file: string) => readFileSync(resolve(ROOT, file), 'utf8');
// Compose reads `<<: *anchor` merge keys (YAML 1.1); so does this.
const servicesOf = (file: string) => (parse(read(file), { merge: true }) as { services: Services }).services;

/** What `docker compose -f docker-compose.yml -f docker-compose.scale.yml` runs: the second file's keys over the first's. */
function splitDeployment(): Services {
  const base = servicesOf('docker-compose.yml');
  const scale = servicesOf('docker-compose.scale.yml');
  const merged: Services = { ...base };
  for (const [name, service] of Object.entries(scale)) merged[name] = { ...base[name], ...service };
  return merged;
}

/** Services a plain `up` starts (no profile named). */
const started = (services: Services) => Object.entries(services).filter(([, service]) => service.profiles === undefined);
const withRole = (services: Services, role: string) => started(services).filter(([, service]) => service.command?.[0] === role);
/** `host:container` or `ip:host:container` → the address the host port listens on (all interfaces when none). */
const bindAddress = (port: string) => (port.split(':').length === 3 ? port.split(':')[0] : '0.0.0.0');

describe('docker-compose.yml', () => {
  const services = servicesOf('docker-compose.yml');

  it('publishes Redis and PostgreSQL on loopback only, for a development checkout on the same host', () => {
    expect(services.redis?.ports).toEqual(['127.0.0.1:6379:6379']);
    expect(services.postgres?.ports).toEqual(['127.0.0.1:5432:5432']);
  });
});

describe('the split deployment (docker-compose.scale.yml over docker-compose.yml)', () => {
  const services = splitDeployment();
  const donegates = [...withRole(services, 'receiver'), ...withRole(services, 'worker')];

  it('runs two receivers and two workers, and not the one-process service', () => {
    expect(withRole(services, 'receiver')).toHaveLength(2);
    expect(withRole(services, 'worker')).toHaveLength(2);
    expect(started(services).map(([name]) => name)).not.toContain('donegate');
  });

  it('connects every receiver and worker to PostgreSQL as the runtime role, after the one-shot migrate', () => {
    for (const [name, service] of donegates) {
      expect([name, service.environment?.DATABASE_URL]).toEqual([name, expect.stringMatching(/^postgres:\/\/donegate_runtime:[^@]+@postgres:5432\//)]);
      expect([name, service.environment?.MIGRATE_ON_START]).toEqual([name, 'false']);
      expect([name, service.depends_on?.migrate?.condition]).toEqual([name, 'service_completed_successfully']);
    }
    expect(services.migrate?.command).toEqual(['migrate']);
    expect(services.migrate?.environment?.DATABASE_OWNER_URL).toMatch(/^postgres:\/\//);
  });

  it("keeps the image's HEALTHCHECK for every receiver and worker, built from this Dockerfile", () => {
    expect(read('Dockerfile')).toMatch(/^HEALTHCHECK .*\\\n\s+CMD .*\/healthz/m);
    for (const [name, service] of donegates) {
      expect([name, service.build, service.healthcheck]).toEqual([name, '.', undefined]);
    }
    for (const name of ['redis', 'postgres', 'proxy']) expect([name, services[name]?.healthcheck?.test]).toEqual([name, expect.anything()]);
  });

  it('publishes one port on the network, the proxy, and every other port on loopback only', () => {
    const published = started(services).flatMap(([name, service]) => (service.ports ?? []).map((port) => ({ name, port, address: bindAddress(port) })));

    expect(published.filter(({ address }) => address !== '127.0.0.1')).toEqual([{ name: 'proxy', port: '8080:8080', address: '0.0.0.0' }]);
  });

  it('waits for both receivers to be healthy before the proxy starts', () => {
    const receivers = withRole(services, 'receiver').map(([name]) => name);

    expect(services.proxy?.depends_on).toEqual(Object.fromEntries(receivers.map((name) => [name, { condition: 'service_healthy' }])));
  });

  describe("the proxy's config", () => {
    const mount = services.proxy?.volumes?.find((volume) => volume.includes('/etc/nginx/'));
    const file = mount?.split(':')[0] ?? '';
    const config = existsSync(resolve(ROOT, file)) ? read(file) : '';
    /** The text of each `server { … }` block, by the port it listens on. */
    const servers = new Map([...config.matchAll(/^server \{\n([\s\S]*?)^\}/gm)].map((m) => [/listen (\d+);/.exec(m[1]!)?.[1], m[1]!]));
    const routes = (port: string) => [...(servers.get(port) ?? '').matchAll(/location (\S+) \{\s*proxy_pass http:\/\/donegate_receivers;/g)].map((m) => m[1]);

    it('is the file mounted into nginx', () => {
      expect(config).toContain('upstream donegate_receivers');
    });

    it('balances over both receivers, by their service names', () => {
      const upstream = /upstream donegate_receivers \{([\s\S]*?)\}/.exec(config)?.[1] ?? '';
      const receivers = withRole(services, 'receiver').map(([name]) => `${name}:3000`);

      expect([...upstream.matchAll(/^\s*server (\S+)/gm)].map((m) => m[1])).toEqual(receivers);
    });

    it('sends only webhooks and the API from the public port, and the queue view only from the loopback one', () => {
      const publicPort = services.proxy?.ports?.find((port) => bindAddress(port) !== '127.0.0.1')?.split(':').at(-1);
      const loopbackPort = services.proxy?.ports?.find((port) => bindAddress(port) === '127.0.0.1')?.split(':').at(-1);

      expect(routes(publicPort ?? '')).toEqual(['/webhooks/', '/api/v1/']);
      expect(routes(loopbackPort ?? '')).toEqual(['/admin/queues']);
      expect(servers.size).toBe(2);
    });
  });
});
