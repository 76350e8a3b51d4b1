import { InMemoryFingerprintIndex } from '../../../lambdas/core/dedupe';
import { leaveScenario } from './leave-scenario';

describe('an article whose body changed leaves its story', () => {
  it('moves between stories, keeps the stories it left, and lets emptied stories go', async () => {
    await leaveScenario(new InMemoryFingerprintIndex(), '');
  });
});
