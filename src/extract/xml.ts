// Safe XML event reading for OOXML parts. saxes never fetches anything and expands only the five
// predefined entities; on top of that every part is refused outright when it declares a DTD.
import { SaxesParser, type SaxesTagNS } from 'saxes';

export type XmlTag = SaxesTagNS;

/** `end` is the index in the part's text just past the tag that raised the event. */
export interface XmlHandler {
  open?(tag: XmlTag, end: number): void;
  close?(tag: XmlTag, end: number): void;
  text?(text: string): void;
}

/** Thrown by a handler to stop reading a part; `readXml` turns it into its failure reason. */
export class XmlRefusal extends Error {}

/**
 * ECMA-376 Part 2 [M1.18]: DTD declarations shall not be used in OOXML and a reader shall
 * treat one as an error. A DOCTYPE is how entity-expansion bombs and external entities (XXE) get in.
 * User text cannot produce a false match: '<' inside text and attribute values is always escaped.
 */
export function dtdProblem(name: string, xml: string): string | null {
  return /<!(DOCTYPE|ENTITY)/i.test(xml) ? `${name} declares a DTD (<!DOCTYPE/<!ENTITY>), which OOXML forbids` : null;
}

/** ECMA-376 Part 2 [M1.17]: parts are UTF-8 or UTF-16; XML 1.0 §4.3.3 makes UTF-16 start with a byte order mark. */
export function decodeXmlPart(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Runs the handler over the part's events. A malformed part or an XmlRefusal becomes the returned
 * reason; any other error a handler throws is a defect and propagates.
 */
export function readXml(name: string, xml: string, handler: XmlHandler): string | null {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let handlerError: unknown = null;
  // saxes reports malformed input by throwing from write(); a handler's throw comes out the same way.
  const guarded = <T extends unknown[]>(callback: (...args: T) => void) => (...args: T) => {
    try {
      callback(...args);
    } catch (err) {
      handlerError = err;
      throw err;
    }
  };
  const { open, close, text } = handler;
  if (open) parser.on('opentag', guarded((tag: XmlTag) => open(tag, parser.position)));
  if (close) parser.on('closetag', guarded((tag: XmlTag) => close(tag, parser.position)));
  if (text) parser.on('text', guarded(text));
  try {
    parser.write(xml).close();
    return null;
  } catch (err) {
    if (err !== handlerError) return `${name} is not well-formed XML (${err instanceof Error ? err.message : String(err)})`;
    if (err instanceof XmlRefusal) return err.message;
    throw err;
  }
}

/** The value of the attribute with this local name, whatever its prefix (w:val, w14:val, val). */
export function attr(tag: XmlTag, local: string): string | undefined {
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.local === local) return attribute.value;
  }
  return undefined;
}
