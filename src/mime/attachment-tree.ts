// Every file in a message, flattened: top-level attachments, and what forwarded messages
// (message/rfc822, or an .eml sent as application/octet-stream) and zip files hold, each listed
// after its container with a display path "<container>/<name>". Containers deeper than
// INTAKE_MAX_NESTING_DEPTH are listed but not opened (each level multiplies the work).
import type { Limits } from '../config/limits.js';
import type { FoundAttachment } from './message.js';
import { overLimit } from './limit-messages.js';
import type { MimePart } from './mail-parts.js';
import { noteEncoding } from './message-headers.js';
import { readMessage } from './message-reader.js';
import { safeBaseName, safeRelativePath } from './safe-name.js';
import { contentTypeOfKind, extensionOfKind, sniffFormat, type Sniffed } from './sniff.js';
import { readZip, type InflateBudget, type ZipItem } from './zip.js';

export interface TreeContext {
  limits: Limits;
  /** Shared by every zip in the message, nested ones included. */
  budget: InflateBudget;
  /** Encoding problems, for ParsedMessage.encodingProblems. */
  problems: string[];
}

/** A file inside some container, before it is sniffed and named. */
interface Item {
  /** Decoded name as given (a MIME file name, a zip entry name), or null. */
  name: string | null;
  /** Zip entries keep their folders in the display path. */
  keepFolders: boolean;
  /** Declared Content-Type; null for zip entries, which have none. */
  contentType: string | null;
  bytes: Buffer | null;
  size: number;
  sha256: string;
  head: Buffer | null;
  problem?: string;
}

const FORWARD_NAME = 'forwarded.eml';

/** Fallback names are made unique within their container; real names are shown as given. */
class NameAllocator {
  private readonly used = new Set<string>();
  real(name: string): string {
    this.used.add(name);
    return name;
  }
  generated(name: string): string {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${stem}-${n}${ext}`;
    return this.real(candidate);
  }
}

/** "<subject>.eml" as mailers name a forwarded message, made safe to show. */
function subjectName(subject: string): string | null {
  const stem = subject.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim().slice(0, 80);
  return stem ? `${stem}.eml` : null;
}

function sniffItem(item: Item): Sniffed {
  const sample = item.bytes ?? item.head;
  const sniffed: Sniffed = sample ? sniffFormat(sample) : { format: 'other', kind: 'unknown' };
  // A declared message/rfc822 whose header block holds no field our sniffer insists on is still a message.
  if (item.contentType === 'message/rfc822' && sniffed.kind === 'text') return { format: 'eml', kind: 'eml' };
  return sniffed;
}

const nestingProblem = (limits: Limits) => `${overLimit('maxNestingDepth', limits, '入れ子')}（開いていません）`;

/** A container's contents, listed once the container's own display path is known. */
interface Opened {
  problem?: string;
  /** A forwarded message's subject, to name it when it came without a file name. */
  subject?: string;
  children(where: string): Promise<FoundAttachment[]>;
}

const NOTHING = async (): Promise<FoundAttachment[]> => [];

/** Opens a forwarded message or a zip, unless it is unread, too deep, or not a container. */
async function openItem(item: Item, kind: string, ctx: TreeContext, depth: number): Promise<Opened> {
  const unopened = (problem?: string): Opened => (problem ? { problem, children: NOTHING } : { children: NOTHING });
  if ((kind !== 'eml' && kind !== 'zip') || item.bytes === null || item.problem) return unopened(item.problem);
  if (depth >= ctx.limits.maxNestingDepth) return unopened(nestingProblem(ctx.limits));
  if (kind === 'zip') {
    const listing = await readZip(item.bytes, ctx.limits, ctx.budget);
    const children = (where: string) => expandItems(listing.items.map(itemOfZipEntry), ctx, depth + 1, where);
    return listing.problem ? { problem: listing.problem, children } : { children };
  }
  const problems: string[] = [];
  const read = await readMessage(item.bytes, ctx.limits, problems);
  if (!read.ok) return unopened(read.reason);
  return {
    subject: read.headers.subject,
    children: (where) => {
      ctx.problems.push(...problems.map((p) => `${where}: ${p}`));
      return expandItems(read.parts.filter((p) => !p.isBody).map(itemOfPart), ctx, depth + 1, where);
    },
  };
}

function fallbackName(kind: string, index: number, subject: string | undefined): string {
  if (kind === 'eml') return (subject && subjectName(subject)) || FORWARD_NAME;
  return `attachment-${index + 1}.${extensionOfKind(kind)}`;
}

async function expandItems(items: readonly Item[], ctx: TreeContext, depth: number, parentPath: string | null): Promise<FoundAttachment[]> {
  const found: FoundAttachment[] = [];
  const names = new NameAllocator();
  for (const [index, item] of items.entries()) {
    const { format, kind } = sniffItem(item);
    const opened = await openItem(item, kind, ctx, depth);
    const given = item.name === null ? null : safeBaseName(item.name);
    const filename = given ? names.real(given) : names.generated(fallbackName(kind, index, opened.subject));
    const shown = (item.keepFolders && item.name !== null && safeRelativePath(item.name)) || filename;
    const path = parentPath === null ? undefined : `${parentPath}/${shown}`;
    const where = path ?? filename;
    if (item.name !== null) noteEncoding(ctx.problems, `${where}: ファイル名`, item.name);

    const attachment: FoundAttachment = {
      filename,
      contentType: item.contentType ?? contentTypeOfKind(kind),
      size: item.size,
      sha256: item.sha256,
      format,
      kind,
      depth,
      bytes: item.bytes,
    };
    if (path !== undefined) attachment.path = path;
    if (opened.problem) attachment.problem = opened.problem;
    found.push(attachment, ...(await opened.children(where)));
  }
  return found;
}

function itemOfPart(part: MimePart): Item {
  const { content } = part;
  const item: Item = { name: part.filename, keepFolders: false, contentType: part.contentType, bytes: content.bytes, size: content.size, sha256: content.sha256, head: content.head };
  if (part.problem) item.problem = part.problem;
  return item;
}

function itemOfZipEntry(entry: ZipItem): Item {
  const item: Item = { name: entry.name, keepFolders: true, contentType: null, bytes: entry.bytes, size: entry.size, sha256: entry.sha256, head: entry.head };
  if (entry.problem) item.problem = entry.problem;
  return item;
}

/** The attachments of a message's parts (its text bodies excluded), nested ones flattened after their container. */
export function attachmentsOf(parts: readonly MimePart[], ctx: TreeContext): Promise<FoundAttachment[]> {
  return expandItems(parts.filter((p) => !p.isBody).map(itemOfPart), ctx, 0, null);
}
