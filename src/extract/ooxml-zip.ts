// Bounded reading of the zip container of xlsx and docx (ECMA-376 Part 2, Open Packaging Conventions).
// No size a zip declares is trusted: bytes are counted while inflating and inflation stops at the first
// limit, so a zip bomb costs at most the limit. Only the parts asked for are inflated. Entry names are
// map keys, never paths on disk.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ExtractLimits } from './document.js';
import { decodeXmlPart, dtdProblem } from './xml.js';

/** The wanted XML parts by entry name, as text; or why the container cannot be read. */
export type OoxmlParts = { ok: true; parts: Map<string, string> } | { ok: false; reason: string };

type Failure = { ok: false; reason: string };

const MB = 1024 * 1024;
const ZIP_SIGNATURES = [Buffer.from('504b0304', 'hex'), Buffer.from('504b0506', 'hex')]; // local header, empty archive
const CFB_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
// MS-OFFCRYPTO: Office saves a password-protected xlsx/docx as a compound file (CFB) whose
// "EncryptedPackage" stream holds the encrypted zip; CFB directory entry names are UTF-16LE.
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** "200 MB", "0.5 MB": limits are configured in MB (INTAKE_*_MB) and named that way in reasons. */
function megabytes(bytes: number): string {
  return `${Number((bytes / MB).toFixed(2))} MB`;
}

/**
 * Inflates the XML parts `wanted` picks, enforcing INTAKE_MAX_ZIP_ENTRIES on the whole container,
 * INTAKE_MAX_XML_MB on each part and INTAKE_MAX_UNCOMPRESSED_MB on everything inflated, and refusing
 * any part that declares a DTD.
 */
export async function readOoxmlParts(
  bytes: Buffer,
  limits: ExtractLimits,
  wanted: (name: string) => boolean,
): Promise<OoxmlParts> {
  const notZip = containerProblem(bytes);
  if (notZip) return failure(notZip);
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true });
  } catch (err) {
    return failure(zipProblem(err));
  }
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      return failure(`zip entries (${zip.entryCount}) exceed INTAKE_MAX_ZIP_ENTRIES (${limits.maxZipEntries})`);
    }
    const parts = new Map<string, string>();
    const seen = new Set<string>();
    const budget = { left: limits.maxUncompressedBytes };
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      // [M1.12] part names are equivalent when equal ignoring ASCII case; a package must not repeat one.
      const key = entry.fileName.toLowerCase();
      if (seen.has(key)) return failure(`corrupt zip (the part ${entry.fileName} occurs twice)`);
      seen.add(key);
      if (!wanted(entry.fileName)) continue;
      const inflated = await inflate(zip, entry, limits, budget);
      if (!inflated.ok) return inflated;
      const xml = decodeXmlPart(inflated.bytes);
      const dtd = dtdProblem(entry.fileName, xml);
      if (dtd) return failure(dtd);
      parts.set(entry.fileName, xml);
    }
    return { ok: true, parts };
  } catch (err) {
    return failure(zipProblem(err));
  } finally {
    zip.close();
  }
}

async function inflate(
  zip: ZipFile,
  entry: Entry,
  limits: ExtractLimits,
  budget: { left: number },
): Promise<{ ok: true; bytes: Buffer } | Failure> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early destroys the stream, which stops inflation.
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    budget.left -= chunk.length;
    if (budget.left < 0) return failure(`uncompressed size exceeds INTAKE_MAX_UNCOMPRESSED_MB (${megabytes(limits.maxUncompressedBytes)})`);
    if (size > limits.maxXmlBytes) return failure(`XML part ${entry.fileName} exceeds INTAKE_MAX_XML_MB (${megabytes(limits.maxXmlBytes)})`);
    chunks.push(chunk);
  }
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}

function containerProblem(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8).equals(CFB_SIGNATURE)) {
    return bytes.includes(ENCRYPTED_PACKAGE)
      ? 'file is password-protected (encrypted OOXML)'
      : 'not a zip file (an OLE compound file, such as a legacy .xls or .doc)';
  }
  return ZIP_SIGNATURES.some((signature) => bytes.subarray(0, 4).equals(signature)) ? null : 'not a zip file';
}

function zipProblem(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // The file starts like a zip (checked first), so a missing end record means the end was cut off.
  if (/end of central directory record signature not found/i.test(message)) return 'truncated zip (its central directory is missing)';
  if (/encrypt/i.test(message)) return 'file is password-protected (encrypted zip entry)';
  return `corrupt zip (${message})`;
}

function failure(reason: string): Failure {
  return { ok: false, reason };
}
