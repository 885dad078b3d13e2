/**
 * Splits a JSON object into its top-level members without parsing their values, so a large
 * genesis can be parsed one module section at a time: only one section's objects are alive at
 * once instead of the whole app state (a 1M-account genesis is hundreds of MB of objects).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const COMMA = 0x2c;
const COLON = 0x3a;

export interface JsonSections {
  names(): string[];
  /** Parses one member's value; undefined when the object has no such member. */
  parse(name: string): unknown;
  /**
   * Parses one object member like `parse`, except that each array directly inside it becomes an
   * iterable that parses one element at a time: a million genesis accounts then never exist as
   * objects all at once.
   */
  parseStreaming(name: string): unknown;
  /** An array member as an iterable of its parsed elements; undefined unless it is an array. */
  streamArray(name: string): Iterable<unknown> | undefined;
}

/** Indexes the members of the top-level object in `json`; throws on malformed structure. */
export function jsonSections(json: Uint8Array): JsonSections {
  const bytes = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  const spans = new Map<string, [number, number]>();
  let i = skipSpace(bytes, 0);
  if (bytes[i] !== 0x7b) throw new SyntaxError("genesis app_state must be a JSON object");
  i = skipSpace(bytes, i + 1);
  while (i < bytes.length && bytes[i] !== 0x7d) {
    if (bytes[i] !== QUOTE) throw new SyntaxError(`expected a member name at byte ${i} of app_state`);
    const nameEnd = stringEnd(bytes, i);
    const name = JSON.parse(bytes.toString("utf8", i, nameEnd)) as string;
    i = skipSpace(bytes, nameEnd);
    if (bytes[i] !== COLON) throw new SyntaxError(`expected ':' after "${name}" at byte ${i} of app_state`);
    const start = skipSpace(bytes, i + 1);
    const end = valueEnd(bytes, start);
    if (spans.has(name)) throw new SyntaxError(`app_state has "${name}" twice`);
    spans.set(name, [start, end]);
    i = skipSpace(bytes, end);
    if (bytes[i] === COMMA) i = skipSpace(bytes, i + 1);
    else if (bytes[i] !== 0x7d) throw new SyntaxError(`expected ',' or '}' at byte ${i} of app_state`);
  }
  if (bytes[i] !== 0x7d) throw new SyntaxError("app_state ends before its closing brace");
  if (skipSpace(bytes, i + 1) !== bytes.length) throw new SyntaxError("app_state has data after its closing brace");
  const parseSpan = (start: number, end: number): unknown => JSON.parse(bytes.toString("utf8", start, end));
  const sections: JsonSections = {
    names: () => [...spans.keys()],
    parse(name) {
      const span = spans.get(name);
      return span ? parseSpan(span[0], span[1]) : undefined;
    },
    parseStreaming(name) {
      const span = spans.get(name);
      if (!span) return undefined;
      if (bytes[span[0]] !== 0x7b) return parseSpan(span[0], span[1]);
      const members = jsonSections(bytes.subarray(span[0], span[1]));
      const section: Record<string, unknown> = {};
      for (const member of members.names()) section[member] = members.streamArray(member) ?? members.parse(member);
      return section;
    },
    streamArray(name) {
      const span = spans.get(name);
      if (!span || bytes[span[0]] !== 0x5b) return undefined;
      return { [Symbol.iterator]: () => arrayElements(bytes, span[0], span[1], parseSpan) };
    },
  };
  return sections;
}

/** Parses the elements of the array spanning [start, end) one at a time. */
function* arrayElements(bytes: Buffer, start: number, end: number, parseSpan: (s: number, e: number) => unknown): Generator<unknown> {
  let i = skipSpace(bytes, start + 1);
  while (i < end - 1) {
    const elementEnd = valueEnd(bytes, i);
    yield parseSpan(i, elementEnd);
    i = skipSpace(bytes, elementEnd);
    if (bytes[i] === COMMA) i = skipSpace(bytes, i + 1);
    else if (i !== end - 1) throw new SyntaxError(`expected ',' or ']' at byte ${i} of app_state`);
  }
}

function skipSpace(bytes: Buffer, i: number): number {
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return i;
}

/** The index just past the string starting at i (a quote). */
function stringEnd(bytes: Buffer, i: number): number {
  for (let j = i + 1; j < bytes.length; j++) {
    if (bytes[j] === BACKSLASH) j++;
    else if (bytes[j] === QUOTE) return j + 1;
  }
  throw new SyntaxError("unterminated string in app_state");
}

/** The index just past the value starting at i; nested values are skipped by depth. */
function valueEnd(bytes: Buffer, i: number): number {
  if (bytes[i] === QUOTE) return stringEnd(bytes, i);
  if (!OPEN.has(bytes[i]!)) {
    let j = i;
    while (j < bytes.length && bytes[j] !== COMMA && bytes[j] !== 0x7d && bytes[j] !== 0x20 && bytes[j] !== 0x0a) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < bytes.length; j++) {
    const b = bytes[j]!;
    if (b === QUOTE) j = stringEnd(bytes, j) - 1;
    else if (OPEN.has(b)) depth++;
    else if (CLOSE.has(b) && --depth === 0) return j + 1;
  }
  throw new SyntaxError("unbalanced brackets in app_state");
}
