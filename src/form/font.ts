// Fonts embedded in generated PDFs. PDF viewers ship no Japanese font they must honour, so a PDF
// 申請書 renders everywhere only with its glyphs embedded (Noto Sans JP, OFL).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

export interface JapaneseFontPaths {
  regular: string;
  bold: string;
}

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-jp';
// Static weights (not a variable font): pdfkit embeds exactly the weight it is given.
const REGULAR_FILE = '400Regular/NotoSansJP_400Regular.ttf';
const BOLD_FILE = '700Bold/NotoSansJP_700Bold.ttf';

/**
 * Noto Sans JP has no ☑ ☐ ✔, marks applicants (and the form's own 記入要領) use for checkboxes.
 * These system fonts have them; the first one present stands in for the missing glyphs.
 */
const SYMBOL_FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/Library/Fonts/DejaVuSans.ttf',
];

// Resolved through Node's module resolution, so it works from src/ under vitest and from dist/.
const require = createRequire(import.meta.url);

let cached: JapaneseFontPaths | undefined;

export function japaneseFontPaths(): JapaneseFontPaths {
  cached ??= { regular: resolveFont(REGULAR_FILE), bold: resolveFont(BOLD_FILE) };
  return cached;
}

/** A font for the symbols Noto Sans JP lacks, or undefined when the machine has none. */
export function symbolFontPath(): string | undefined {
  return SYMBOL_FONT_CANDIDATES.find((path) => existsSync(path));
}

function resolveFont(file: string): string {
  const specifier = `${FONT_PACKAGE}/${file}`;
  try {
    return require.resolve(specifier);
  } catch (err) {
    throw new Error(`Japanese font ${specifier} not found: is ${FONT_PACKAGE} installed?`, { cause: err });
  }
}
