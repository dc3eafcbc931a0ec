export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'punctuation';

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
}

const TOKEN =
  /("(?:\\.|[^"\\])*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([\s\S])/g;

// Splits JSON text into coloured runs for display; the runs are rendered as text, never markup.
export function tokenizeJson(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  const push = (kind: JsonTokenKind, part: string): void => {
    const last = tokens.at(-1);
    if (kind === 'punctuation' && last?.kind === 'punctuation') last.text += part;
    else tokens.push({ kind, text: part });
  };
  for (const [whole, string, colon, number, literal] of text.matchAll(TOKEN)) {
    if (string !== undefined) {
      push(colon === undefined ? 'string' : 'key', string);
      if (colon !== undefined) push('punctuation', colon);
    } else if (number !== undefined) push('number', number);
    else if (literal !== undefined) push('literal', literal);
    else push('punctuation', whole);
  }
  return tokens;
}

export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
