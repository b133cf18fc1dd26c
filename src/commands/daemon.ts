// intake daemon: poller and worker in one process, for one host. Runs until SIGTERM/SIGINT; the
// poller stops first (no new jobs), then the worker finishes or gives back its running jobs.
import { daemonCommand } from './daemon-command.js';

export default daemonCommand('daemon', 'poller and worker in one process (one host)', ['worker', 'poller']);
