import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IoPool } from '../../server/src/node/io-pool';

/** A task that stays running until released, recording how many run at once. */
function gate(): { promise: Promise<void>; release: () => void } {
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe('IoPool', () => {
  it('never runs more than its limit at once, and runs every task', async () => {
    const pool = new IoPool(2);
    let running = 0;
    let most = 0;
    const gates = [gate(), gate(), gate(), gate(), gate()];
    const results = gates.map((g, index) =>
      pool.run(async () => {
        running++;
        most = Math.max(most, running);
        await g.promise;
        running--;
        return index;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(running, 2);
    // A new caller arriving while a slot is handed over must not slip past the limit.
    gates[0]!.release();
    const late = pool.run(async () => {
      running++;
      most = Math.max(most, running);
      running--;
      return 'late';
    });
    for (const g of gates.slice(1)) g.release();
    assert.deepEqual(await Promise.all(results), [0, 1, 2, 3, 4]);
    assert.equal(await late, 'late');
    assert.equal(most, 2);
  });

  it('frees the slot of a task that fails', async () => {
    const pool = new IoPool(1);
    await assert.rejects(pool.run(async () => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await pool.run(async () => 'next'), 'next');
  });
});
