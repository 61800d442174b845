/**
 * The CPU and memory pairs Fargate accepts for Linux tasks (AWS "Task CPU and memory" table in
 * the ECS developer guide; 8 and 16 vCPU need platform version 1.4.0, which LATEST is). Checked
 * here so a wrong pair fails at plan time, not when ECS registers the task definition.
 */

/** CPU units → the memory sizes (MiB) allowed with them. */
export const FARGATE_SIZES: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

/** Memory sizes allowed with `cpu`, or undefined when `cpu` is not a Fargate size. */
export function memoryChoices(cpu: number): readonly number[] | undefined {
  return FARGATE_SIZES[cpu];
}

/** `2048–8192 MiB in steps of 1024` or `512, 1024 or 2048 MiB`: how errors describe the choices. */
export function describeMemoryChoices(choices: readonly number[]): string {
  if (choices.length <= 3) return `${choices.join(', ')} MiB`;
  const step = choices[1]! - choices[0]!;
  return `${choices[0]}–${choices.at(-1)} MiB in steps of ${step}`;
}

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}
