// JSON.parse keeps the last of two equal member names, while other parsers keep the first or
// refuse (RFC 8259 §4, RFC 7515 §5.2 step 4), so duplicates are found by scanning the raw text.

export interface TextRange {
  start: number;
  end: number;
}

export interface DuplicateMember {
  name: string;
  occurrences: TextRange[];
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

export function findDuplicateMembers(text: string): DuplicateMember[] {
  const seen = new Map<string, TextRange[]>();
  let depth = 0;
  let index = 0;

  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      const end = findStringEnd(text, index);
      if (depth === 1 && text[skipWhitespace(text, end)] === ':') {
        const name = decodeJsonString(text.slice(index, end));
        const ranges = seen.get(name) ?? [];
        ranges.push({ start: index, end });
        seen.set(name, ranges);
      }
      index = end;
      continue;
    }
    if (char === '{' || char === '[') depth += 1;
    if (char === '}' || char === ']') depth -= 1;
    index += 1;
  }

  return [...seen]
    .filter(([, occurrences]) => occurrences.length > 1)
    .map(([name, occurrences]) => ({ name, occurrences }));
}

// Returns the index just past the closing quote of the string starting at `start`.
function findStringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === '\\') index += 2;
    else if (text[index] === '"') return index + 1;
    else index += 1;
  }
  return text.length;
}

function skipWhitespace(text: string, start: number): number {
  let index = start;
  while (index < text.length && WHITESPACE.has(text[index] ?? '')) index += 1;
  return index;
}

// "a" and "\u0061" name the same member, so names are compared after unescaping.
function decodeJsonString(raw: string): string {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw;
  }
}
