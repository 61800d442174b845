import { describe, expect, it } from 'vitest';
import { parseWorkflowFile } from '../../src/workflows/generate.js';
import { checkoutCredentials } from '../../src/workflows/rules/checkout-credentials.js';
import { deployEnvironment } from '../../src/workflows/rules/deploy-environment.js';
import { idTokenForRoles } from '../../src/workflows/rules/id-token-for-roles.js';
import { checkWorkflows, WORKFLOW_RULES } from '../../src/workflows/rules/index.js';
import { noExpressionsInScripts } from '../../src/workflows/rules/no-expressions-in-scripts.js';
import { noInheritedSecrets } from '../../src/workflows/rules/no-inherited-secrets.js';
import { pinnedActions } from '../../src/workflows/rules/pinned-actions.js';
import { productionConcurrency } from '../../src/workflows/rules/production-concurrency.js';
import { productionDiffFirst } from '../../src/workflows/rules/production-diff-first.js';
import { repositoryWrites } from '../../src/workflows/rules/repository-writes.js';
import { topLevelPermissions } from '../../src/workflows/rules/top-level-permissions.js';
import { trustedTriggers } from '../../src/workflows/rules/trusted-triggers.js';
import type { WorkflowRule } from '../../src/workflows/rules/types.js';

const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0';
const CREDENTIALS = 'aws-actions/configure-aws-credentials@a03048d87541d1d9fcf2ecf528a4a65ba9bd7838 # v5.0.0';
const CONTEXT = { productionEnvironments: ['production'] };

/** A workflow that holds every rule: a production deploy done right. */
const COMPLIANT = `
name: Deploy
on:
  push:
    tags: [v*]
permissions: {}
jobs:
  prod:
    runs-on: ubuntu-latest
    environment: production
    concurrency:
      group: deploy-prod
      cancel-in-progress: false
    permissions:
      contents: read
      id-token: write
    env:
      BRANCH: \${{ github.ref_name }}
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - uses: ${CREDENTIALS}
        with:
          role-to-assume: arn:aws:iam::111111111111:role/app-prod-github-deploy
          aws-region: us-east-1
      - run: npx slipway diff --env prod
      - run: npx slipway deploy --env prod --target aws
        env:
          TAG: \${{ github.ref_name }}
`;

function file(text: string) {
  return parseWorkflowFile('.github/workflows/deploy.yml', text);
}

/** The compliant workflow with one text replacement. */
function breaking(from: string | RegExp, to: string) {
  const text = COMPLIANT.replace(from, to);
  expect(text, 'the replacement must change the workflow').not.toBe(COMPLIANT);
  return file(text);
}

function check(rule: WorkflowRule, text: ReturnType<typeof file>) {
  return rule.check(text, CONTEXT);
}

describe('workflow rules on a compliant workflow', () => {
  it('all pass', () => {
    expect(checkWorkflows([file(COMPLIANT)], CONTEXT)).toEqual([]);
  });

  it('each rule has its own id and a description', () => {
    const ids = WORKFLOW_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of WORKFLOW_RULES) expect(rule.description.length).toBeGreaterThan(20);
  });
});

