import { describe, expect, it } from 'vitest';
import {
  PREVIEW_NAME_MARKER,
  PREVIEW_SLUG_MAX,
  PreviewNameError,
  previewDatabaseName,
  previewRoleName,
  previewSlug,
  previewStackName,
  tagValue,
} from '../../src/naming/preview-names.js';

/** Every name is built from the slug, so it must be a letter, then letters, digits and single dashes. */
const SLUG = /^[a-z][a-z0-9-]*$/;

function expectValidSlug(slug: string): void {
  expect(slug).toMatch(SLUG);
  expect(slug).not.toMatch(/--|-$/);
  expect(slug.length).toBeLessThanOrEqual(PREVIEW_SLUG_MAX);
}

function nameError(work: () => unknown): PreviewNameError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(PreviewNameError);
    return error as PreviewNameError;
  }
  expect.fail('expected a PreviewNameError');
}

describe('previewSlug', () => {
  it('keeps a short branch that is already a valid slug', () => {
    expect(previewSlug('login')).toBe('login');
    expect(previewSlug('fix-42-login')).toBe('fix-42-login');
    expect(previewSlug('a'.repeat(PREVIEW_SLUG_MAX))).toBe('a'.repeat(PREVIEW_SLUG_MAX));
  });

  it('sanitizes any other branch and appends six hex digits of its hash', () => {
    // Pinned: a deployed preview is found again by this slug, so it must not drift between versions.
    expect(previewSlug('feat/Login_Page')).toBe('feat-login-page-c04c44');
    expect(previewSlug('Login')).toMatch(/^login-[0-9a-f]{6}$/);
  });

  it('gives branches that sanitize alike different slugs', () => {
    const slugs = ['feat/a_b', 'feat/a-b', 'feat-a-b', 'Feat/A-B'].map(previewSlug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(previewSlug('feat-a-b')).toBe('feat-a-b');
    for (const slug of slugs) expect(slug.startsWith('feat-a-b')).toBe(true);
  });

  it('cuts long names to PREVIEW_SLUG_MAX, keeping the hash', () => {
    const long = previewSlug('feature/another-long-branch-name-about-the-login-page');
    expect(long).toHaveLength(PREVIEW_SLUG_MAX);
    expect(long).toMatch(/^feature-another-l-[0-9a-f]{6}$/);
    // One letter over the limit is enough to be cut.
    const over = previewSlug('a'.repeat(PREVIEW_SLUG_MAX + 1));
    expect(over).toHaveLength(PREVIEW_SLUG_MAX);
    expect(over).toMatch(/^a{17}-[0-9a-f]{6}$/);
  });

  it('leaves no dash before the hash when the cut falls on one', () => {
    // The cut keeps 17 characters, `feature-a-really-`, whose last one is a dash.
    const slug = previewSlug('feature/a-really-long-branch-name');
    expectValidSlug(slug);
    expect(slug).toMatch(/^feature-a-really-[0-9a-f]{6}$/);
  });

  it('always gives a slug of a letter, then letters, digits and dashes', () => {
    const branches = [
      'feat/Login_Page',
      '42-answer',
      'fix/#42',
      '--dashes--',
      'UPPER/CASE',
      'dependabot/npm_and_yarn/aws-cdk-lib-2.276.0',
      'feat/ünïcödé',
      `release/${'9'.repeat(60)}`,
      'a',
    ];
    for (const branch of branches) expectValidSlug(previewSlug(branch));
    expect(previewSlug('42-answer')).toMatch(/^b-42-answer-[0-9a-f]{6}$/);
  });

  it('drops the refs/heads/ prefix', () => {
    expect(previewSlug('refs/heads/login')).toBe('login');
    expect(previewSlug('refs/heads/feat/Login_Page')).toBe(previewSlug('feat/Login_Page'));
    expect(previewSlug('  login  ')).toBe('login');
  });

  it('refuses an empty or blank branch with a PreviewNameError', () => {
    for (const branch of ['', '   ', 'refs/heads/']) {
      const error = nameError(() => previewSlug(branch));
      expect(error.problem).toBe('the branch name is empty');
      expect(error.message).toMatch(/Fix: Use a branch name with at least one letter or digit/);
    }
  });

  it('still gives a valid slug for a branch of symbols only', () => {
    const slug = previewSlug('#!/@');
    expect(slug).toMatch(/^b-[0-9a-f]{6}$/);
    expect(previewSlug('#!/&')).not.toBe(slug);
  });

  it('is deterministic', () => {
    for (const branch of ['feat/Login_Page', 'login', '#!/@', 'x'.repeat(80)]) {
      expect(previewSlug(branch)).toBe(previewSlug(branch));
    }
  });
});

describe('preview stack, database and role names', () => {
  it('names the stack <app>-pr-<slug>', () => {
    expect(previewStackName('medications', 'feat-login-page-c04c44')).toBe(
      'medications-pr-feat-login-page-c04c44',
    );
  });

  it('turns dashes into underscores and carries the _pr_ marker', () => {
    const slug = previewSlug('feat/Login_Page');
    expect(previewDatabaseName('medications', slug)).toBe('medications_pr_feat_login_page_c04c44');
    expect(previewRoleName('medications_app', slug)).toBe('medications_app_pr_feat_login_page_c04c44');
    expect(previewRoleName('app-user', 'login')).toBe('app_user_pr_login');
    for (const name of [previewDatabaseName('medications', slug), previewRoleName('app', slug)]) {
      expect(name).toContain(PREVIEW_NAME_MARKER);
      expect(name).not.toContain('-');
    }
  });

  it('accepts 63 characters, the PostgreSQL limit', () => {
    const slug = 'x'.repeat(PREVIEW_SLUG_MAX);
    const base = 'd'.repeat(63 - PREVIEW_NAME_MARKER.length - PREVIEW_SLUG_MAX);
    expect(previewDatabaseName(base, slug)).toHaveLength(63);
    expect(previewRoleName(base, slug)).toHaveLength(63);
  });

  it('refuses a name over 63 characters with a message naming the fix', () => {
    const slug = 'x'.repeat(PREVIEW_SLUG_MAX);
    const base = 'd'.repeat(64 - PREVIEW_NAME_MARKER.length - PREVIEW_SLUG_MAX);
    for (const build of [() => previewDatabaseName(base, slug), () => previewRoleName(base, slug)]) {
      const error = nameError(build);
      expect(error.problem).toMatch(/is 64 characters; PostgreSQL names stop at 63/);
      expect(error.message).toMatch(/Fix: Shorten the databaseName or appUsername in the config/);
    }
  });
});

describe('tagValue', () => {
  it('keeps what AWS tags accept', () => {
    const accepted = 'feat/Login_Page v1.2 a:b=c+d-e@f';
    expect(tagValue(accepted)).toBe(accepted);
    expect(tagValue('feat/ünïcödé')).toBe('feat/ünïcödé');
  });

  it('replaces characters AWS tags refuse', () => {
    expect(tagValue('fix/#42 "quoted" & <more>!')).toBe('fix/_42 _quoted_ _ _more__');
    expect(tagValue('a\tb\nc')).toBe('a_b_c');
  });

  it('cuts the value to 256 characters', () => {
    expect(tagValue('x'.repeat(300))).toBe('x'.repeat(256));
  });
});
