// Direct IMAP access for the tests (appending "arrivals", reading done marks, recreating a mailbox),
// separate from the code under test.
import { ImapFlow } from 'imapflow';
import type { TestDovecot } from './dovecot-server.js';

export async function imapClient(dovecot: TestDovecot): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
    disableAutoIdle: true,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export async function withImap<T>(dovecot: TestDovecot, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = await imapClient(dovecot);
  try {
    return await fn(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export async function createMailbox(dovecot: TestDovecot, mailbox: string): Promise<void> {
  await withImap(dovecot, async (c) => {
    await c.mailboxCreate(mailbox);
  });
}

export async function append(dovecot: TestDovecot, mailbox: string, raw: Buffer, date?: Date): Promise<number> {
  return withImap(dovecot, async (c) => {
    const r = await c.append(mailbox, raw, [], date);
    if (!r || !r.uid) throw new Error('APPEND failed');
    return r.uid;
  });
}

export interface MailboxMessage {
  uid: number;
  flags: Set<string>;
}

export async function listMessages(dovecot: TestDovecot, mailbox: string): Promise<{ uidValidity: string; messages: MailboxMessage[] }> {
  return withImap(dovecot, async (c) => {
    const lock = await c.getMailboxLock(mailbox, { readOnly: true });
    try {
      const uidValidity = c.mailbox ? c.mailbox.uidValidity.toString() : '';
      const messages: MailboxMessage[] = [];
      if (c.mailbox && c.mailbox.exists > 0) {
        for await (const m of c.fetch('1:*', { uid: true, flags: true })) messages.push({ uid: m.uid, flags: m.flags ?? new Set() });
      }
      return { uidValidity, messages };
    } finally {
      lock.release();
    }
  });
}

/** Whether the message with this UID carries the done mark ($IntakeDone); false when it is gone. */
export async function isDone(dovecot: TestDovecot, mailbox: string, uid: number): Promise<boolean> {
  const box = await listMessages(dovecot, mailbox);
  return Boolean(box.messages.find((m) => m.uid === uid)?.flags.has('$IntakeDone'));
}

export async function deleteMailbox(dovecot: TestDovecot, mailbox: string): Promise<void> {
  await withImap(dovecot, async (c) => {
    await c.mailboxDelete(mailbox);
  });
}

export async function removeFlag(dovecot: TestDovecot, mailbox: string, uid: number, flag: string): Promise<void> {
  await withImap(dovecot, async (c) => {
    const lock = await c.getMailboxLock(mailbox);
    try {
      if (!(await c.messageFlagsRemove(String(uid), [flag], { uid: true }))) throw new Error('STORE -FLAGS failed');
    } finally {
      lock.release();
    }
  });
}
