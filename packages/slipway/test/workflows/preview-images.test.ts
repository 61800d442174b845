import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../src/deploy/connection.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { exampleModel, generated, workflowNamed } from './fixtures.js';

/**
 * The preview workflow's change detection, run as GitHub runs it: the generated `images` step's
 * own script in bash, in a git repository shaped like megadolls (web and pgadmin), with the AWS
 * CLI asking the emulator's ECR which preview images exist. A push that changes one service must
 * build that one and reuse the other's image.
 */
describe('the preview workflow builds only the services a push changed', () => {
  const emulator = useEmulator();
  const repo = mkdtempSync(path.join(tmpdir(), 'slipway-preview-images-'));
  let script = '';

  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, ...GIT_IDENTITY },
    }).trim();
  const aws = (...args: string[]) =>
    execFileSync('aws', [...args, '--region', 'us-east-1'], { encoding: 'utf8', env: awsEnv() }).trim();
  const awsEnv = () => ({
    ...process.env,
    AWS_ENDPOINT_URL: emulator.endpoint,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
  });
  const commitFile = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
    git('add', file);
    git('commit', '-q', '-m', `change ${file}`);
    return git('rev-parse', 'HEAD');
  };
  /** Runs the step; its outputs as GitHub would read them from $GITHUB_OUTPUT. */
  const runStep = (): Record<string, string> => {
    const outputFile = path.join(repo, '..', `${path.basename(repo)}-output`);
    writeFileSync(outputFile, '');
    execFileSync('bash', ['-e', '-c', script], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...awsEnv(), GITHUB_OUTPUT: outputFile },
    });
    const lines = readFileSync(outputFile, 'utf8').trim().split('\n');
    return Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  };
  /** What the build step would push: an image under the tag, in the preview repository. */
  const pushImage = (repository: string, tag: string) =>
    aws(
      'ecr',
      'put-image',
      '--repository-name',
      repository,
      '--image-tag',
      tag,
      '--image-manifest',
      MANIFEST,
    );

  beforeAll(async () => {
    const { workflows } = generated(await exampleModel('megadolls'));
    const up = workflowNamed(workflows, 'preview.yml').workflow.jobs.up;
    script = up?.steps?.find((s) => s.id === 'images')?.run ?? '';
    git('init', '-q', '-b', 'feat/x');
  });
  // After the emulator's reset (registered first): the CI stack's preview repositories.
  beforeEach(() => {
    for (const repository of ['megadolls/web-preview', 'megadolls/pgadmin-preview']) {
      aws('ecr', 'create-repository', '--repository-name', repository);
    }
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('builds every image the first time, then only the changed service, then none', () => {
    expect(script).toContain('git log -1 --format=%H -- apps/web');
    const webFirst = commitFile('apps/web/index.html', 'one');
    const pgadminFirst = commitFile('apps/pgadmin/Dockerfile', 'FROM scratch');
    let outputs = runStep();
    expect(outputs).toEqual({
      'tag-web': `sha-${webFirst}`,
      'build-web': 'true',
      'tag-pgadmin': `sha-${pgadminFirst}`,
      'build-pgadmin': 'true',
      args: ` --image-tag web=sha-${webFirst} --image-tag pgadmin=sha-${pgadminFirst}`,
    });
    pushImage('megadolls/web-preview', `sha-${webFirst}`);
    pushImage('megadolls/pgadmin-preview', `sha-${pgadminFirst}`);

    // A push that changes web alone builds web; pgadmin runs the image already pushed.
    const webAgain = commitFile('apps/web/index.html', 'two');
    outputs = runStep();
    expect(outputs).toEqual({
      'tag-web': `sha-${webAgain}`,
      'build-web': 'true',
      'tag-pgadmin': `sha-${pgadminFirst}`,
      args: ` --image-tag web=sha-${webAgain} --image-tag pgadmin=sha-${pgadminFirst}`,
    });
    pushImage('megadolls/web-preview', `sha-${webAgain}`);

    // A push that touches neither service builds nothing and runs both existing images.
    commitFile('README.md', 'docs only');
    outputs = runStep();
    expect(outputs).toEqual({
      'tag-web': `sha-${webAgain}`,
      'tag-pgadmin': `sha-${pgadminFirst}`,
      args: ` --image-tag web=sha-${webAgain} --image-tag pgadmin=sha-${pgadminFirst}`,
    });
  });

  it('stops the job when ECR cannot be asked, rather than guessing', () => {
    commitFile('apps/web/index.html', 'three');
    aws('ecr', 'delete-repository', '--repository-name', 'megadolls/pgadmin-preview', '--force');
    expect(() => runStep()).toThrow(/RepositoryNotFoundException/);
  });
});

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Preview Test',
  GIT_AUTHOR_EMAIL: 'preview@example.com',
  GIT_COMMITTER_NAME: 'Preview Test',
  GIT_COMMITTER_EMAIL: 'preview@example.com',
};

/** A minimal image manifest: ECR records it under the tag; no layers are pushed or pulled. */
const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
  config: {
    mediaType: 'application/vnd.docker.container.image.v1+json',
    size: 2,
    digest: `sha256:${'a'.repeat(64)}`,
  },
  layers: [],
});
