import type { LintTask } from './protocol';

/** The memory behind a SharedUnits, as it crosses to a thread in a message. */
export interface SharedUnitsData {
  readonly units: readonly (readonly LintTask[])[];
  /** One Int32: the index of the next unit nobody has claimed. */
  readonly next: SharedArrayBuffer;
  /** One Int32 per unit: the thread id of the thread that claimed it, -1 while nobody has. */
  readonly owners: SharedArrayBuffer;
}

/**
 * A list of units that every thread (the main thread included) claims from by itself, with an
 * atomic counter: no thread waits for another to hand it work, and a thread busy with a long file
 * holds up nobody. Each claim records who made it, so that a thread that dies leaves a record of
 * the units it had.
 */
export class SharedUnits {
  private readonly next: Int32Array;
  private readonly owners: Int32Array;

  constructor(readonly data: SharedUnitsData) {
    this.next = new Int32Array(data.next);
    this.owners = new Int32Array(data.owners);
  }

  static create(units: readonly (readonly LintTask[])[]): SharedUnits {
    const owners = new Int32Array(new SharedArrayBuffer(Math.max(1, units.length) * Int32Array.BYTES_PER_ELEMENT)).fill(-1);
    return new SharedUnits({ units, next: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT), owners: owners.buffer as SharedArrayBuffer });
  }

  /** The next unit for `threadId`, or undefined when every unit is claimed. */
  claim(threadId: number): readonly LintTask[] | undefined {
    const index = Atomics.add(this.next, 0, 1);
    if (index >= this.data.units.length) return undefined;
    Atomics.store(this.owners, index, threadId);
    return this.data.units[index];
  }

  /** The tasks of every unit `threadId` claimed. */
  claimedBy(threadId: number): LintTask[] {
    return this.data.units.filter((_unit, index) => Atomics.load(this.owners, index) === threadId).flat();
  }
}
