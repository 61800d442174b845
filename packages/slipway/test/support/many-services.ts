import path from 'node:path';
import { pathToFileURL } from 'node:url';

const KIT_ENTRY = pathToFileURL(path.resolve(import.meta.dirname, '../../src/index.ts')).href;

/**
 * A config of `count` public services on one database in one environment, each on a path of its
 * own: the app of a larger team, for tests and benchmarks of how things scale with services.
 */
export function manyServicesConfig(count: number, region = 'eu-west-1'): string {
  const services = Array.from({ length: count }, (_, i) => {
    const name = `svc${String(i + 1).padStart(2, '0')}`;
    return `    ${name}: { port: 8080, healthPath: '/healthz', database: 'main', paths: ['/${name}/*'] },`;
  });
  return [
    `import { defineConfig } from ${JSON.stringify(KIT_ENTRY)};`,
    'export default defineConfig({',
    "  app: 'many',",
    "  github: { repository: 'acme/many' },",
    "  databases: { main: { databaseName: 'many', appUsername: 'many_app' } },",
    '  services: {',
    ...services,
    '  },',
    `  environments: { dev: { account: '111111111111', region: '${region}', availabilityZones: ['${region}a', '${region}b'] } },`,
    '});',
    '',
  ].join('\n');
}
