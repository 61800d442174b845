import { describe, expect, it } from 'vitest';
import { ProvisionError } from '../../src/provision/errors.js';

describe('ProvisionError', () => {
  it('says what failed in one sentence, with or without the request, and the fix', () => {
    const bare = new ProvisionError(undefined, { reason: 'the task definition is missing' });
    expect(bare.message.split('\n')[0]).toBe(
      'The database provisioner failed: the task definition is missing.',
    );
    expect(bare.message).toContain('Fix: ');
    const withRequest = new ProvisionError(
      { action: 'drop', database: 'main', databaseName: 'shop_pr_x', roleName: 'app_pr_x' },
      { reason: 'it stopped', exitCode: 3 },
    );
    expect(withRequest.message.split('\n')[0]).toBe(
      'The drop of database shop_pr_x and role app_pr_x failed: it stopped (exit code 3).',
    );
  });
});
