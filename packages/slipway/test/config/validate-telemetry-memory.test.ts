import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { expectIssue, validConfig } from './fixtures.js';

/** The valid fixture with Datadog as the provider, its key declared. */
function onDatadog() {
  const config = validConfig();
  config.secrets = { ...config.secrets, ddKey: { ssm: '/shop/datadog_key' } };
  config.observability = { provider: 'datadog', datadog: { apiKeySecret: 'ddKey', site: 'datadoghq.eu' } };
  return config;
}

describe('memory for the app and its telemetry sidecar', () => {
  it("accepts the smallest task beside the ADOT collector (production's traces by default)", () => {
    const config = validConfig();
    config.services!['web']!.memory = 512;
    expect(() => resolveConfig(config)).not.toThrow();
  });

  it('refuses a task too small for the app and the Datadog agent, at the memory field, naming sizes that fit', () => {
    const config = onDatadog();
    config.services!['web']!.cpu = 256;
    config.services!['web']!.memory = 512;
    expectIssue(config, 'services.web.memory', {
      message: ['512 MiB', 'the Datadog agent and its log router', "'datadog'"],
      fix: ['1024, 2048 MiB', 'cpu 256'],
    });
  });

  it("points at an environment's own memory when it set it", () => {
    const config = onDatadog();
    config.services!['web']!.memory = 1024;
    config.environments['prod']!.services = { web: { memory: 512 } };
    expectIssue(config, 'environments.prod.services.web.memory', {
      message: ['512 MiB'],
      fix: ['1024, 2048 MiB'],
    });
  });

  it('asks nothing of a task without a sidecar (CloudWatch, traces off)', () => {
    const config = validConfig();
    config.observability = { tracing: false };
    config.services!['web']!.memory = 512;
    expect(() => resolveConfig(config)).not.toThrow();
  });
});