describe('Slipway-GHA1 pinned actions', () => {
  it('rejects a tag', () => {
    const problems = check(pinnedActions, breaking(CHECKOUT, 'actions/checkout@v5'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/actions\/checkout@v5/);
  });
  it('rejects a SHA without the version comment', () => {
    expect(
      check(
        pinnedActions,
        breaking(' # v5.0.0\n        with:\n          persist', '\n        with:\n          persist'),
      ),
    ).toHaveLength(1);
  });
  it('rejects a short SHA', () => {
    expect(
      check(pinnedActions, breaking('08c6903cd8c0fde910a37f88322edcfb5dd907a8', '08c6903')),
    ).toHaveLength(1);
  });
  it('allows local actions', () => {
    expect(check(pinnedActions, breaking(`uses: ${CHECKOUT}`, 'uses: ./.github/actions/checkout'))).toEqual(
      [],
    );
  });
});

describe('Slipway-GHA2 top-level permissions', () => {
  it('accepts contents: read', () => {
    expect(check(topLevelPermissions, breaking('permissions: {}', 'permissions:\n  contents: read'))).toEqual(
      [],
    );
  });
  it('rejects a missing key', () => {
    expect(check(topLevelPermissions, breaking('permissions: {}\n', ''))[0]?.message).toMatch(/no top-level/);
  });
  it('rejects write access', () => {
    const problems = check(
      topLevelPermissions,
      breaking('permissions: {}', 'permissions:\n  contents: write'),
    );
    expect(problems[0]?.message).toMatch(/contents: write/);
  });
  it('rejects write-all', () => {
    expect(check(topLevelPermissions, breaking('permissions: {}', 'permissions: write-all'))).toHaveLength(1);
  });
});

describe('Slipway-GHA3 id-token only for jobs that assume a role', () => {
  it('rejects id-token at the workflow level', () => {
    const problems = check(idTokenForRoles, breaking('permissions: {}', 'permissions:\n  id-token: write'));
    expect(problems.map((p) => p.message)).toContain('the workflow grants id-token: write to every job');
  });
  it('rejects id-token on a job without a role', () => {
    const problems = check(idTokenForRoles, breaking(/role-to-assume: .*\n/, ''));
    expect(problems).toEqual([
      expect.objectContaining({ job: 'prod', message: expect.stringMatching(/assumes no role/) }),
    ]);
  });
});

describe('Slipway-GHA4 trusted triggers', () => {
  it('rejects pull_request_target', () => {
    const problems = check(trustedTriggers, breaking('  push:\n    tags: [v*]', '  pull_request_target: {}'));
    expect(problems[0]?.message).toMatch(/pull_request_target/);
  });
  it('rejects workflow_run', () => {
    const problems = check(
      trustedTriggers,
      breaking('  push:\n', '  workflow_run:\n    workflows: [Build]\n  push:\n'),
    );
    expect(problems[0]?.message).toMatch(/workflow_run/);
  });
});

describe('Slipway-GHA5 no expressions in scripts', () => {
  it('rejects a branch name pasted into a script', () => {
    const problems = check(
      noExpressionsInScripts,
      breaking('run: npx slipway diff --env prod', `run: npx slipway diff --env "\${{ github.head_ref }}"`),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/github\.head_ref/);
    expect(problems[0]?.fix).toMatch(/env:/);
  });
});

describe('Slipway-GHA6 checkout keeps no credentials', () => {
  it('rejects a checkout without persist-credentials: false', () => {
    expect(check(checkoutCredentials, breaking('persist-credentials: false', 'fetch-depth: 0'))).toHaveLength(
      1,
    );
  });
  it('rejects persist-credentials: true', () => {
    expect(
      check(checkoutCredentials, breaking('persist-credentials: false', 'persist-credentials: true')),
    ).toHaveLength(1);
  });
});

describe('Slipway-GHA7 no inherited secrets', () => {
  it('rejects secrets: inherit', () => {
    const text = `${COMPLIANT}  reuse:\n    uses: acme/workflows/.github/workflows/x.yml@${'a'.repeat(40)}\n    secrets: inherit\n`;
    expect(check(noInheritedSecrets, file(text))).toEqual([expect.objectContaining({ job: 'reuse' })]);
  });
});

describe('Slipway-GHA8 deploy jobs declare an environment', () => {
  it('rejects a deploy job without one', () => {
    const problems = check(deployEnvironment, breaking('    environment: production\n', ''));
    expect(problems).toEqual([
      expect.objectContaining({ job: 'prod', message: expect.stringMatching(/no environment/) }),
    ]);
  });
  it('counts preview commands as deploys', () => {
    const text = COMPLIANT.replace('    environment: production\n', '').replace(
      'slipway deploy --env prod',
      'slipway preview up',
    );
    expect(check(deployEnvironment, file(text))).toHaveLength(1);
  });
});

describe('Slipway-GHA9 production concurrency', () => {
  it('rejects a production job without concurrency', () => {
    const problems = check(productionConcurrency, breaking(/ {4}concurrency:\n.*\n.*\n/, ''));
    expect(problems).toHaveLength(1);
  });
  it('rejects cancel-in-progress: true', () => {
    expect(
      check(productionConcurrency, breaking('cancel-in-progress: false', 'cancel-in-progress: true')),
    ).toHaveLength(1);
  });
  it('leaves non-production jobs alone', () => {
    const text = COMPLIANT.replace('environment: production', 'environment: dev').replace(
      / {4}concurrency:\n.*\n.*\n/,
      '',
    );
    expect(check(productionConcurrency, file(text))).toEqual([]);
  });
});

describe('Slipway-GHA10 production diff first', () => {
  it('rejects a production deploy without a diff', () => {
    expect(
      check(productionDiffFirst, breaking('      - run: npx slipway diff --env prod\n', '')),
    ).toHaveLength(1);
  });
  it('rejects a diff after the deploy', () => {
    const text = COMPLIANT.replace('      - run: npx slipway diff --env prod\n', '').replace(
      `          TAG: \${{ github.ref_name }}\n`,
      `          TAG: \${{ github.ref_name }}\n      - run: npx slipway diff --env prod\n`,
    );
    expect(text).not.toBe(COMPLIANT);
    expect(check(productionDiffFirst, file(text))).toHaveLength(1);
  });
});

describe('Slipway-GHA11 repository writes only for the job that commits manifests', () => {
  const MANIFESTS = `
  manifests:
    runs-on: ubuntu-latest
    permissions:
      contents: write
      pull-requests: write
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - run: npx slipway manifests --env prod $IMAGE_TAGS
      - run: git push origin HEAD:refs/heads/main
`;
  it('allows the job that commits the GitOps folder', () => {
    expect(checkWorkflows([file(`${COMPLIANT}${MANIFESTS}`)], CONTEXT)).toEqual([]);
  });
  it('rejects contents: write on a deploy job', () => {
    const problems = check(repositoryWrites, breaking('      contents: read', '      contents: write'));
    expect(problems).toEqual([
      expect.objectContaining({ job: 'prod', message: expect.stringMatching(/does not commit the GitOps/) }),
    ]);
  });
  it('rejects pull-requests: write on a job that only checks the folder', () => {
    const text = `${COMPLIANT}${MANIFESTS.replace('--env prod $IMAGE_TAGS', '--check')}`;
    expect(check(repositoryWrites, file(text))).toEqual([
      expect.objectContaining({
        job: 'manifests',
        message: expect.stringMatching(/contents: write, pull-requests: write/),
      }),
    ]);
  });
  const COMMENT = `
  comment:
    runs-on: ubuntu-latest
    permissions:
      pull-requests: write
    steps:
      - run: gh api --method POST "repos/$GITHUB_REPOSITORY/issues/1/comments" -f body=plan
`;
  it('allows pull-requests: write alone on a job that uses no action, to comment', () => {
    expect(check(repositoryWrites, file(`${COMPLIANT}${COMMENT}`))).toEqual([]);
  });
  it('rejects pull-requests: write on a commenting job that checks the code out', () => {
    const text = `${COMPLIANT}${COMMENT}      - uses: ${CHECKOUT}\n`;
    expect(check(repositoryWrites, file(text))).toEqual([
      expect.objectContaining({ job: 'comment', message: expect.stringMatching(/pull-requests: write/) }),
    ]);
  });
  it('rejects a manifests job that also assumes an AWS role', () => {
    const text = `${COMPLIANT}${MANIFESTS.replace(
      '      - run: npx slipway manifests',
      `      - uses: ${CREDENTIALS}\n        with:\n          role-to-assume: arn:aws:iam::111111111111:role/x\n      - run: npx slipway manifests`,
    )}`;
    expect(check(repositoryWrites, file(text))).toEqual([
      expect.objectContaining({ job: 'manifests', message: expect.stringMatching(/assumes an AWS role/) }),
    ]);
  });
});
