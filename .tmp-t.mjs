import { Queue, Worker, UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
const conn = new Redis('redis://127.0.0.1:16399', { maxRetriesPerRequest: null });
const q = new Queue('t1', { connection: conn });
const j = await q.add('intake-message', { a: 1 }, { jobId: '123-4' });
const j2 = await q.add('intake-message', { a: 2 }, { jobId: '123-4' });
console.log(j.id, j2.id, j2.data);
try { await q.add('x', {}, { jobId: '123:4' }); } catch (e) { console.log('err', e.message); }
console.log(await q.getJobState('123-4'), await q.getJobState('nope'));
const w = new Worker('t1', async (job, token, signal) => { console.log('proc', job.id, typeof token, !!signal); return 'ok'; }, { connection: new Redis('redis://127.0.0.1:16399', { maxRetriesPerRequest: null }) });
await new Promise(r => w.on('completed', r));
console.log(await q.getJobCounts('waiting','active','delayed','failed','completed'));
await w.close(); await q.close(); conn.disconnect();
