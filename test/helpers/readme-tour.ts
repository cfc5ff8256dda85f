import { isDeepStrictEqual } from 'node:util';

/**
 * The README's API tour as a test reads it: the `sh` blocks of the "A tour of the API" section, split into the
 * commands bash would run, each with the answer the README shows beneath it, if any.
 *
 * An answer is a comment line right under its command: `# 201` and, optionally, the body as JSON in which `…`
 * stands for what the README leaves out — a value (`"id":…`), object members (`{"id":…,…}`), the rest of an array
 * (`[{…},…]`) or any text inside a string (`"plaudit_…"`). A body may go on over more comment lines until its
 * brackets close; what follows it on the line is prose. Other comments are prose too.
 */
export interface TourCommand {
  /** The command as bash gets it, over as many lines as it takes. */
  text: string;
  answer?: ShownAnswer;
}

export interface ShownAnswer {
  status: number;
  body?: Pattern;
  /** The comment as written, for failure messages. */
  shown: string;
}

export type Pattern =
  | { kind: 'any' }
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'text'; parts: string[] }
  | { kind: 'object'; members: Array<[string, Pattern]>; open: boolean }
  | { kind: 'array'; items: Pattern[]; open: boolean };

const ELLIPSIS = '…';

/** The `sh` code blocks of the markdown section whose heading is `heading`, in order. */
export function shellBlocks(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`no section "${heading}"`);
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(/^## /m);
  const section = end === -1 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

interface Scan {
  quote: "'" | '"' | undefined;
  depth: number;
  /** The line ended with a backslash outside quotes. */
  continued: boolean;
}

/** Follows bash's quoting over one line, so that a command's end can be told from a line inside a quote. */
function scanLine(line: string, state: Scan): void {
  state.continued = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (state.quote === "'") {
      if (char === "'") state.quote = undefined;
    } else if (state.quote === '"') {
      if (char === '\\') index += 1;
      else if (char === '"') state.quote = undefined;
    } else if (char === '\\') {
      if (index === line.length - 1) state.continued = true;
      index += 1;
    } else if (char === "'" || char === '"') {
      state.quote = char;
    } else if (char === '(') {
      state.depth += 1;
    } else if (char === ')') {
      state.depth -= 1;
    } else if (char === '#' && (index === 0 || /\s/.test(line[index - 1]!))) {
      return; // a comment to the end of the line
    }
  }
}

/** Splits a block into its commands and the answers shown under them. */
export function tourCommands(block: string): TourCommand[] {
  const commands: TourCommand[] = [];
  const lines = block.split('\n');
  let current: string[] = [];
  const state: Scan = { quote: undefined, depth: 0, continued: false };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (current.length === 0) {
      if (line.trim() === '') continue;
      if (line.trimStart().startsWith('#')) {
        const status = /^#\s*(\d{3})\b(.*)$/.exec(line.trim());
        if (!status) continue; // prose
        const previous = commands.at(-1);
        if (!previous || previous.answer) throw new Error(`an answer under no command: ${line}`);
        let shown = line.trim();
        let body = status[2]!.trim();
        while (body.startsWith('{') || body.startsWith('[')) {
          const closed = closingIndex(body);
          if (closed !== -1) {
            body = body.slice(0, closed + 1);
            break;
          }
          const next = lines[index + 1];
          if (next === undefined || !next.trimStart().startsWith('#')) throw new Error(`unclosed answer: ${shown}`);
          index += 1;
          shown += `\n${next.trim()}`;
          body += next.trim().replace(/^#\s*/, '');
        }
        previous.answer = {
          status: Number(status[1]),
          body: body.startsWith('{') || body.startsWith('[') ? parsePattern(body) : undefined,
          shown,
        };
        continue;
      }
    }
    current.push(line);
    scanLine(line, state);
    if (state.quote === undefined && state.depth === 0 && !state.continued) {
      commands.push({ text: current.join('\n') });
      current = [];
    }
  }
  if (current.length > 0) throw new Error(`a command that never ends: ${current.join('\n')}`);
  return commands;
}

