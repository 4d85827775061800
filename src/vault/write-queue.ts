/**
 * One writer at a time: every vault write runs after the ones before it have finished, so two
 * pages changing the same account at once cannot lose either change.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
