import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { LogDestination } from './log-destination.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: write`), { code });
}

/** An output that takes what `room` allows per call (everything by default), and says EAGAIN when it allows none. */
function fakeOutput() {
  const output = {
    written: '',
    calls: 0,
    room: Infinity,
    gone: false,
    write(chunk: Buffer): number {
      output.calls += 1;
      if (output.gone) throw errno('EPIPE');
      if (output.room <= 0) throw errno('EAGAIN');
      const taken = Math.min(chunk.length, output.room);
      output.written += chunk.subarray(0, taken).toString('utf8');
      return taken;
    },
  };
  return output;
}

const line = (index: number) => `{"msg":"request completed","n":${String(index).padStart(6, '0')}}\n`;
const lines = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => line(from + index)).join('');

describe('LogDestination', () => {
  it('writes lines in batches, in order, and what is left on flush', () => {
    const output = fakeOutput();
    const destination = new LogDestination({ write: (chunk) => output.write(chunk), batchSize: 10 * line(0).length });
    for (let index = 0; index < 10; index += 1) destination.write(line(index));
    assert.equal(output.calls, 1, 'one write for the ten lines that make a batch');
    assert.equal(output.written, lines(0, 10));
    destination.write(line(10));
    assert.equal(output.calls, 1, 'a line alone waits for the batch');
    destination.flush();
    assert.equal(output.written, lines(0, 11));
    assert.equal(destination.dropped, 0);
  });

  it('finishes a chunk the output took only part of before anything newer', () => {
    const output = fakeOutput();
    output.room = 7;
    const destination = new LogDestination({ write: (chunk) => output.write(chunk), batchSize: 1 });
    for (let index = 0; index < 20; index += 1) destination.write(line(index));
    assert.equal(output.written, lines(0, 20));
  });

  it('holds at most maxWaiting characters while the output is full, drops and counts the rest, then catches up', async () => {
    const output = fakeOutput();
    const reports: number[] = [];
    const destination = new LogDestination({
      write: (chunk) => output.write(chunk),
      batchSize: 100,
      maxWaiting: 10_000,
      retryDelayMs: 5,
      onCaughtUp: (dropped) => reports.push(dropped),
    });
    output.room = 0;
    let mostWaiting = 0;
    for (let index = 0; index < 5000; index += 1) {
      destination.write(line(index));
      mostWaiting = Math.max(mostWaiting, destination.waiting);
    }
    assert.ok(mostWaiting <= 10_000, `at most 10,000 characters waited, not ${mostWaiting}`);
    const kept = Math.floor(10_000 / line(0).length);
    assert.equal(destination.dropped, 5000 - kept);

    output.room = Infinity;
    await sleep(50);
    assert.equal(output.written, lines(0, kept), 'the lines kept go out, in order, once the output takes them');
    assert.deepEqual(reports, [5000 - kept], 'the drop is reported once the output has caught up');
    destination.write(line(5000));
    destination.flush();
    assert.deepEqual(reports, [5000 - kept], 'and only once');
  });

  it('tries an output that stays full less and less often', async () => {
    const output = fakeOutput();
    const destination = new LogDestination({
      write: (chunk) => output.write(chunk),
      batchSize: 1,
      retryDelayMs: 5,
      maxRetryDelayMs: 1000,
    });
    output.room = 0;
    destination.write(line(0));
    await sleep(400);
    // 5, 10, 20, 40, 80 and 160 ms apart: about seven attempts in 400 ms, where a fixed 5 ms would make eighty.
    assert.ok(output.calls <= 12, `${output.calls} attempts`);
    output.room = Infinity;
    await sleep(700);
    assert.equal(output.written, line(0), 'and still writes once it takes lines again');
  });

  it('drops and counts everything once the output is gone, and stops writing to it', () => {
    const output = fakeOutput();
    const destination = new LogDestination({ write: (chunk) => output.write(chunk), batchSize: 100 });
    output.gone = true;
    for (let index = 0; index < 100; index += 1) destination.write(line(index));
    const calls = output.calls;
    assert.equal(destination.dropped, 100);
    assert.equal(destination.waiting, 0);
    destination.write(line(100));
    destination.flush();
    assert.equal(output.calls, calls, 'no write is attempted after the output broke');
    assert.equal(destination.flushBeforeExit(1000), 101);
  });

  it('at exit, gives a full output a bounded time, then drops what waits and answers the count', () => {
    const output = fakeOutput();
    const destination = new LogDestination({ write: (chunk) => output.write(chunk), batchSize: 1_000_000 });
    for (let index = 0; index < 50; index += 1) destination.write(line(index));
    output.room = 0;
    assert.equal(destination.flushBeforeExit(30), 50);
    assert.equal(destination.waiting, 0);
  });

  it('at exit, writes everything to a slow output that keeps taking a little', () => {
    const output = fakeOutput();
    const destination = new LogDestination({ write: (chunk) => output.write(chunk), batchSize: 1_000_000 });
    for (let index = 0; index < 50; index += 1) destination.write(line(index));
    const write = output.write;
    let turn = 0;
    output.write = (chunk) => {
      turn += 1;
      output.room = turn % 2 === 0 ? 64 : 0;
      return write(chunk);
    };
    assert.equal(destination.flushBeforeExit(5000), 0);
    assert.equal(output.written, lines(0, 50));
  });
});
