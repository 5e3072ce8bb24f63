import { createRequire } from 'node:module';

// kafkajs 2.2.4 (its last release) keeps a 1 ms timer running on every idle broker connection:
// RequestQueue.scheduleCheckPendingRequests() computes `throttledUntil - Date.now()`, which is
// negative when nothing is throttled, and sets a timer with it even when no request is pending; the
// timer checks the queue and schedules itself again. Measured here: ~700 wake-ups and ~50 ms of CPU
// per second per idle connection — on a hub with a producer and consumers in every app, a core's
// worth of idle spinning, and Node 24 prints a TimeoutNegativeWarning for it. Upstream fix proposed
// in tulios/kafkajs#1751 / #1768, never released. This applies the same rule: with nothing pending
// and no throttle in force there is nothing to check — a new request (push) or a response
// (fulfillRequest, timeout) checks the queue again by itself.

/** kafkajs' own constant: how soon a queue with pending requests is checked again. */
const CHECK_PENDING_REQUESTS_INTERVAL = 10;

interface RequestQueue {
  throttledUntil: number;
  pending: unknown[];
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

let applied = false;

/** Replaces kafkajs' RequestQueue.scheduleCheckPendingRequests with one that does not spin when idle. Idempotent. */
export function stopKafkajsIdleSpinning(): void {
  if (applied) return;
  // kafkajs has no exports map: its own file, as `import 'kafkajs'` loads it (one module cache).
  const require = createRequire(import.meta.url);
  const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as { prototype: RequestQueue };
  RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(
    this: RequestQueue,
  ): void {
    if (this.throttleCheckTimeoutId) return;
    let delay = this.throttledUntil - Date.now();
    if (this.pending.length > 0) delay = delay > 0 ? delay : CHECK_PENDING_REQUESTS_INTERVAL;
    else if (delay <= 0) return;
    this.throttleCheckTimeoutId = setTimeout(() => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    }, delay);
  };
  applied = true;
}
