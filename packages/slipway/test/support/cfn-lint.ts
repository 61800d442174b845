import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface LintMatch {
  readonly Level: 'Error' | 'Warning' | 'Informational';
  readonly Rule: { readonly Id: string };
  readonly Message: string;
  readonly Filename: string;
}

export interface LintResult {
  /** `<file>: <rule> <message>` for every error. */
  readonly errors: readonly string[];
  /** Warning rule ids and how often each was raised; warnings are reported, not failures. */
  readonly warnings: ReadonlyMap<string, number>;
  /** cfn-lint's exit code: a bit mask, 2 errors, 4 warnings, 8 informational. */
  readonly status: number;
}

/**
 * A timeout for a test that lints every template of its file in one cfn-lint run: a few dozen
 * templates can outlast the default per-test timeout on a busy 2-core machine.
 */
export const LINT_ALL_TIMEOUT_MS = 180_000;

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The published schemas of the registry types Slipway uses beyond AWS's (`registry-schemas/README.md`). */
export const REGISTRY_SCHEMAS = path.join(PACKAGE, 'registry-schemas');

const SCRIPTS = path.join(PACKAGE, 'scripts');

/**
 * The socket of a warm cfn-lint server (`scripts/cfn-lint-server.py`), which the test run's global
 * setup starts (`test/cfn-lint-server-setup.ts`) and passes to the workers in this variable.
 */
export const CFN_LINT_SERVER_VARIABLE = 'SLIPWAY_CFN_LINT_SERVER';

/** The Python cfn-lint is installed in: `SLIPWAY_CFN_LINT_PYTHON`, else `python3`. */
export function cfnLintPython(): string {
  return process.env['SLIPWAY_CFN_LINT_PYTHON'] ?? 'python3';
}

/**
 * How to start cfn-lint: its own command line through `scripts/cfn-lint-registry.py`, which checks
 * third-party resources against the schemas in {@link REGISTRY_SCHEMAS} (cfn-lint 1.51 loads them
 * but would check none of their properties). With a warm server's socket in
 * {@link CFN_LINT_SERVER_VARIABLE}, `scripts/cfn-lint-client.py` hands the same arguments to it
 * instead (same output and exit status, without three seconds of start-up per call); without
 * one (a run that skipped the global setup), the script runs once per call.
 */
export function cfnLintCommand(args: readonly string[]): { command: string; args: string[] } {
  const lintArgs = ['--registry-schemas', REGISTRY_SCHEMAS, ...args];
  const server = process.env[CFN_LINT_SERVER_VARIABLE];
  return {
    command: cfnLintPython(),
    args: server
      ? [path.join(SCRIPTS, 'cfn-lint-client.py'), server, ...lintArgs]
      : [path.join(SCRIPTS, 'cfn-lint-registry.py'), ...lintArgs],
  };
}

/**
 * AWS's cfn-lint over many templates in one process (it starts slowly, so one call for all).
 * Throws when cfn-lint is not on PATH, since a missing validator must not pass silently.
 */
export function lintTemplates(
  files: readonly string[],
  options: { regions?: readonly string[] } = {},
): LintResult {
  if (files.length === 0) throw new Error('lintTemplates needs at least one template');
  const regions = options.regions && options.regions.length > 0 ? ['--regions', ...options.regions] : [];
  const lint = cfnLintCommand(['--format', 'json', ...regions, '--', ...files]);
  const run = spawnSync(lint.command, lint.args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`cfn-lint's Python must be on PATH: ${run.error.message}`);
  if (run.status !== 0 && run.stdout === '') {
    throw new Error(
      `cfn-lint did not run (exit ${run.status}): ${run.stderr.slice(0, 2000)}. ` +
        "Fix: install cfn-lint in that Python, or set SLIPWAY_CFN_LINT_PYTHON to the Python cfn-lint's own command runs (pipx's venv, for one).",
    );
  }
  const matches = JSON.parse(run.stdout || '[]') as LintMatch[];
  const warnings = new Map<string, number>();
  for (const match of matches.filter((m) => m.Level === 'Warning')) {
    warnings.set(match.Rule.Id, (warnings.get(match.Rule.Id) ?? 0) + 1);
  }
  return {
    errors: matches.filter((m) => m.Level === 'Error').map((m) => `${m.Filename}: ${m.Rule.Id} ${m.Message}`),
    warnings,
    status: run.status ?? 2,
  };
}

/**
 * Lints every stack of one or more cloud assemblies in the stack's own region. cfn-lint takes
 * one region list per run, and checking a template against another config's region reports
 * resource types that region lacks; so each copy carries its region in the template metadata
 * cfn-lint reads (`Metadata.cfn-lint.config.regions`), and one run checks them all.
 */
export function lintAssemblies(outdirs: readonly string[]): LintResult & { readonly templates: number } {
  const copies = mkdtempSync(path.join(tmpdir(), 'slipway-lint-'));
  const files: string[] = [];
  outdirs.forEach((outdir, index) => {
    const manifest = JSON.parse(readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as {
      artifacts: Record<
        string,
        { type: string; environment?: string; properties?: { templateFile?: string } }
      >;
    };
    for (const [stack, artifact] of Object.entries(manifest.artifacts)) {
      if (artifact.type !== 'aws:cloudformation:stack' || !artifact.properties?.templateFile) continue;
      const region = /^aws:\/\/[^/]+\/(.+)$/.exec(artifact.environment ?? '')?.[1];
      if (!region) throw new Error(`stack ${stack} in ${outdir} has no explicit region`);
      const template = JSON.parse(
        readFileSync(path.join(outdir, artifact.properties.templateFile), 'utf8'),
      ) as {
        Metadata?: Record<string, unknown>;
      };
      template.Metadata = { ...template.Metadata, 'cfn-lint': { config: { regions: [region] } } };
      const copy = path.join(copies, `${index}-${stack}.template.json`);
      writeFileSync(copy, JSON.stringify(template));
      files.push(copy);
    }
  });
  return { ...lintTemplates(files), templates: files.length };
}
