import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnTemplate, SynthesizedStack } from '../template/types.js';
import type { SlipwayApp } from './build-app.js';

/**
 * Writes the cloud assembly and returns each stack's template, in deploy order, for the checks,
 * the cost estimate and the diff.
 */
export function synthesize(built: SlipwayApp): SynthesizedStack[] {
  const assembly = built.app.synth();
  return built.stacks.map(({ stack, environment }) => {
    const artifact = assembly.getStackArtifact(stack.artifactId);
    const templatePath = join(assembly.directory, artifact.templateFile);
    const template = JSON.parse(readFileSync(templatePath, 'utf8')) as CfnTemplate;
    return { name: stack.stackName, environment, region: stack.region, templatePath, template };
  });
}
