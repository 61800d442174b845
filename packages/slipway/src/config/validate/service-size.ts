/** Task size: Fargate accepts only certain CPU and memory pairs, and ECS rejects any other. */
import { describeMemoryChoices, FARGATE_SIZES, memoryChoices } from '../data/fargate-sizes.js';
import { issue } from '../errors.js';
import { listOf } from '../suggest.js';
import { eachService, servicePath, type Validator } from './context.js';

export const validateServiceSizes: Validator = ({ config, model }) =>
  eachService(model, (env, service) => {
    const choices = memoryChoices(service.cpu);
    if (choices === undefined) {
      return [
        issue(
          servicePath(config, env.name, service.name, 'cpu'),
          `${service.cpu} is not a Fargate CPU size`,
          `use ${listOf(Object.keys(FARGATE_SIZES).map(Number))} (1024 = 1 vCPU)`,
        ),
      ];
    }
    if (!choices.includes(service.memory)) {
      return [
        issue(
          servicePath(config, env.name, service.name, 'memory'),
          `${service.memory} MiB does not go with cpu ${service.cpu} on Fargate`,
          `use ${describeMemoryChoices(choices)} with cpu ${service.cpu}, or change cpu`,
        ),
      ];
    }
    return [];
  });
