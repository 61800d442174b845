import { describe, expect, it } from 'vitest';
import { envSecretName, serviceEnvSecret } from '../../src/kubernetes/env-secret.js';
import { ManifestError } from '../../src/kubernetes/manifest-error.js';
import type { EnvironmentModel, ServiceModel } from '../../src/model/types.js';
import { eksModel } from './eks-environment.js';

const { env } = eksModel();
const web = env.services.find((s) => s.name === 'web')!;
const worker = env.services.find((s) => s.name === 'worker')!;
const scope = { app: 'megadolls', namespace: 'megadolls' };
const secretOf = (service: ServiceModel, environment: EnvironmentModel = env) =>
  serviceEnvSecret(environment, service, scope);

describe("a service's env Secret", () => {
  it('gives the pods the variables and formats a Fargate task gets', () => {
    const spec = secretOf(web)!.spec!;
    expect(spec.target!.name).toBe(envSecretName(web));
    expect(spec.target!.template!.data).toEqual({
      DATABASE_HOST: '{{ .databaseHost }}',
      DATABASE_READER_HOSTS: '{{ .databaseReaderHost1 }}',
      DATABASE_PORT: '5432',
      DATABASE_NAME: 'megadolls',
      DATABASE_USER: 'app',
      DATABASE_IAM_AUTH: 'true',
      DATABASE_SSL: 'verify-full',
      // TLS, as the cache requires, on Valkey's port.
      REDIS_URL: 'rediss://{{ .cacheHost }}:6379',
      DJANGO_SECRET_KEY: '{{ .DJANGO_SECRET_KEY }}',
      PGADMIN_PASSWORD: '{{ .PGADMIN_PASSWORD }}',
    });
    // Only the template's keys reach the Secret, not the parameters it is built from.
    expect(spec.target!.template).toMatchObject({ engineVersion: 'v2', mergePolicy: 'Replace' });
    expect(spec.refreshInterval).toBe('1h');
  });

  it('reads endpoints from the data layer parameters and each secret from its own store', () => {
    const spec = secretOf(web)!.spec!;
    expect(spec.secretStoreRef).toEqual({ kind: 'SecretStore', name: 'aws-parameter-store' });
    expect(spec.data).toEqual([
      { secretKey: 'databaseHost', remoteRef: { key: '/megadolls/dev/data/main/endpoint-address' } },
      {
        secretKey: 'databaseReaderHost1',
        remoteRef: { key: '/megadolls/dev/data/main/replica-1/endpoint-address' },
      },
      { secretKey: 'cacheHost', remoteRef: { key: '/megadolls/dev/data/caches/sessions/endpoint-address' } },
      { secretKey: 'DJANGO_SECRET_KEY', remoteRef: { key: '/megadolls/dev/django-secret-key' } },
      {
        secretKey: 'PGADMIN_PASSWORD',
        remoteRef: { key: 'megadolls/dev/pgadmin-password' },
        sourceRef: { storeRef: { kind: 'SecretStore', name: 'aws-secrets-manager' } },
      },
    ]);
  });

  it('joins several replicas with commas and leaves the readers out without any', () => {
    const two = { ...env, databases: env.databases.map((d) => ({ ...d, readReplicas: 2 })) };
    expect(secretOf(web, two)!.spec!.target!.template!.data!.DATABASE_READER_HOSTS).toBe(
      '{{ .databaseReaderHost1 }},{{ .databaseReaderHost2 }}',
    );
    const none = { ...env, databases: env.databases.map((d) => ({ ...d, readReplicas: 0 })) };
    expect(secretOf(web, none)!.spec!.target!.template!.data).not.toHaveProperty('DATABASE_READER_HOSTS');
  });

  it('is made only for a service with a database, a cache or secrets', () => {
    expect(secretOf(worker)).toBeUndefined();
    expect(secretOf({ ...worker, cache: 'sessions' })!.spec!.target!.template!.data).toEqual({
      REDIS_URL: 'rediss://{{ .cacheHost }}:6379',
    });
  });

  it('refuses what ECS refuses: a variable Slipway sets, an undeclared secret, database or cache', () => {
    const refused = (service: ServiceModel, field: RegExp) => {
      expect(() => secretOf(service)).toThrow(ManifestError);
      expect(() => secretOf(service)).toThrow(field);
    };
    refused({ ...web, environment: { REDIS_URL: 'redis://x' } }, /services\.web\.environment\.REDIS_URL/);
    refused({ ...web, environment: { DATABASE_HOST: 'x' } }, /services\.web\.environment\.DATABASE_HOST/);
    refused({ ...web, secrets: { TOKEN: 'nope' } }, /services\.web\.secrets\.TOKEN/);
    refused({ ...web, secrets: { DATABASE_USER: 'django-secret-key' } }, /secrets\.DATABASE_USER/);
    refused({ ...web, database: 'other' }, /services\.web\.database/);
    refused({ ...web, cache: 'other' }, /services\.web\.cache/);
  });
});
