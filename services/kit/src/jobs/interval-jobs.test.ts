import { createMemoryLogger } from '../log';
import { startIntervalJobs } from './interval-jobs';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startIntervalJobs', () => {
  it('never overlaps rounds of one job, keeps going after a failure, and waits for the round in flight on stop', async () => {
    const logger = createMemoryLogger();
    const lines = logger.lines;
    let active = 0;
    let maxActive = 0;
    let rounds = 0;
    let finished = 0;
    const jobs = startIntervalJobs(
      [
        {
          name: 'slow',
          run: async () => {
            active += 1;
            maxActive = Math.max(maxActive, active);
            rounds += 1;
            await sleep(40);
            active -= 1;
            finished += 1;
            if (rounds === 1) throw new Error('first round fails');
            return 1;
          },
        },
      ],
      10,
      logger,
    );
    await sleep(200);
    await jobs.stop();
    const afterStop = rounds;
    await sleep(50);
    expect(maxActive).toBe(1);
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(finished).toBe(rounds);
    expect(rounds).toBe(afterStop);
    expect(lines.some((line) => line.includes('job round failed'))).toBe(true);
  });
});
