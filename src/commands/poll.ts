// intake poll: the poller alone (one per mailbox): watches the mailbox and queues every message not
// marked done. Runs until SIGTERM/SIGINT.
import { daemonCommand } from './daemon-command.js';

export default daemonCommand('poll', 'watches the mailbox (IDLE or polling) and queues every message not marked done', ['poller']);
