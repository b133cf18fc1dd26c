// intake work: a worker (any number, on any host): takes jobs from the queue, fetches each message
// by UID, stores its record, then marks it done. Runs until SIGTERM/SIGINT. The same as
// `node dist/workers/intake.worker.js`.
import { daemonCommand } from './daemon-command.js';

export default daemonCommand('work', 'processes queued messages: fetch by UID, store the record, mark the message done', ['worker']);
