import { describe, expect, it } from 'vitest';
import { confirmProduction } from '../../src/deploy/confirm.js';
import { ConfirmationRequiredError, DeclinedError } from '../../src/deploy/errors.js';
import { megadollsLikeModel } from '../fixtures/models.js';

const model = megadollsLikeModel();
const prod = model.environments.find((e) => e.production)!;
const dev = model.environments.find((e) => !e.production)!;

describe('production confirmation', () => {
  it('refuses production with no --yes and no terminal, saying both ways out', async () => {
    const attempt = confirmProduction('megadolls', prod, 'deploy', '', {});
    await expect(attempt).rejects.toBeInstanceOf(ConfirmationRequiredError);
    await expect(confirmProduction('megadolls', prod, 'destroy', '', {})).rejects.toThrow(
      `${prod.name} is a production environment and destroy needs a confirmation, but there is no terminal to ask on. Fix: run it from an interactive terminal, or pass --yes`,
    );
  });

  it('asks on the terminal, naming the account, and stops on no', async () => {
    const questions: string[] = [];
    const no = async (q: string) => {
      questions.push(q);
      return false;
    };
    await expect(
      confirmProduction('megadolls', prod, 'deploy', '3 to add.', { confirm: no }),
    ).rejects.toBeInstanceOf(DeclinedError);
    expect(questions).toEqual([
      `Deploy to megadolls ${prod.name} (production, ${prod.account}/${prod.region})? 3 to add. [y/N] `,
    ]);
    await expect(
      confirmProduction('megadolls', prod, 'deploy', '', { confirm: async () => true }),
    ).resolves.toBeUndefined();
  });

  it('does not ask with --yes, nor outside production', async () => {
    const never = async () => {
      throw new Error('asked');
    };
    await expect(
      confirmProduction('megadolls', prod, 'deploy', '', { yes: true, confirm: never }),
    ).resolves.toBeUndefined();
    await expect(
      confirmProduction('megadolls', dev, 'deploy', '', { confirm: never }),
    ).resolves.toBeUndefined();
  });
});
