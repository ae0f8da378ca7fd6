import { isRefusal, type Question, type Refusal } from '../model/replacementRules';
import type { Prompts } from '../ui/prompts';
import { UserError } from './userError';

/**
 * Shows what the model decided: a refusal ends the command with its message (nothing was sent); each
 * question is a modal whose default is the safe choice. True when the command may go on.
 */
export async function acceptVerdict(prompts: Prompts, verdict: Refusal | Question[]): Promise<boolean> {
  if (isRefusal(verdict)) {
    throw new UserError(verdict.message);
  }
  for (const question of verdict) {
    if (!(await prompts.confirmRisky(question.message, question.detail, question.proceed, question.cancel))) {
      return false;
    }
  }
  return true;
}
