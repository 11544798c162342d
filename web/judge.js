// The judge of Checks: a Python worker of its own that never runs reader code.
//
// When an exercise offers the split (plan/collect/judge, backprop_core/practice/contract.py),
// a Check goes like this: the judge makes the exercise's plan once per visit
// (the points to run the program at: nothing that gives the answer away); the
// reader's program runs in a fresh worker, which reads its values out as plain
// JSON; the judge turns that JSON into the verdict. The reader's program never
// shares an interpreter with the reference or the judge, so it can neither read
// the answer nor change how it is judged (runner review, D11). Without the
// split, plan() gives null and the reader's worker runs check(source, lang).

const JUDGE_LIMIT_MS = 20_000; // a judgement is our own code on plain data: this is a bug's limit

export class Judge {
  constructor(runtime) {
    this.runtime = runtime;
    this.worker = null;
    this.plans = new Map(); // check.py source -> Promise of the plan (JSON text) or null
    this.queue = Promise.resolve(); // one request at a time
    this.nextId = 1;
  }

  workerReady() {
    if (!this.worker || this.worker.dead) this.worker = this.runtime.newWorker();
    const worker = this.worker;
    return worker.ready.then(
      () => worker,
      (error) => {
        if (this.worker === worker) this.worker = null;
        throw error;
      },
    );
  }

  /** Send one request to the judge's worker; resolves with its answer message. */
  async ask(message, answer) {
    let worker;
    try {
      worker = await this.workerReady();
    } catch {
      worker = await this.workerReady(); // a snapshot that failed to restore: once more, started normally
    }
    return new Promise((resolve, reject) => {
      const fail = (why) => {
        clearTimeout(timer);
        worker.terminate();
        if (this.worker === worker) this.worker = null;
        reject(new Error(why));
      };
      const timer = setTimeout(() => fail("the checker took too long"), JUDGE_LIMIT_MS);
      worker.handlers.onLost = () => fail("the checker stopped answering");
      worker.handlers.onMessage = (reply) => {
        if (reply.type === answer) {
          clearTimeout(timer);
          resolve(reply);
        } else if (reply.type === "crashed" || reply.type === "closed") {
          fail(reply.error || "the checker stopped");
        }
      };
      worker.send({ ...message, id: this.nextId++ });
    });
  }

  serially(task) {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => {});
    return result;
  }

  /** The exercise's plan (JSON text), or null where the exercise has no split (or the judge failed). */
  plan(check) {
    const key = `${check.filename}\n${check.code}`;
    if (!this.plans.has(key)) {
      const planned = this.serially(() => this.ask({ type: "plan", code: check.code, filename: check.filename }, "plan"))
        .then((reply) => reply.plan)
        .catch(() => {
          this.plans.delete(key); // try again at the next Check
          return null;
        });
      this.plans.set(key, planned);
    }
    return this.plans.get(key);
  }

  /** The verdict (JSON text) on the values a reader's run collected. */
  judge(check, collected, lang) {
    return this.serially(() =>
      this.ask({ type: "judge", code: check.code, filename: check.filename, collected, lang }, "verdict"),
    ).then(
      (reply) => reply.verdict,
      (error) => JSON.stringify({ verdict: "error", key: null, message: String(error.message || error) }),
    );
  }
}