/** Where the bracket opening `text` closes, or -1 if it does not close in it. */
function closingIndex(text: string): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/** Parses JSON in which `…` may stand for a value, for object members or for the rest of an array. */
export function parsePattern(text: string): Pattern {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${at} in ${text}`);
  };
  const skip = () => {
    while (/\s/.test(text[at] ?? '')) at += 1;
  };
  const expect = (char: string) => {
    skip();
    if (text[at] !== char) fail(`expected "${char}"`);
    at += 1;
  };
  const ellipsis = () => {
    skip();
    if (text[at] !== ELLIPSIS) return false;
    at += 1;
    return true;
  };
  const string = (): string => {
    skip();
    const match = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(at));
    if (!match) return fail('expected a string');
    at += match[0].length;
    return JSON.parse(match[0]) as string;
  };
  const object = (): Pattern => {
    expect('{');
    const members: Array<[string, Pattern]> = [];
    let open = false;
    skip();
    while (text[at] !== '}') {
      if (ellipsis()) open = true;
      else {
        const key = string();
        expect(':');
        members.push([key, value()]);
      }
      skip();
      if (text[at] !== '}') expect(',');
      skip();
    }
    at += 1;
    return { kind: 'object', members, open };
  };
  const array = (): Pattern => {
    expect('[');
    const items: Pattern[] = [];
    let open = false;
    skip();
    while (text[at] !== ']') {
      if (open) fail('"…" may only end an array');
      if (ellipsis()) open = true;
      else items.push(value());
      skip();
      if (text[at] !== ']') expect(',');
      skip();
    }
    at += 1;
    return { kind: 'array', items, open };
  };
  const value = (): Pattern => {
    skip();
    if (ellipsis()) return { kind: 'any' };
    if (text[at] === '{') return object();
    if (text[at] === '[') return array();
    if (text[at] === '"') {
      const content = string();
      return content.includes(ELLIPSIS)
        ? { kind: 'text', parts: content.split(ELLIPSIS) }
        : { kind: 'literal', value: content };
    }
    const literal = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(at));
    if (!literal) return fail('expected a value');
    at += literal[0].length;
    return { kind: 'literal', value: JSON.parse(literal[0]) as number | boolean | null };
  };
  const pattern = value();
  skip();
  if (at !== text.length) fail('unexpected text');
  return pattern;
}

function matchesText(parts: string[], actual: string): boolean {
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (!actual.startsWith(first) || actual.length < first.length + last.length || !actual.endsWith(last)) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = actual.indexOf(part, at);
    if (found === -1 || found + part.length > actual.length - last.length) return false;
    at = found + part.length;
  }
  return true;
}

/** What in `actual` differs from what the README shows, one line per difference; none when it matches. */
export function mismatches(pattern: Pattern, actual: unknown, path = 'body'): string[] {
  const seen = JSON.stringify(actual)?.slice(0, 200);
  switch (pattern.kind) {
    case 'any':
      return [];
    case 'literal':
      return isDeepStrictEqual(pattern.value, actual)
        ? []
        : [`${path}: shown ${JSON.stringify(pattern.value)}, got ${seen}`];
    case 'text':
      return typeof actual === 'string' && matchesText(pattern.parts, actual)
        ? []
        : [`${path}: shown "${pattern.parts.join(ELLIPSIS)}", got ${seen}`];
    case 'object': {
      if (typeof actual !== 'object' || actual === null || Array.isArray(actual))
        return [`${path}: an object, got ${seen}`];
      const record = actual as Record<string, unknown>;
      const problems = pattern.members.flatMap(([key, member]) =>
        key in record ? mismatches(member, record[key], `${path}.${key}`) : [`${path}.${key}: missing`],
      );
      if (!pattern.open) {
        const shown = new Set(pattern.members.map(([key]) => key));
        for (const key of Object.keys(record)) if (!shown.has(key)) problems.push(`${path}.${key}: not shown`);
      }
      return problems;
    }
    case 'array': {
      if (!Array.isArray(actual)) return [`${path}: an array, got ${seen}`];
      const problems = pattern.items.flatMap((item, index) =>
        index < actual.length ? mismatches(item, actual[index], `${path}[${index}]`) : [`${path}[${index}]: missing`],
      );
      if (!pattern.open && actual.length > pattern.items.length) {
        problems.push(`${path}: ${actual.length} items, ${pattern.items.length} shown`);
      }
      return problems;
    }
  }
}
