// File names from a message or a zip are only ever shown, never used as paths (architecture.md,
// "Untrusted input"). Still, what we hand on must not look like a path that climbs out of
// anything: "../../etc/passwd", "/abs", "C:\x", NUL and control characters are neutralized here,
// so that `path` ("bundle.zip/etc/passwd") is a plain display string.

// C0, DEL, C1 controls and the Unicode bidi overrides that make "exe.pdf" display as "fdp.exe".
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A name's segments with ".", "..", empty and drive-letter segments dropped. */
function safeSegments(name: string): string[] {
  const segments = name
    .replace(UNSAFE_CHARS, '_')
    .split(/[\\/]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  if (segments.length > 0 && /^[A-Za-z]:$/.test(segments[0]!)) segments.shift();
  return segments;
}

/** The display path of a nested entry ("dir/申請書.xlsx"), or null when nothing usable remains. */
export function safeRelativePath(name: string): string | null {
  const segments = safeSegments(name);
  return segments.length > 0 ? segments.join('/') : null;
}

/** The last segment of a name, or null when nothing usable remains. */
export function safeBaseName(name: string): string | null {
  return safeSegments(name).at(-1) ?? null;
}
