/**
 * Fixed-column text layout for a receipt printer in Chinese mode: every character GB18030
 * encodes in one byte (ASCII) takes one column, every multi-byte one is printed as a
 * double-width glyph and takes two. Iterating by code point never splits a character.
 */
export function charWidth(char: string): number {
  return char.codePointAt(0)! < 0x80 ? 1 : 2;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

export interface StyledRun {
  text: string;
  bold: boolean;
}

export interface LaidOutLine {
  runs: StyledRun[];
  width: number;
}

/** A closing mark must not start a line (the usual Chinese line-breaking rule). */
const NO_LINE_START = new Set([...'，。、；：！？）》」』】〉％,.;:!?)]}%']);

interface Token {
  text: string;
  bold: boolean;
  width: number;
  space: boolean;
}

function tokenize(runs: readonly StyledRun[], maxWidth: number): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    // Latin words stay whole; CJK may break between any two characters.
    for (const piece of run.text.match(/ |[!-~]+|[^ -~]/gu) ?? []) {
      const width = displayWidth(piece);
      if (piece.length > 1 && width > maxWidth) {
        for (const char of piece) tokens.push({ text: char, bold: run.bold, width: 1, space: false });
      } else {
        tokens.push({ text: piece, bold: run.bold, width, space: piece === ' ' });
      }
    }
  }
  return tokens;
}

function toLine(tokens: Token[]): LaidOutLine {
  while (tokens.length > 0 && tokens[tokens.length - 1]!.space) tokens.pop();
  const runs: StyledRun[] = [];
  let width = 0;
  for (const token of tokens) {
    width += token.width;
    const last = runs[runs.length - 1];
    if (last && last.bold === token.bold) last.text += token.text;
    else runs.push({ text: token.text, bold: token.bold });
  }
  return { runs, width };
}

/**
 * Wraps styled text to `width` columns; lines after the first are `indent` columns narrower
 * (the caller prints the indent). Spaces at a break are dropped. Text must hold no line breaks.
 */
export function wrapRuns(runs: readonly StyledRun[], width: number, indent = 0): LaidOutLine[] {
  const restWidth = Math.max(1, width - indent);
  const lines: Token[][] = [];
  let line: Token[] = [];
  let used = 0;
  let limit = width;
  const breakLine = (): void => {
    lines.push(line);
    line = [];
    used = 0;
    limit = restWidth;
  };
  for (const token of tokenize(runs, restWidth)) {
    if (token.space && line.length === 0 && lines.length > 0) continue;
    if (line.length === 0 || used + token.width <= limit) {
      line.push(token);
      used += token.width;
      continue;
    }
    if (token.space) {
      breakLine();
      continue;
    }
    const carried: Token[] = [];
    const last = line[line.length - 1]!;
    if (NO_LINE_START.has(token.text) && line.length > 1 && !last.space && last.width + token.width <= restWidth) {
      carried.push(line.pop()!);
    }
    breakLine();
    for (const t of [...carried, token]) {
      line.push(t);
      used += t.width;
    }
  }
  lines.push(line);
  return lines.map(toLine);
}

/** Plain-text convenience over wrapRuns. */
export function wrapText(text: string, width: number): string[] {
  return wrapRuns([{ text, bold: false }], width).map((l) => l.runs.map((r) => r.text).join(''));
}
