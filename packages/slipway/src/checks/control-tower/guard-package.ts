/**
 * Where the cfn-guard binary and AWS Control Tower's proactive-control rules live. Both ship in
 * `@cdklabs/cdk-validator-cfnguard`, so the rules and the binary that evaluates them move together
 * with one dependency bump.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const PACKAGE = '@cdklabs/cdk-validator-cfnguard';

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve(`${PACKAGE}/package.json`));
}

/** The package names Linux `ubuntu` (the build serves every Linux) and CPUs as uname does. */
function platformSubdir(): string | undefined {
  const platform = { linux: 'ubuntu', darwin: 'macos' }[process.platform as string];
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch as string];
  return platform === undefined || arch === undefined ? undefined : path.join(platform, arch);
}

/** Why the controls cannot run on this machine, or undefined when cfn-guard ships for it. */
export function guardUnavailable(): string | undefined {
  if (platformSubdir() !== undefined) return undefined;
  return `cfn-guard, which runs them, ships in ${PACKAGE} for Linux and macOS on x64 and arm64, not for ${process.platform} on ${process.arch}`;
}

function platformDir(): string {
  const subdir = platformSubdir();
  if (subdir === undefined)
    throw new Error(`The Control Tower checks cannot run here: ${guardUnavailable()}.`);
  return subdir;
}

export interface GuardPackage {
  /** The cfn-guard 3 executable. */
  readonly binary: string;
  /** The folder of Control Tower's `.guard` files, one control each, grouped by service. */
  readonly rulesDir: string;
}

export function guardPackage(): GuardPackage {
  const dir = packageDir();
  return {
    binary: path.join(dir, 'bin', platformDir(), 'cfn-guard'),
    rulesDir: path.join(dir, 'rules', 'control-tower', 'cfn-guard'),
  };
}
